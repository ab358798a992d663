package dev.symphony.conductor.run;

import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.expr.Expr;
import java.util.List;

/**
 * What one call of a node is, fixed when it starts: the node, its name in events (with a loop or sub-Melody
 * prefix), the snapshot of outputs its templates read, and its providers in the order to try them.
 */
record CallSpec(MelodyNode node, String name, Expr.Scope scope, List<CapabilitySpec> candidates) {
    CallSpec {
        candidates = List.copyOf(candidates);
    }
}
