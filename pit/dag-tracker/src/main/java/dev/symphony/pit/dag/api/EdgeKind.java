package dev.symphony.pit.dag.api;

/**
 * How a dependency {@code source -> target} constrains the target. "Gating" kinds hold the target back; an edge
 * whose source was skipped (or whose branch was not taken) is <em>dead</em>, and a target all of whose gating
 * edges are dead is skipped too (dead-path elimination), so an if/else join still runs after the taken branch.
 */
public enum EdgeKind {
    /**
     * The target needs the source's output: satisfied when the source is DONE (on a taken branch); a FAILED
     * source blocks the target until the source is recovered or skipped.
     */
    HARD,
    /**
     * Ordering only: the target waits until the source has finished, successfully or not. A FAILED source
     * satisfies it (the target runs without that output); a skipped source makes it dead.
     */
    SOFT,
    /**
     * Never gates: the target runs whenever its other dependencies allow and uses the source's output if it is
     * already DONE. Only recorded (recovery planning lists targets that ran without it).
     */
    OPTIONAL,
    /**
     * Co-scheduling: the target may start once the source has <em>started</em> (RUNNING or DONE), e.g. a
     * consumer of a stream. A source that fails before the target starts blocks it; a skipped source kills it.
     */
    PARALLEL;

    private static final EdgeKind[] VALUES = values();

    public boolean isGating() {
        return this != OPTIONAL;
    }

    public static EdgeKind fromOrdinal(final int ordinal) {
        return VALUES[ordinal];
    }
}
