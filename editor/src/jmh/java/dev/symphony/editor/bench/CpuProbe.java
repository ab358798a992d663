package dev.symphony.editor.bench;

import dev.symphony.editor.file.TextDecoder;
import dev.symphony.editor.text.Rope;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;

/**
 * A probe for noisy machines: the same operations as {@link RopeBench} and {@link TraceReplayBench},
 * timed by the measuring thread's own CPU time (not wall time), so other processes competing for
 * the cores inflate the figures far less. Prints one JSON line per figure (medians of the runs).
 * Run: {@code java -cp editor.jar:jackson-core.jar dev.symphony.editor.bench.CpuProbe}.
 */
public final class CpuProbe {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private CpuProbe() {
    }

    public static void main(String[] args) throws Exception {
        Rope rope = new TextDecoder().load(BenchData.javaSource(100_000_000, 7)).text();
        int n = 1 << 16;
        int[] pos = new int[n];
        int[] lines = new int[n];
        Random r = new Random(42);
        for (int i = 0; i < n; i++) {
            pos[i] = r.nextInt(rope.length() - 1);
            lines[i] = r.nextInt(rope.lineCount());
        }
        long[] sink = new long[1];
        report("insertChar100MB", "ns/op", median(7, () -> perOp(n, i -> sink[0] += rope.insert(pos[i], "x").length())));
        report("deleteChar100MB", "ns/op", median(7, () -> perOp(n, i -> sink[0] += rope.delete(pos[i], pos[i] + 1).length())));
        // An edit defers its path copy to the first read of the new rope (Rope's pending chunk): these
        // two include that copy, with a lineOf (timed alone just below) as the read that forces it.
        report("insertCharThenLineOf100MB", "ns/op", median(7, () -> perOp(n, i -> sink[0] += rope.insert(pos[i], "x").lineOf(pos[i]))));
        report("deleteCharThenLineOf100MB", "ns/op", median(7, () -> perOp(n, i -> sink[0] += rope.delete(pos[i], pos[i] + 1).lineOf(pos[i]))));
        report("offsetToLine100MB", "ns/op", median(7, () -> perOp(n, i -> sink[0] += rope.lineOf(pos[i]))));
        report("lineToOffset100MB", "ns/op", median(7, () -> perOp(n, i -> sink[0] += rope.lineStart(lines[i]))));
        for (String name : new String[] {"automerge-paper", "seph-blog1", "rustcode", "sveltecomponent"}) {
            Optional<Path> file = BenchData.trace(name);
            if (file.isEmpty()) {
                System.err.println("CpuProbe: trace " + name + " not found; skipped");
                continue;
            }
            EditingTrace t = EditingTrace.read(file.get());
            Rope start = Rope.of(t.startContent);
            if (!t.replay(start).contentEquals(t.endContent)) {
                throw new IllegalStateException(name + ": replay differs from endContent");
            }
            double nsPerReplay = median(15, () -> {
                long c0 = CPU.getCurrentThreadCpuTime();
                sink[0] += t.replay(start).length();
                return CPU.getCurrentThreadCpuTime() - c0;
            });
            report("replay-" + name, "edits/s", t.size() / (nsPerReplay / 1e9));
        }
        System.err.println("(checksum " + sink[0] + ")");
    }

    private interface Op {
        void run(int i);
    }

    private interface Sample {
        double take();
    }

    private static double perOp(int n, Op op) {
        long c0 = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            op.run(i);
        }
        return (CPU.getCurrentThreadCpuTime() - c0) / (double) n;
    }

    /** Median of {@code runs} samples after as many warm-up samples. */
    private static double median(int runs, Sample s) {
        for (int i = 0; i < runs; i++) {
            s.take();
        }
        double[] v = new double[runs];
        for (int i = 0; i < runs; i++) {
            v[i] = s.take();
        }
        java.util.Arrays.sort(v);
        return v[runs / 2];
    }

    private static void report(String name, String unit, double value) {
        System.out.printf("{\"probe\":\"%s\",\"cpuTime\":true,\"score\":%.1f,\"unit\":\"%s\"}%n", name, value, unit);
    }
}
