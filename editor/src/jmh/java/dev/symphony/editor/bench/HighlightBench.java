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
import org.openjdk.jmh.annotations.Param;
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

    /**
     * {@code generated}: JavaSourceGenerator (seed 42; ~42 % of its lines repeat, which the line memo
     * answers); {@code jdk}: the JDK's own ConcurrentHashMap.java etc. from {@code $JAVA_HOME/lib/src.zip}
     * (or {@code -Dsymphony.bench.srcZip=PATH}; real code; falls back to generated, with a notice, when there are none).
     */
    @Param({"generated", "jdk"})
    public String source;

    private Rope text;
    private Language javaLanguage;
    private Theme theme;

    @Setup
    public void setup() {
        String real = "jdk".equals(source) ? jdkSources() : null;
        text = Rope.of(real != null ? real : new JavaSourceGenerator(42).generate(1_000_000));
        javaLanguage = LanguageRegistry.builtIn().byId("java").orElseThrow();
        theme = Themes.defaultDark();
        HighlightThroughput.measure(javaLanguage, theme, text, 0, 100, Long.MAX_VALUE); // load the grammar
    }

    static String jdkSources() {
        String given = System.getProperty("symphony.bench.srcZip");
        java.nio.file.Path zip = given != null ? java.nio.file.Path.of(given) : java.nio.file.Path.of(System.getProperty("java.home"), "lib", "src.zip");
        if (!java.nio.file.Files.isRegularFile(zip)) {
            System.err.println("HighlightBench: no " + zip + ", using generated source");
            return null;
        }
        StringBuilder sb = new StringBuilder();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            for (String f : new String[] {"java.base/java/util/concurrent/ConcurrentHashMap.java", "java.base/java/util/HashMap.java",
                "java.base/java/lang/String.java", "java.base/java/util/Collections.java"}) {
                var e = z.getEntry(f);
                if (e != null) {
                    sb.append(new String(z.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long tokenizeJavaLines() {
        return HighlightThroughput.measure(javaLanguage, theme, text, 0, LINES, Long.MAX_VALUE).lines();
    }
}
