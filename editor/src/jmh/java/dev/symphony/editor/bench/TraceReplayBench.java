package dev.symphony.editor.bench;

import dev.symphony.editor.text.Rope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replays real keystroke-level editing traces (josephg/editing-traces, in ../shared/bench-data)
 * into a rope. Reported as {@code edits} per second (the aux counter); the setup checks the result
 * equals the trace's endContent. Without the data folder the benchmark says so and does nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TraceReplayBench {

    @Param({"automerge-paper", "seph-blog1", "rustcode", "sveltecomponent"})
    public String trace;

    private EditingTrace data;
    private Rope start;

    /** JMH reports {@code edits} as a rate next to the primary ops/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counters {
        public long edits;

        @Setup(Level.Iteration)
        public void reset() {
            edits = 0;
        }
    }

    @Setup
    public void setUp() throws IOException {
        Optional<Path> file = BenchData.trace(trace);
        if (file.isEmpty()) {
            System.err.println("TraceReplayBench: editing trace '" + trace + "' not found (set -Dsymphony.benchData or run"
                    + " next to ../shared/bench-data); skipping");
            return;
        }
        data = EditingTrace.read(file.get());
        start = Rope.of(data.startContent);
        Rope end = data.replay(start);
        if (!end.contentEquals(data.endContent)) {
            throw new IllegalStateException(trace + ": replay result differs from endContent");
        }
    }

    @Benchmark
    public Rope replay(Counters counters) {
        if (data == null) {
            return null;
        }
        counters.edits += data.size();
        return data.replay(start);
    }
}
