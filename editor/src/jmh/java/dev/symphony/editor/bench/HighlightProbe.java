package dev.symphony.editor.bench;

import dev.symphony.editor.syntax.HighlightThroughput;
import dev.symphony.editor.syntax.Language;
import dev.symphony.editor.syntax.LanguageRegistry;
import dev.symphony.editor.syntax.Theme;
import dev.symphony.editor.syntax.Themes;
import dev.symphony.editor.text.Rope;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Highlighting throughput in the measuring thread's own CPU time (the shared machine's load inflates
 * wall-clock figures): 10 warm-up rounds then the median of 20 rounds of 5,000 lines, for generated Java
 * and, when the JDK sources are found ({@code -Dsymphony.bench.srcZip=PATH} or {@code $JAVA_HOME/lib/src.zip}),
 * real JDK source. Same work as {@link HighlightBench}.
 */
public final class HighlightProbe {

    private HighlightProbe() {
    }

    public static void main(String[] args) {
        Language java = LanguageRegistry.builtIn().byId("java").orElseThrow();
        Theme theme = Themes.defaultDark();
        report("generated", Rope.of(new JavaSourceGenerator(42).generate(1_000_000)), java, theme);
        String jdk = HighlightBench.jdkSources();
        if (jdk != null) {
            report("jdk", Rope.of(jdk), java, theme);
        }
        // one long run, as a session's worker does it (one tokenizer and memo over the whole text)
        longRun("generated-4MB", new JavaSourceGenerator(42).generate(4_000_000), java, theme);
        String util = jdkUtilSources();
        if (util != null) {
            longRun("jdk-java.util-4MB", util, java, theme);
        }
    }

    private static void longRun(String name, String source, Language java, Theme theme) {
        Rope text = Rope.of(source);
        HighlightThroughput.measure(java, theme, text, 0, 20_000, Long.MAX_VALUE); // warm-up
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        HighlightThroughput.Result r = HighlightThroughput.measure(java, theme, text, 0, text.lineCount(), Long.MAX_VALUE);
        long cpu = mx.getCurrentThreadCpuTime() - c0;
        System.out.printf("{\"source\":\"%s\",\"lines\":%d,\"cpuLinesPerSec\":%.0f,\"wallLinesPerSec\":%.0f,\"memoHitRate\":%.2f}%n",
                name, r.lines(), r.lines() * 1e9 / cpu, r.linesPerSecond(), r.memoHitRate());
    }

    /** The JDK's java.util sources (~4 MB), or null without a src.zip. */
    private static String jdkUtilSources() {
        String given = System.getProperty("symphony.bench.srcZip");
        java.nio.file.Path zip = given != null ? java.nio.file.Path.of(given) : java.nio.file.Path.of(System.getProperty("java.home"), "lib", "src.zip");
        if (!java.nio.file.Files.isRegularFile(zip)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            var entries = z.entries();
            while (entries.hasMoreElements() && sb.length() < 4_000_000) {
                var e = entries.nextElement();
                if (e.getName().startsWith("java.base/java/util/") && e.getName().endsWith(".java")) {
                    sb.append(new String(z.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static void report(String name, Rope text, Language java, Theme theme) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] perSec = new double[30];
        double memo = 0;
        for (int i = 0; i < perSec.length; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            HighlightThroughput.Result r = HighlightThroughput.measure(java, theme, text, 0, HighlightBench.LINES, Long.MAX_VALUE);
            perSec[i] = r.lines() * 1e9 / (mx.getCurrentThreadCpuTime() - c0);
            memo = r.memoHitRate();
        }
        double[] measured = Arrays.copyOfRange(perSec, 10, perSec.length);
        Arrays.sort(measured);
        System.out.printf("{\"source\":\"%s\",\"cpuLinesPerSecMedian\":%.0f,\"min\":%.0f,\"max\":%.0f,\"memoHitRate\":%.2f}%n",
                name, measured[measured.length / 2], measured[0], measured[measured.length - 1], memo);
    }
}
