package dev.symphony.pit.pool.api;

/**
 * One model's state as of a {@link PoolManager#snapshot()} (off the hot path).
 *
 * @param usageScore decayed recent-usage score the predictor and the eviction policy rank by
 * @param errorRate  exponentially weighted share of failed calls
 */
public record ModelStatus(
    int modelId, String name, ModelState state, int tasks, long calls, double errorRate, double usageScore) {
}
