package dev.symphony.conductor.fqg.evaluation;

import dev.symphony.conductor.fqg.simulator.LatencySink;
import java.util.Arrays;

/** Collects decision latencies (nanoseconds) and reports nearest-rank percentiles. */
public final class LatencyRecorder implements LatencySink {
    private long[] samples = new long[4096];
    private int count;

    @Override
    public void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    public int count() {
        return count;
    }

    /** The {@code p}-th percentile (0 < p <= 100) in nanoseconds, nearest rank; 0 when empty. */
    public long percentile(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }
}
