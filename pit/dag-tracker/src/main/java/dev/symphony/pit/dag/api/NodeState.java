package dev.symphony.pit.dag.api;

/**
 * State of one node in a run. The tracker moves nodes between PENDING, READY and SKIPPED itself as
 * dependencies resolve; the caller moves them with {@link DagTracker#start}, {@link DagTracker#complete},
 * {@link DagTracker#fail}, {@link DagTracker#skip} and {@link DagTracker#reset}.
 *
 * <pre>
 *   PENDING <-> READY -> RUNNING -> DONE
 *      |          |         \-> FAILED
 *      +----------+-> SKIPPED
 *   DONE, FAILED, SKIPPED -> PENDING (reset, for a re-run)
 * </pre>
 */
public enum NodeState {
    PENDING, READY, RUNNING, DONE, FAILED, SKIPPED;

    private static final NodeState[] VALUES = values();

    public static NodeState fromOrdinal(final int ordinal) {
        return VALUES[ordinal];
    }

    /** DONE, FAILED or SKIPPED. */
    public boolean isFinished() {
        return this == DONE || this == FAILED || this == SKIPPED;
    }
}
