package dev.symphony.editor.bench;

import dev.symphony.editor.file.TextDecoder;
import dev.symphony.editor.search.LineReplacer;
import dev.symphony.editor.text.Rope;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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

/** Replace-all {@code (\w+)\.size\(\)} → {@code $1.length()} in 10 MB of generated Java (~21.7k matches). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplaceAllBench {

    private Rope rope;
    private LineReplacer replacer;

    @Setup
    public void setUp() throws IOException {
        rope = new TextDecoder().load(BenchData.javaSource(10_000_000, 42)).text();
        replacer = new LineReplacer(Pattern.compile("(\\w+)\\.size\\(\\)"), "$1.length()");
        int matches = replacer.replaceAll(rope).matches();
        if (matches < 15_000 || matches > 30_000) {
            throw new IllegalStateException("expected ~20k matches, got " + matches);
        }
    }

    @Benchmark
    public LineReplacer.Result replaceAll10MB() {
        return replacer.replaceAll(rope);
    }
}
