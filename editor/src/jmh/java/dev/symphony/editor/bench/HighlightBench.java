package dev.symphony.editor.bench;

import dev.symphony.editor.syntax.HighlightThroughput;
import dev.symphony.editor.syntax.Language;
import dev.symphony.editor.syntax.LanguageRegistry;
import dev.symphony.editor.syntax.Theme;
import dev.symphony.editor.syntax.Themes;
import dev.symphony.editor.text.Rope;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Highlighting throughput (issue 4's {@code highlightLinesPerSec}): TM4E with the Java grammar and the
 * default dark theme over generated Java source, one thread, lines taken from the rope and turned into
 * {@code LineStyles} as the {@code SyntaxSession} worker does. Score = lines per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class HighlightBench {

    static final int LINES = 5_000;

    private Rope text;
    private Language java;
    private Theme theme;

    @Setup
    public void setup() {
        text = Rope.of(new JavaSourceGenerator(42).generate(1_000_000));
        java = LanguageRegistry.builtIn().byId("java").orElseThrow();
        theme = Themes.defaultDark();
        HighlightThroughput.measure(java, theme, text, 0, 100, Long.MAX_VALUE); // load the grammar
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long tokenizeJavaLines() {
        return HighlightThroughput.measure(java, theme, text, 0, LINES, Long.MAX_VALUE).lines();
    }
}
