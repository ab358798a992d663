package dev.symphony.pit.pool.api;

/**
 * What calls of one Instrument (any capability a Melody calls: a model's or an operator's) took and cost, over its
 * last {@link #WINDOW} recorded calls across runs ({@link PoolManager#recordCall}). The caller persists the samples
 * ({@link PoolManager#callHistory}, {@link PoolManager#restoreCallHistory}); the pool does no I/O.
 *
 * @param calls              recorded calls in the window (at least 1)
 * @param failures           failed ones among them (errors, timeouts, empty answers)
 * @param latencyP50Nanos    median latency of a call, failed ones included (a failed attempt takes its time)
 * @param latencyP90Nanos    90th percentile of the latency
 * @param tokensP99          99th percentile (nearest rank) of the tokens one call produced
 * @param costPerCallMicros  mean cost of a call, in millionths of the account currency
 * @param costPerTokenMicros total cost / total tokens of the calls that reported tokens (0 when none did)
 */
public record InstrumentStats(String instrument, int calls, int failures, long latencyP50Nanos, long latencyP90Nanos,
                              long tokensP99, double costPerCallMicros, double costPerTokenMicros) {
    /** How many recent calls the statistics cover: recent behaviour, so a model that got slower shows it. */
    public static final int WINDOW = 256;

    /** The failure rate with a weak prior (1 failure in 10 calls), so that one failure is not "always fails". */
    public double failureRate() {
        return failureRate(calls, failures);
    }

    /** The same estimate for {@code failures} of {@code calls}; 0.1 before any call. */
    public static double failureRate(final int calls, final int failures) {
        return (failures + 1.0) / (calls + 10.0);
    }
}
