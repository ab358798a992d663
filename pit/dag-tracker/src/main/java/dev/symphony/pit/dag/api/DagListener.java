package dev.symphony.pit.dag.api;

/** Told, on the caller's thread and without allocation, when the tracker itself changes a node. */
public interface DagListener {
    DagListener NO_OP = new DagListener() {
    };

    /** All the node's gating dependencies are satisfied. */
    default void onReady(final int node) {
    }

    /** The node will not run: every gating dependency is dead (skipped source or branch not taken). */
    default void onSkipped(final int node) {
    }
}
