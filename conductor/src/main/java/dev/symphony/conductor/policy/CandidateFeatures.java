package dev.symphony.conductor.policy;

/**
 * The feature vector of one candidate (a ready node paired with one allowed Instrument), by index. Times
 * are divided by the run's reference critical path ({@code cp}: the longest path of fastest expected times
 * to success); costs by the run's unit cost (mean over nodes of the cheapest expected cost to success).
 * Whoever builds a {@link Decision} (the FQG simulator, later the executor) fills all of them.
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

    public static final int COUNT = 18;

    private CandidateFeatures() {
    }
}
