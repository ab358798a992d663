package dev.symphony.ui.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.WorkbenchLauncher;
import dev.symphony.ui.shell.WorkbenchExtensions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * {@code symphony startup-probe [--open PATH] [--screenshot FILE.png]}: starts the real GUI in this
 * (cold) JVM and prints one JSON line: launchMs (launcher script start → JVM start), firstFrameMs
 * (JVM start → first rendered frame of the workbench), fileOpenMs (open request issued right after
 * the first frame → first rendered frame showing the file's text, highlighted when its language has a
 * grammar), extensionsReadyMs (JVM start → every onStartup extension's host ready) and
 * startupExtensions (how many). Exit 1 without a display or when a step does not finish in time.
 */
public final class StartupProbe {
    private static final long TIMEOUT_SECONDS = 120;

    private StartupProbe() {}

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path open = null;
        Path screenshot = null;
        Path compare = null;
        boolean inline = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--open") || arg.equals("--screenshot") || arg.equals("--compare")) && i + 1 < args.length) {
                Path value = Path.of(args[++i]).toAbsolutePath();
                if (arg.equals("--open")) {
                    open = value;
                } else if (arg.equals("--compare")) {
                    compare = value;
                } else {
                    screenshot = value;
                }
            } else if (arg.equals("--inline")) {
                inline = true;
            } else {
                err.println("symphony startup-probe: usage: startup-probe [--open PATH [--compare LEFT [--inline]]]"
                        + " [--screenshot FILE.png] (did not understand '" + arg + "')");
                return 2;
            }
        }
        if (compare != null && (open == null || !Files.isRegularFile(compare))) {
            err.println("symphony startup-probe: --compare needs --open and an existing file: " + compare);
            return 2;
        }
        if (open != null && !Files.isRegularFile(open)) {
            err.println("symphony startup-probe: --open " + open + ": no such file");
            return 2;
        }
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        ProbeRun run = new ProbeRun(open, screenshot, compare, inline);
        // as the IDE does with a file it opens at startup: extensions start once that file is painted
        int status = WorkbenchLauncher.showWorkbench(err, run::start, run.fileShown);
        if (status != 0) {
            return status;
        }
        if (!run.finished.await(1, TimeUnit.SECONDS) || run.failure != null) {
            err.println("symphony startup-probe: " + (run.failure == null ? "did not finish" : run.failure));
            return 1;
        }
        ObjectNode line = new ObjectMapper().createObjectNode();
        String launchNanos = System.getProperty("symphony.launch.nanos");
        if (launchNanos == null) {
            line.putNull("launchMs");
        } else {
            line.put("launchMs", jvmStartMs - Long.parseLong(launchNanos) / 1_000_000);
        }
        line.put("firstFrameMs", run.firstFrameEpochMs - jvmStartMs);
        if (open == null) {
            line.putNull("fileOpenMs");
        } else {
            line.put("fileOpenMs", round(run.fileFrameNanos - run.openRequestNanos));
        }
        putExtensionsReady(line, jvmStartMs, err);
        out.println(line);
        return 0;
    }

    /**
     * extensionsReadyMs: JVM start → every onStartup extension's host ready (they start in
     * parallel with the window); startupExtensions: how many started.
     */
    private static void putExtensionsReady(ObjectNode line, long jvmStartMs, PrintStream err) {
        try {
            WorkbenchExtensions.Ready ready = WorkbenchLauncher.extensions().ready().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long readyEpochMs = System.currentTimeMillis() - (System.nanoTime() - ready.nanos()) / 1_000_000;
            line.put("extensionsReadyMs", readyEpochMs - jvmStartMs);
            line.put("startupExtensions", ready.started().size());
        } catch (Exception e) {
            err.println("symphony startup-probe: extensions did not start: " + e);
            line.putNull("extensionsReadyMs");
        }
    }

    private static double round(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }

    /** The probe's steps on the JavaFX thread, each started by the previous one's rendered frame. */
    private static final class ProbeRun {
        private final Path open;
        private final Path screenshot;
        private final Path compare;
        private final boolean inline;
        private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        private volatile long firstFrameEpochMs;
        private volatile long openRequestNanos;
        private volatile long fileFrameNanos;
        private volatile String failure;
        private Workbench workbench;
        private final CompletableFuture<Void> fileShown = new CompletableFuture<>();

        ProbeRun(Path open, Path screenshot, Path compare, boolean inline) {
            this.open = open;
            this.screenshot = screenshot;
            this.compare = compare;
            this.inline = inline;
            if (open == null) {
                fileShown.complete(null);
            }
        }

        void start(Workbench shown) {
            this.workbench = shown;
            FrameClock frames = new FrameClock(shown.stage().getScene());
            frames.afterNextFrame(now -> {
                firstFrameEpochMs = System.currentTimeMillis();
                StartupTrace.mark("first frame rendered");
                Platform.runLater(() -> {
                    if (open == null) {
                        finish();
                        return;
                    }
                    openRequestNanos = System.nanoTime();
                    // ends at the frame that first shows the file's visible lines highlighted (plain text: its first frame)
                    workbench.openFile(open, document -> workbench.tabsView().editorOf(document).view().whenStyledPainted(
                            () -> frames.afterNextFrame(painted -> {
                                fileFrameNanos = painted;
                                fileShown.complete(null);
                                Platform.runLater(compare == null ? this::finish : () -> showDiff(frames));
                            })));
                });
            });
            Thread watchdog = new Thread(() -> {
                try {
                    if (!finished.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        failure = "timed out after " + TIMEOUT_SECONDS + " s";
                        fileShown.complete(null);
                        Platform.runLater(() -> shown.stage().close());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "startup-probe-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        /** --compare: the diff of LEFT against the opened file, at its first change, painted with colours. */
        private void showDiff(FrameClock frames) {
            workbench.diffs().compareFiles(compare, open);
            javafx.animation.Timeline poll = new javafx.animation.Timeline();
            poll.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.millis(100), e -> {
                dev.symphony.ui.diff.DiffView diff = workbench.diffs().active();
                if (diff == null || diff.model().diffProperty().get() == null) {
                    return;
                }
                if (inline && diff.inlineView() == null) {
                    diff.model().inlineModeProperty().set(true);
                    return;
                }
                poll.stop();
                diff.next();
                dev.symphony.ui.editor.EditorView shown = inline ? diff.inlineView() : diff.rightView();
                shown.whenStyledPainted(() -> frames.afterNextFrame(painted -> Platform.runLater(this::finish)));
            }));
            poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
            poll.play();
        }

        private void finish() {
            if (screenshot != null) {
                try {
                    save(workbench.stage().getScene(), screenshot);
                } catch (IOException e) {
                    failure = "cannot write the screenshot " + screenshot + ": " + e.getMessage();
                }
            }
            finished.countDown();
            fileShown.complete(null);
            // the window stays until the startup extensions are up (or failed): closing it stops the kernel
            WorkbenchExtensions extensions = WorkbenchLauncher.extensions();
            (extensions == null ? java.util.concurrent.CompletableFuture.completedFuture(null) : extensions.ready())
                    .whenComplete((ready, failure) -> Platform.runLater(() -> workbench.stage().close()));
        }
    }

    /** Writes a PNG of the scene as it is now (JavaFX thread). */
    static void save(Scene scene, Path file) throws IOException {
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
