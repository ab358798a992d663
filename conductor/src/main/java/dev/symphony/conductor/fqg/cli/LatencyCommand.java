package dev.symphony.conductor.fqg.cli;

import dev.symphony.conductor.learning.DecisionRecord;
import dev.symphony.conductor.learning.TrainingData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code fqg latency [--real DIR]}: the scheduling decisions' wall time in real runs, features included (each
 * recorded decision carries it: {@link DecisionRecord#decisionNanos()}), per deciding policy. Reads the local
 * recorded runs of DIR (default {@code <data>/policy/real-runs}); prints one JSON line per policy
 * ({@code decisions}, {@code p50Us}, {@code p99Us}, {@code maxUs}) and, on stderr, the load average beside them.
 * Records written before the latency was recorded are left out.
 */
final class LatencyCommand {
    private LatencyCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        TrainingData data;
        try {
            Args a = Args.parse(args, 0, Set.of("--real"), Set.of());
            String dir = a.string("--real", null);
            data = dir == null ? TrainingData.userDefault() : new TrainingData(Path.of(dir));
        } catch (Args.UsageException e) {
            err.println("fqg latency: " + e.getMessage());
            err.println(FqgCommand.USAGE);
            return 2;
        }
        List<Path> files;
        List<DecisionRecord> records;
        try {
            files = data.localFiles();
            records = TrainingData.read(files);
        } catch (IOException e) {
            err.println("fqg latency: cannot read the recorded runs in " + data.root() + ": " + e.getMessage());
            return 1;
        }
        Map<String, long[]> byPolicy = new TreeMap<>();
        for (DecisionRecord r : records) {
            if (r.decisionNanos() >= 0) {
                long[] v = byPolicy.getOrDefault(r.policy(), new long[0]);
                v = Arrays.copyOf(v, v.length + 1);
                v[v.length - 1] = r.decisionNanos();
                byPolicy.put(r.policy(), v);
            }
        }
        if (byPolicy.isEmpty()) {
            err.println("fqg latency: no recorded decision with its latency in " + data.root() + " (" + files.size()
                    + " runs; real runs record them, preview runs do not)");
            return 1;
        }
        err.printf(Locale.ROOT, "fqg latency: %d runs in %s, load average %s%n", files.size(), data.root(), EvalCommand.loadAverage());
        for (Map.Entry<String, long[]> e : byPolicy.entrySet()) {
            long[] v = e.getValue();
            Arrays.sort(v);
            out.printf(Locale.ROOT, "{\"policy\":\"%s\",\"decisions\":%d,\"p50Us\":%.2f,\"p99Us\":%.2f,\"maxUs\":%.2f}%n",
                    e.getKey().replace("\\", "\\\\").replace("\"", "\\\""), v.length, percentile(v, 0.50) / 1e3,
                    percentile(v, 0.99) / 1e3, v[v.length - 1] / 1e3);
        }
        return 0;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
