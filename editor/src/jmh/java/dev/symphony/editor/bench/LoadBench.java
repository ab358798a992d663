package dev.symphony.editor.bench;

import dev.symphony.editor.file.TextDecoder;
import dev.symphony.editor.file.TextFile;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a 100 MB ASCII Java file into a rope, ready for edits and line lookups anywhere. The
 * teardown prints the retained memory (heap after full GC + direct + mapped buffers) per file byte.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class LoadBench {

    private Path file;

    @Setup
    public void setUp() throws IOException {
        file = BenchData.javaSource(100_000_000, 7);
    }

    @Benchmark
    public TextFile load100MB() throws IOException {
        return new TextDecoder().load(file);
    }

    @TearDown
    public void reportMemory() throws IOException {
        TextFile kept = new TextDecoder().load(file);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long buffers = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            buffers += pool.getMemoryUsed();
        }
        System.out.printf("%nretained after loading %d bytes: heap %d + buffers %d = %.3f x file size (%d lines)%n",
                kept.bytes(), used, buffers, (used + buffers) / (double) kept.bytes(), kept.text().lineBreaks());
    }
}
