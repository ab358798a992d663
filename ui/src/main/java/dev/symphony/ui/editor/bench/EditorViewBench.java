package dev.symphony.ui.editor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.editor.bench.BenchData;
import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.file.DocumentFile;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.editor.syntax.SyntaxSession;
import dev.symphony.ui.editor.syntax.SyntaxStyles;
import dev.symphony.ui.probe.FrameClock;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * {@code symphony bench editor-view [--file FILE] [--keystrokes N]}: opens FILE (default: a 100 MB
 * Java file generated deterministically by the editor's {@code JavaSourceGenerator}, seed 7) in the
 * real {@link EditorView} with highlighting on, on JavaFX's headless Monocle platform with software
 * rendering unless a platform is chosen already, and prints one JSON line.
 *
 * <p>How it measures: each keystroke (or scroll step) is delivered at the start of a pulse (a
 * pre-layout pulse listener fires the key event into the view), and its latency ends when JavaFX
 * reports that pulse's frame rendered ({@link FrameClock}). So a figure is input handling + layout +
 * paint + render of that frame; the wait for the next pulse (up to one 60 Hz period, the same for
 * every JavaFX app) is not in it. {@code highlightLinesPerSec} is the view's highlighter after typing and
 * scrolling, working through the document as the view moves down it ({@link HighlightRun});
 * {@code sessionLinesPerSec} its figure since the file opened (cold start and typing pauses included).
 */
public final class EditorViewBench {
    private static final long SEED = 7;
    private static final int DEFAULT_BYTES = 100_000_000;

    private EditorViewBench() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.exit(status);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        int keystrokes = 600;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--file") && i + 1 < args.length) {
                file = Path.of(args[++i]).toAbsolutePath();
            } else if (args[i].equals("--keystrokes") && i + 1 < args.length) {
                try {
                    keystrokes = Math.max(50, Integer.parseInt(args[++i]));
                } catch (NumberFormatException e) {
                    err.println("symphony bench editor-view: --keystrokes needs a number, not '" + args[i] + "'");
                    return 2;
                }
            } else {
                err.println("symphony bench editor-view: usage: bench editor-view [--file FILE] [--keystrokes N]"
                        + " (did not understand '" + args[i] + "')");
                return 2;
            }
        }
        try {
            if (file == null) {
                err.println("symphony bench editor-view: generating/reusing a " + DEFAULT_BYTES / 1_000_000
                        + " MB Java file (seed " + SEED + ")…");
                file = BenchData.javaSource(DEFAULT_BYTES, SEED);
            } else if (!Files.isRegularFile(file)) {
                err.println("symphony bench editor-view: --file " + file + ": no such file");
                return 2;
            }
            useHeadlessPlatformUnlessChosen();
            ObjectNode result = measure(file, keystrokes, err);
            out.println(new ObjectMapper().writeValueAsString(result));
            return 0;
        } catch (Exception e) {
            err.println("symphony bench editor-view: " + e);
            return 1;
        }
    }

    /** Monocle headless + software rendering, as ui's TestFX tests run, unless the caller chose a platform. */
    public static void useHeadlessPlatformUnlessChosen() {
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
    }

    /** Starts the JavaFX platform for a bench (once per process; it stays up between sizes). */
    public static void startPlatform() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
    }

    private static ObjectNode measure(Path file, int keystrokes, PrintStream err) throws Exception {
        long loadStart = System.nanoTime();
        DocumentFile.Opened opened = DocumentFile.open(file);
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        startPlatform();
        FxBridge bridge = new FxBridge();
        SyntaxStyles styles = new SyntaxStyles(null);
        CompletableFuture<Session> shown = new CompletableFuture<>();
        long showStart = System.nanoTime();
        Platform.runLater(() -> {
            Buffer buffer = new Buffer(opened.text(), System::currentTimeMillis);
            EditorPane pane = new EditorPane(file, buffer, false, null, bridge);
            pane.highlight(styles, false);
            Stage stage = new Stage();
            Scene scene = new Scene(pane, 1200, 760);
            stage.setScene(scene);
            stage.show();
            pane.view().requestFocus();
            Session session = new Session(stage, scene, pane.view(), new FrameClock(scene));
            pane.view().whenStyledPainted(() -> session.frames.afterNextFrame(t -> shown.complete(session)));
        });
        Session session = shown.get(120, TimeUnit.SECONDS);
        double firstStyledFrameMs = (System.nanoTime() - showStart) / 1e6;
        PulseDriver driver = new PulseDriver(session.scene, session.frames);
        double[][] typingRun = TypingRun.run(session.view, driver, keystrokes);
        double[] typing = typingRun[0];
        double[][] scrollRun = ScrollRun.run(session.view, driver);
        double[] scroll = scrollRun[0];
        double[] hl = HighlightRun.run(session.view);
        SyntaxSession.Stats whole = HighlightRun.stats(session.view);
        Platform.runLater(session.stage::close);
        // the engine alone, warm, in document order from three places in the file (1 s each): what
        // highlighting costs without the view's pauses for typing and its viewport jumps
        double[] engine = engineLinesPerSecond(styles, file, opened.text());
        bridge.close();

        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("file", file.toString());
        line.put("bytes", Files.size(file));
        line.put("lines", opened.text().lineCount());
        line.put("loadMs", round(loadMs));
        line.put("firstStyledFrameMs", round(firstStyledFrameMs));
        line.put("keystrokes", typing.length);
        line.put("typingP50Ms", round(percentile(typing, 50)));
        line.put("typingP99Ms", round(percentile(typing, 99)));
        line.put("typingMaxMs", round(percentile(typing, 100)));
        line.put("typingFxCpuP50Ms", round(percentile(typingRun[1], 50)));
        line.put("typingFxCpuP99Ms", round(percentile(typingRun[1], 99)));
        line.put("scrollFrames", scroll.length);
        line.put("scrollP50FrameMs", round(percentile(scroll, 50)));
        line.put("scrollMaxFrameMs", round(percentile(scroll, 100)));
        line.put("scrollFxCpuMaxMs", round(percentile(scrollRun[1], 100)));
        line.put("highlightLinesPerSec", Math.round(hl[0]));
        line.put("highlightWallLinesPerSec", Math.round(hl[1]));
        line.put("highlightRunLines", Math.round(hl[2]));
        line.put("sessionLinesPerSec", whole == null ? 0 : Math.round(whole.linesPerSecond()));
        line.put("linesTokenized", whole == null ? 0 : whole.linesTokenized());
        line.put("engineLinesPerSec", Math.round(engine[0]));
        line.put("engineMemoHitRate", Math.round(engine[1] * 1000) / 1000.0);
        line.put("renderer", System.getProperty("prism.order", "default"));
        line.put("platform", System.getProperty("glass.platform", "default"));
        return line;
    }

    /** Lines per second and the line memo's hit rate of the syntax engine over {@code text}, warm. */
    private static double[] engineLinesPerSecond(SyntaxStyles styles, Path file, dev.symphony.editor.text.Rope text) {
        var language = styles.detect(file, text);
        if (language.isEmpty()) {
            return new double[] {0, 0};
        }
        var theme = dev.symphony.editor.syntax.Themes.defaultLight();
        long lines = 0;
        long nanos = 0;
        double memo = 0;
        int n = text.lineCount();
        for (int from : new int[] {0, n / 3, 2 * n / 3}) {
            var r = dev.symphony.editor.syntax.HighlightThroughput.measure(language.get(), theme, text, from, n - from, 1_000_000_000L);
            lines += r.lines();
            nanos += r.nanos();
            memo += r.memoHitRate() / 3;
        }
        return new double[] {nanos == 0 ? 0 : lines * 1e9 / nanos, memo};
    }

    /** The {@code p}-th percentile (nearest rank) of {@code values}. */
    public static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }

    private record Session(Stage stage, Scene scene, EditorView view, FrameClock frames) {}
}
