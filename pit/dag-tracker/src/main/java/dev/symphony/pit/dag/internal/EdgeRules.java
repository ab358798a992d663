package dev.symphony.pit.dag.internal;

import dev.symphony.pit.dag.api.DagGraph;
import dev.symphony.pit.dag.api.EdgeKind;
import dev.symphony.pit.dag.api.NodeState;

/**
 * The semantics of {@link EdgeKind} as one pure function: the status of an edge given its kind and its source's
 * state (and chosen branch). Everything else, incremental or from scratch, is counting these statuses.
 *
 * <pre>
 *   source state      HARD        SOFT        PARALLEL    OPTIONAL
 *   PENDING/READY     waiting     waiting     waiting     non-gating
 *   RUNNING           waiting     waiting     satisfied   non-gating
 *   DONE (taken)      satisfied   satisfied   satisfied   non-gating
 *   DONE (not taken)  dead        dead        -           non-gating
 *   FAILED            blocked     satisfied   blocked     non-gating
 *   SKIPPED           dead        dead        dead        non-gating
 * </pre>
 *
 * A target in PENDING/READY is: PENDING while any gating edge is waiting or blocked; otherwise SKIPPED when it
 * has gating edges and all are dead; otherwise READY.
 */
final class EdgeRules {
    static final byte WAITING = 0;
    static final byte SATISFIED = 1;
    static final byte DEAD = 2;
    static final byte BLOCKED = 3;
    static final byte NON_GATING = 4;

    private static final int SOFT = EdgeKind.SOFT.ordinal();
    private static final int PARALLEL = EdgeKind.PARALLEL.ordinal();
    private static final int OPTIONAL = EdgeKind.OPTIONAL.ordinal();

    static final byte PENDING_S = (byte)NodeState.PENDING.ordinal();
    static final byte READY_S = (byte)NodeState.READY.ordinal();
    static final byte RUNNING_S = (byte)NodeState.RUNNING.ordinal();
    static final byte DONE_S = (byte)NodeState.DONE.ordinal();
    static final byte FAILED_S = (byte)NodeState.FAILED.ordinal();
    static final byte SKIPPED_S = (byte)NodeState.SKIPPED.ordinal();

    private EdgeRules() {
    }

    static byte status(final int kind, final byte sourceState, final int edgeBranch, final int chosenBranch) {
        if (kind == OPTIONAL) {
            return NON_GATING;
        }
        if (sourceState == PENDING_S || sourceState == READY_S) {
            return WAITING;
        }
        if (sourceState == RUNNING_S) {
            return kind == PARALLEL ? SATISFIED : WAITING;
        }
        if (sourceState == DONE_S) {
            return edgeBranch == DagGraph.UNCONDITIONAL || edgeBranch == chosenBranch ? SATISFIED : DEAD;
        }
        if (sourceState == FAILED_S) {
            return kind == SOFT ? SATISFIED : BLOCKED;
        }
        return DEAD; // SKIPPED
    }
}
