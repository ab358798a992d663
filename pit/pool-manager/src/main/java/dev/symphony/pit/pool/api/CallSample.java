package dev.symphony.pit.pool.api;

/** One recorded call of an Instrument, as {@link PoolManager#callHistory} gives it back for persisting. */
public record CallSample(long latencyNanos, boolean succeeded, long costMicros, long tokens) {
    public CallSample {
        if (latencyNanos < 0 || costMicros < 0 || tokens < 0) {
            throw new IllegalArgumentException("a call sample's latency, cost and tokens must be >= 0, were "
                + latencyNanos + ", " + costMicros + ", " + tokens);
        }
    }
}
