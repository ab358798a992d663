package dev.symphony.pit.pool.api;

/**
 * A refused allocation with the numbers behind it, e.g. "run 42 has 1500 of 2000 micros committed; this call
 * needs 900". Built off the hot path by {@link PoolManager#lastRefusal()}.
 *
 * @param reason    the rule that refused
 * @param modelName the model asked for (or {@code "#id"} when unknown)
 * @param runId     the Melody run the task belongs to
 * @param requested what the call needed (micros of cost, bytes of memory/VRAM, or tasks)
 * @param committed what was already in use against the limit
 * @param limit     the limit that would have been exceeded
 */
public record Refusal(RefusalReason reason, String modelName, long runId, long requested, long committed, long limit) {

    /** A sentence a person can act on. */
    public String message() {
        return "allocation of model '" + modelName + "' for run " + runId + " refused: " + reason + " — "
            + reason.meaning() + " (requested " + requested + ", in use " + committed + ", limit " + limit + ")";
    }
}
