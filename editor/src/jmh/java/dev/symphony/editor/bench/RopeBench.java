package dev.symphony.editor.bench;

import dev.symphony.editor.file.TextDecoder;
import dev.symphony.editor.text.Rope;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Edits and queries anywhere in a 100 MB rope (generated Java source). The rope is persistent, so
 * each operation starts from the same 100 MB snapshot; positions cycle through a seeded table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class RopeBench {

    private static final int POSITIONS = 1 << 16;

    private Rope rope;
    private int[] offsets;
    private int[] lines;
    private int next;

    @Setup
    public void setUp() throws IOException {
        rope = new TextDecoder().load(BenchData.javaSource(100_000_000, 7)).text();
        Random r = new Random(42);
        offsets = new int[POSITIONS];
        lines = new int[POSITIONS];
        for (int i = 0; i < POSITIONS; i++) {
            offsets[i] = r.nextInt(rope.length() - 1);
            lines[i] = r.nextInt(rope.lineCount());
        }
    }

    private int nextIndex() {
        return next = (next + 1) & (POSITIONS - 1);
    }

    @Benchmark
    public Rope insertChar() {
        return rope.insert(offsets[nextIndex()], "x");
    }

    @Benchmark
    public Rope deleteChar() {
        int at = offsets[nextIndex()];
        return rope.delete(at, at + 1);
    }

    /** The rope an edit returns defers its path copy to its first read: this includes that copy. */
    @Benchmark
    public int insertCharThenLineOf() {
        int at = offsets[nextIndex()];
        return rope.insert(at, "x").lineOf(at);
    }

    @Benchmark
    public int offsetToLine() {
        return rope.lineOf(offsets[nextIndex()]);
    }

    @Benchmark
    public int lineToOffset() {
        return rope.lineStart(lines[nextIndex()]);
    }
}
