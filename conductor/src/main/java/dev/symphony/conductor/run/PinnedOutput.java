package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A node's output fixed for later runs (the Harmony Board's "pin data"), given to a run through
 * {@link RunContext#pinned}: when the node's turn comes (its inputs done, in order, as if it ran) it does not call
 * anything; it finishes at once with {@code value}, stored in the artifact store like any output, and its
 * {@code node.finished} event says reason "pinned". Only top-level call, loop and sub-Melody nodes (the nodes that do
 * work) are pinned; a pin of any other node, or of a node the Melody does not have, is ignored. The value is the
 * pin's own copy, not a reference to an earlier run, so a pin outlives the runs it was taken from.
 */
public record PinnedOutput(String node, JsonNode value) {
    /** The reason the pinned nodes' {@code node.finished} events give. */
    public static final String REASON = "pinned";
    /** The producer recorded in a pinned output's provenance. */
    public static final String PRODUCER = "conductor/pinned";

    public PinnedOutput {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(value, "value");
    }
}
