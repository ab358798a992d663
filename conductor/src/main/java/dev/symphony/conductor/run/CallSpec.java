package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.expr.Expr;
import java.util.List;

/**
 * What one call of a node is, fixed when it starts: the node, its name in events (with a loop or sub-Melody
 * prefix), the snapshot of outputs its templates read, its providers in the order to try them, and the input
 * a person set in the step debugger (null: render the node's template).
 */
record CallSpec(MelodyNode node, String name, Expr.Scope scope, List<CapabilitySpec> candidates, JsonNode input) {
    CallSpec {
        candidates = List.copyOf(candidates);
    }
}
