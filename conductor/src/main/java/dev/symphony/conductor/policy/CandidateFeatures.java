package dev.symphony.conductor.policy;

/**
 * The feature vector of one candidate (a ready node paired with one allowed Instrument), by index. Times
 * are divided by the run's reference critical path ({@code cp}: the longest path of fastest expected times
 * to success); costs by the run's unit cost (mean over nodes of the cheapest expected cost to success).
 * Whoever builds a {@link Decision} (the FQG simulator, the executor) fills all of them through {@link CandidateRows},
 * the one definition of their values.
 */
public final class CandidateFeatures {
    /** Instrument's expected latency of one attempt / cp. */
    public static final int EXPECTED_DURATION = 0;
    /** Instrument's expected time to success (latency / (1 - failure rate)) / cp. */
    public static final int TIME_TO_SUCCESS = 1;
    /** Instrument's cost of one attempt / unit cost. */
    public static final int COST = 2;
    /** Instrument's expected cost to success / unit cost. */
    public static final int COST_TO_SUCCESS = 3;
    /** Instrument's failure rate (0..1). */
    public static final int FAILURE_RATE = 4;
    /** Critical-path position: longest reference path from this node's start to the end of the run / cp. */
    public static final int CRITICAL_TAIL = 5;
    /** Static slack: (cp - head - tail) / cp; 0 on the critical path. */
    public static final int SLACK = 6;
    /** Nodes that depend on this one, transitively / node count. */
    public static final int DESCENDANTS = 7;
    /** log(time to success / the node's fastest alternative's); 0 for its fastest Instrument. */
    public static final int SLOWER_THAN_FASTEST = 8;
    /** log(cost to success / the node's cheapest alternative's); 0 for its cheapest Instrument. */
    public static final int DEARER_THAN_CHEAPEST = 9;
    /** Resource availability: free capacity of this Instrument / its capacity. */
    public static final int INSTRUMENT_FREE = 10;
    /** Free run slots / slots (concurrency left). */
    public static final int SLOTS_FREE = 11;
    /** Budget left / budget. */
    public static final int BUDGET_LEFT = 12;
    /** Time left before the deadline / deadline. */
    public static final int TIME_LEFT = 13;
    /** Urgency: remaining reference critical path of the unfinished nodes / time left (capped at 4). */
    public static final int URGENCY = 14;
    /** Failed attempts of this node so far / 3 (capped at 1). */
    public static final int FAILED_ATTEMPTS = 15;
    /** Ready nodes / slots (capped at 4). */
    public static final int READY_PRESSURE = 16;
    /** This node's tail / the largest tail among ready nodes (1 for the most critical ready node). */
    public static final int TAIL_RANK = 17;
    /**
     * List scheduling's pick: 1 when this node has the longest tail among the candidates' nodes (ties: ready first), the
     * node highest-level-first and {@code greedy} would start; else 0.
     */
    public static final int TOP_LEVEL = 18;
    /** Immediate successors of this node / the most among the candidates' nodes (CP/MISF's tie-break); 0 when none has any. */
    public static final int SUCCESSORS = 19;
    /**
     * Budget reserve after this choice: (budget left - this Instrument's expected cost to success - the cheapest expected
     * cost to success of every other node not done and not running) / budget, clamped to [-1, 1]. Below 0 the rest of
     * the run is not affordable even on the cheapest Instruments.
     */
    public static final int RESERVE_AFTER = 20;
    /**
     * Projected makespan against the deadline: (M - deadline) / deadline, clamped to [-1, 1], where M = max(now + this
     * Instrument's expected time to success + the node's reference tail after it, the reference finish of every other
     * unfinished node). Above 0 the run is projected late.
     */
    public static final int PROJECTED_LATENESS = 21;
    /**
     * The expected-reward rule's regret: 10 × (this candidate's {@code greedy} score - the best score among its node's
     * candidates), capped at 2; the score is λ·(expected cost to success) + μ·M + [M > deadline], in reward units.
     */
    public static final int GREEDY_REGRET = 22;
    /** 1 for the candidate the {@code greedy} rule would start, else 0 (a residual policy learns where to depart from it). */
    public static final int GREEDY_PICK = 23;

    public static final int COUNT = 24;

    private CandidateFeatures() {
    }
}
