package dev.symphony.pit.arbitration.api;

/**
 * How an arbiter picks among contenders. Whatever the strategy, a contender that has been waiting for
 * {@link ArbiterContext#starvationThreshold()} lost decisions on a resource is served first (oldest wait first):
 * that is the fairness guarantee (README, "Fairness").
 */
public enum Strategy {
    /** Share: the resource's capacity goes to the best-scored contenders, divisible amounts split by score. */
    COLLABORATIVE,
    /** The highest weighted score plus aging bonus wins. */
    PRIORITIZATION,
    /** Requesters take turns in id order, starting after the previous winner on this resource. */
    ROUND_ROBIN,
    /**
     * The contender whose capabilities best cover what the resource requires wins (ties by score);
     * contenders with none of the required capabilities are not eligible while an eligible one contends.
     */
    SPECIALIZATION;

    private static final Strategy[] VALUES = values();

    public static Strategy fromOrdinal(final int ordinal) {
        return VALUES[ordinal];
    }
}
