package dev.symphony.ui.addons.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.extensions.ActivationEvents;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.ui.addons.TreeDiff;
import dev.symphony.ui.addons.VNode;
import dev.symphony.ui.addons.VirtualRenderer;
import dev.symphony.ui.addons.VirtualTreeReader;
import dev.symphony.ui.editor.bench.EditorViewBench;
import dev.symphony.ui.probe.FrameClock;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * {@code symphony bench views [--rows N] [--updates N]}: the VirtualNode renderer on JavaFX's headless platform
 * (software rendering, unless a platform is chosen), and an extension's first command.
 * <ul>
 * <li>{@code firstFrameMs}: a view of N rows (a list of text rows, JSON as an extension sends it) from the moment the
 * update arrives (read, checked, diffed, applied) until its first frame is rendered; the median of 11 (5 until
 * 2026-12-07: too few for a figure that a collection or a late pulse moves by tens of ms), after 2 warm-up views;
 * {@code firstFrameSplitMs} the median of each stage (on their own: they need not add up to the whole's).</li>
 * <li>{@code rowUpdateFxMs}: for a one-row change, the JavaFX thread's time to apply the plan and lay the scene out
 * again; p50 and p99 of N updates after up to 100 warm-up updates (reading and diffing run off that thread, as in the
 * workbench).</li>
 * <li>{@code firstCommandMs}: hello-addon's command run cold (activation event and host start included), with
 * {@code hostRunningAfterStart} (false: onCommand costs nothing at startup).</li>
 * </ul>
 * Prints the load average and core count beside the figures: compare figures only from a quiet machine (load below 0.5).
 */
public final class ViewsBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many first frames are measured (after the warm-up); the median is the figure. */
    private static final int VIEWS = 11;
    /** The stages of a first frame, as {@code firstFrameSplitMs} names them (each the median of its own). */
    private static final String[] SPLIT = {"read", "waitForFx", "apply", "cssAndLayout", "toFrame"};

    private ViewsBench() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        int rows = 10_000;
        int updates = 300;
        for (int i = 0; i < args.length; i++) {
            try {
                if (args[i].equals("--rows") && i + 1 < args.length) {
                    rows = Math.max(1, Integer.parseInt(args[++i]));
                } else if (args[i].equals("--updates") && i + 1 < args.length) {
                    updates = Math.max(10, Integer.parseInt(args[++i]));
                } else {
                    err.println("symphony bench views: usage: bench views [--rows N] [--updates N] (did not understand '" + args[i] + "')");
                    return 2;
                }
            } catch (NumberFormatException e) {
                err.println("symphony bench views: " + args[i - 1] + " needs a number, not '" + args[i] + "'");
                return 2;
            }
        }
        try {
            EditorViewBench.useHeadlessPlatformUnlessChosen();
            out.println(JSON.writeValueAsString(measure(rows, updates)));
            return 0;
        } catch (Exception e) {
            err.println("symphony bench views: " + e);
            return 1;
        }
    }

    static JsonNode tree(int rows, int changed, int generation) {
        ObjectNode root = JSON.createObjectNode().put("id", "root").put("component", "column");
        ObjectNode list = root.putArray("children").addObject().put("id", "rows").put("component", "list");
        ArrayNode children = list.putArray("children");
        for (int i = 0; i < rows; i++) {
            children.addObject().put("id", "row" + i).put("component", "text").putObject("props")
                    .put("text", "Row " + i + (i == changed ? " (changed " + generation + ")" : ""));
        }
        return root;
    }

    private static ObjectNode measure(int rows, int updates) throws Exception {
        EditorViewBench.startPlatform();
        StackPane host = new StackPane();
        CompletableFuture<FrameClock> shown = new CompletableFuture<>();
        Stage[] stage = new Stage[1];
        Platform.runLater(() -> {
            stage[0] = new Stage();
            Scene scene = new Scene(host, 600, 800);
            stage[0].setScene(scene);
            stage[0].show();
            shown.complete(new FrameClock(scene));
        });
        FrameClock frames = shown.get(60, TimeUnit.SECONDS);
        byte[] first = JSON.writeValueAsBytes(tree(rows, -1, 0));
        firstFrame(first, host, frames); // warm-up: the JIT and the controls' first use are not what the bar measures
        firstFrame(first, host, frames);
        double[][] firsts = new double[SPLIT.length + 1][VIEWS]; // [0] the whole, then each stage; a column per view
        for (int i = 0; i < VIEWS; i++) {
            double[] one = firstFrame(first, host, frames);
            for (int k = 0; k < one.length; k++) {
                firsts[k][i] = one[k];
            }
        }
        ObjectNode split = JSON.createObjectNode();
        for (int k = 0; k < firsts.length; k++) {
            Arrays.sort(firsts[k]);
            if (k > 0) {
                split.put(SPLIT[k - 1], round(firsts[k][VIEWS / 2]));
            }
        }
        double firstFrameMs = firsts[0][VIEWS / 2];

        VirtualRenderer renderer = new VirtualRenderer((id, event, action, value) -> { });
        VNode previous = VirtualTreeReader.read(tree(rows, -1, 0));
        TreeDiff.Plan initial = TreeDiff.plan(null, previous);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Platform.runLater(() -> {
            host.getChildren().setAll(renderer.apply(initial));
            ready.complete(null);
        });
        ready.get(60, TimeUnit.SECONDS);
        int warm = Math.min(100, updates);
        double[] fx = new double[updates];
        for (int u = -warm; u < updates; u++) {
            VNode next = VirtualTreeReader.read(tree(rows, Math.floorMod(u * 7919, rows), u + warm));
            TreeDiff.Plan change = TreeDiff.plan(previous, next);
            previous = next;
            CompletableFuture<Long> took = new CompletableFuture<>();
            Platform.runLater(() -> {
                long s = System.nanoTime();
                renderer.apply(change);
                Parent root = host.getScene().getRoot();
                root.applyCss();
                root.layout();
                took.complete(System.nanoTime() - s);
            });
            long nanos = took.get(60, TimeUnit.SECONDS);
            if (u >= 0) {
                fx[u] = nanos / 1e6;
            }
        }
        Platform.runLater(stage[0]::close);
        Arrays.sort(fx);
        ObjectNode result = JSON.createObjectNode();
        result.put("rows", rows).put("updates", updates);
        result.put("firstFrameMs", round(firstFrameMs));
        result.set("firstFrameSplitMs", split);
        result.put("rowUpdateFxMs", round(fx[fx.length / 2]));
        result.put("rowUpdateFxP99Ms", round(fx[(int) (fx.length * 0.99)]));
        firstCommand(result);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        result.put("loadAverage", round(load));
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("quiet", load >= 0 && load < 0.5);
        return result;
    }

    /**
     * The activation bar: hello-addon declares only {@code onView}/{@code onCommand}, so a started kernel runs no host
     * of it ({@code hostRunningAfterStart}); {@code firstCommandMs} is its command from invocation (activation event,
     * host start included) to the answer. Skipped, with the reason, when hello-addon is not available.
     */
    private static void firstCommand(ObjectNode result) {
        String id = "dev.symphony.samples.hello-addon";
        try (Kernel kernel = Kernel.start(KernelContext.standard())) {
            var player = kernel.player(id).filter(p -> p.manifest() != null);
            if (player.isEmpty()) {
                result.put("firstCommandMs", (String) null).put("firstCommandSkipped", id + " is not built or installed");
                return;
            }
            result.put("hostRunningAfterStart", player.get().hostPid() > 0);
            long start = System.nanoTime();
            new ActivationEvents(kernel).fire(ActivationEvents.command("hello.increment"));
            kernel.call(new CapabilityCall("bench", id, "increment", JSON.createObjectNode()));
            result.put("firstCommandMs", round((System.nanoTime() - start) / 1e6));
        } catch (RuntimeException e) {
            result.put("firstCommandMs", (String) null).put("firstCommandSkipped", e.getMessage());
        }
    }

    /**
     * One view of the tree {@code json} arriving: read, checked and diffed here, applied on the JavaFX thread; ms to its
     * frame, then ms of each of {@link #SPLIT}'s stages: reading (and diffing) here, the wait for the JavaFX thread,
     * applying the plan, the scene's CSS and layout (done at once, as the next pulse would), and from there to the frame
     * rendered (the wait for the pulse and the render).
     */
    private static double[] firstFrame(byte[] json, StackPane host, FrameClock frames) throws Exception {
        long arrived = System.nanoTime();
        VNode tree = VirtualTreeReader.read(JSON.readTree(json));
        TreeDiff.Plan plan = TreeDiff.plan(null, tree);
        long read = System.nanoTime();
        long[] fx = new long[3];
        CompletableFuture<Long> painted = new CompletableFuture<>();
        Platform.runLater(() -> {
            fx[0] = System.nanoTime();
            host.getChildren().setAll(new VirtualRenderer((id, event, action, value) -> { }).apply(plan));
            fx[1] = System.nanoTime();
            host.getScene().getRoot().applyCss();
            host.getScene().getRoot().layout();
            fx[2] = System.nanoTime();
            frames.afterNextFrame(painted::complete);
        });
        long frame = painted.get(60, TimeUnit.SECONDS); // completed after fx[] was written, on the JavaFX thread
        return new double[] {(frame - arrived) / 1e6, (read - arrived) / 1e6, (fx[0] - read) / 1e6, (fx[1] - fx[0]) / 1e6,
            (fx[2] - fx[1]) / 1e6, (frame - fx[2]) / 1e6};
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
