package dev.symphony.pit.pool.internal;

import dev.symphony.pit.pool.api.CallSample;
import dev.symphony.pit.pool.api.InstrumentStats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last {@link InstrumentStats#WINDOW} calls of every Instrument in ring buffers, and each one's summary,
 * recomputed when a call is recorded (so reading it allocates nothing).
 */
final class CallHistory {
    private static final int W = InstrumentStats.WINDOW;

    private static final class Ring {
        final long[] latency = new long[W];
        final long[] cost = new long[W];
        final long[] tokens = new long[W];
        final boolean[] succeeded = new boolean[W];
        int next;
        int size;

        void add(final CallSample s) {
            latency[next] = s.latencyNanos();
            cost[next] = s.costMicros();
            tokens[next] = s.tokens();
            succeeded[next] = s.succeeded();
            next = (next + 1) % W;
            size = Math.min(W, size + 1);
        }

        /** The {@code i}-th oldest sample's index. */
        int at(final int i) {
            return (next - size + i + W) % W;
        }
    }

    private final Map<String, Ring> rings = new HashMap<>();
    private final Map<String, InstrumentStats> summaries = new HashMap<>();
    private final long[] scratch = new long[W];

    void record(final String instrument, final CallSample sample) {
        final Ring r = rings.computeIfAbsent(instrument, k -> new Ring());
        r.add(sample);
        summaries.put(instrument, summarize(instrument, r));
    }

    /** Records saved samples (oldest first), summarizing once at the end. */
    void restore(final String instrument, final List<CallSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        final Ring r = rings.computeIfAbsent(instrument, k -> new Ring());
        samples.forEach(r::add);
        summaries.put(instrument, summarize(instrument, r));
    }

    InstrumentStats stats(final String instrument) {
        return summaries.get(instrument);
    }

    List<CallSample> samples(final String instrument) {
        final Ring r = rings.get(instrument);
        final List<CallSample> out = new ArrayList<>();
        for (int i = 0; r != null && i < r.size; i++) {
            final int k = r.at(i);
            out.add(new CallSample(r.latency[k], r.succeeded[k], r.cost[k], r.tokens[k]));
        }
        return out;
    }

    List<String> instruments() {
        return List.copyOf(rings.keySet());
    }

    private InstrumentStats summarize(final String instrument, final Ring r) {
        int failures = 0;
        long costSum = 0;
        long costOfTokens = 0;
        long tokenSum = 0;
        for (int i = 0; i < r.size; i++) {
            failures += r.succeeded[i] ? 0 : 1;
            costSum += r.cost[i];
            if (r.tokens[i] > 0) {
                costOfTokens += r.cost[i];
                tokenSum += r.tokens[i];
            }
        }
        final long p50 = percentile(r.latency, r.size, 0.50);
        final long p90 = percentile(r.latency, r.size, 0.90);
        final long tokens99 = percentile(r.tokens, r.size, 0.99);
        return new InstrumentStats(instrument, r.size, failures, p50, p90, tokens99, (double) costSum / r.size,
            tokenSum == 0 ? 0 : (double) costOfTokens / tokenSum);
    }

    /** Nearest-rank percentile of the first {@code n} values (order does not matter). */
    private long percentile(final long[] values, final int n, final double p) {
        System.arraycopy(values, 0, scratch, 0, n);
        Arrays.sort(scratch, 0, n);
        return scratch[Math.max(0, (int) Math.ceil(p * n) - 1)];
    }
}
