package dev.symphony.ui.board.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.board.BoardDocument;
import dev.symphony.ui.board.BoardGraph;
import dev.symphony.ui.board.BoardView;
import dev.symphony.ui.board.BoardViewModel;
import dev.symphony.ui.editor.bench.EditorViewBench;
import dev.symphony.ui.editor.bench.PulseDriver;
import dev.symphony.ui.probe.FrameClock;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

/**
 * {@code symphony bench board [--sizes 1000,5000] [--frames N]}: for each size, a generated Melody with 1.5
 * connections per node and every position in the file ({@link BoardMelodies}) is opened on the real
 * {@link BoardView} (Monocle headless with software rendering unless a platform is chosen, as
 * {@code bench editor-view}), and one JSON line is printed: {@code openMs} (file read → first rendered frame of the
 * board; no auto-layout), {@code panP99Ms}, {@code zoomP99Ms} (stepping between 100 % and 10 %, through every level
 * of detail), {@code dragP99Ms} (a node dragged by mouse events), each an input event → the rendered pulse showing
 * it ({@link PulseDriver}); {@code *FxCpuP99Ms}: the JavaFX thread's CPU time for the event, CSS, layout and
 * painting commands (not the rasterizing render thread); {@code *RenderCpuP50Ms}, {@code *RenderCpuP99Ms}: the
 * render thread's CPU time for that frame (the software rasterizer; NaN if the thread is not found); both CPU
 * times are inflated much less by a loaded machine than the wall-clock frame times; {@code parseMs}: the part of {@code openMs} before the
 * window (read, parse, graph); {@code *Worst}: the three slowest frames of each run as {@code ms@frame}; the load
 * average beside them. A small board is opened first ({@link #warmUp}).
 */
public final class BoardBench {
    private static final long SEED = 20;

    private BoardBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        int[] sizes = {1000, 5000};
        int frames = 200;
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--sizes") && i + 1 < args.length) {
                    sizes = Arrays.stream(args[++i].split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
                } else if (args[i].equals("--frames") && i + 1 < args.length) {
                    frames = Math.max(20, Integer.parseInt(args[++i]));
                } else {
                    err.println("symphony bench board: usage: bench board [--sizes 1000,5000] [--frames N] (did not understand '"
                            + args[i] + "')");
                    return 2;
                }
            }
        } catch (NumberFormatException e) {
            err.println("symphony bench board: --sizes and --frames take numbers (" + e.getMessage() + ")");
            return 2;
        }
        try {
            EditorViewBench.useHeadlessPlatformUnlessChosen();
            EditorViewBench.startPlatform();
            double warmUp = warmUp();
            for (int size : sizes) {
                Path file = Files.createTempFile("symphony-board-bench-" + size + "-", ".melody.json");
                try {
                    Files.writeString(file, BoardMelodies.generate(size, SEED));
                    ObjectNode line = measure(file, size, frames);
                    line.put("warmUpOpenMs", round(warmUp));
                    out.println(new ObjectMapper().writeValueAsString(line));
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            return 0;
        } catch (Exception e) {
            err.println("symphony bench board: " + e);
            return 1;
        }
    }

    private record Session(Stage stage, BoardView board, PulseDriver driver) {
    }

    /**
     * Opens and closes a small board first, as the workbench has shown windows before a Melody is opened: JavaFX's
     * first window, fonts and the board's classes load here, not in the first size's {@code openMs}. Its open time
     * is printed on every line ({@code warmUpOpenMs}), so that cost is not hidden.
     */
    private static double warmUp() throws Exception {
        Path file = Files.createTempFile("symphony-board-bench-warm-up-", ".melody.json");
        try {
            Files.writeString(file, BoardMelodies.generate(40, SEED));
            long start = System.nanoTime();
            Session s = open(file, new BoardDocument(Files.readString(file), CapabilityCatalog.NONE), new FxBridge());
            double ms = (System.nanoTime() - start) / 1e6;
            PulseDriver.onFx(s.stage()::close);
            return ms;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Session open(Path file, BoardDocument document, FxBridge bridge) throws Exception {
        CompletableFuture<Session> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            BoardView board = new BoardView(new BoardViewModel(document, file, bridge));
            Stage stage = new Stage();
            Scene scene = new Scene(board, 1280, 800);
            stage.setScene(scene);
            stage.show();
            board.requestFocus();
            FrameClock clock = new FrameClock(scene);
            clock.afterNextFrame(t -> shown.complete(new Session(stage, board, new PulseDriver(scene, clock))));
        });
        return shown.get(120, TimeUnit.SECONDS);
    }

    private static ObjectNode measure(Path file, int size, int frames) throws Exception {
        double loadAtStart = load();
        FxBridge bridge = new FxBridge();
        long start = System.nanoTime();
        BoardDocument document = new BoardDocument(Files.readString(file), CapabilityCatalog.NONE);
        double parseMs = (System.nanoTime() - start) / 1e6;
        Session s = open(file, document, bridge);
        double openMs = (System.nanoTime() - start) / 1e6;
        BoardViewModel vm = s.board().viewModel();
        double[] pan = new double[frames];
        double[] panCpu = new double[frames];
        double[] panRender = new double[frames];
        for (int i = 0; i < frames; i++) {
            double dx = i % 40 < 20 ? -23 : 23;
            pan[i] = s.driver().measure(() -> vm.pan(dx, -7 * Math.signum(dx)));
            panCpu[i] = s.driver().lastFxCpuMs();
            panRender[i] = s.driver().lastRenderCpuMs();
        }
        double[] zoom = new double[frames];
        double[] zoomCpu = new double[frames];
        double[] zoomRender = new double[frames];
        for (int i = 0; i < frames; i++) {
            double factor = i % 50 < 25 ? 0.912 : 1 / 0.912; // 25 steps of 0.912 ≈ 100 % → 10 % and back
            zoom[i] = s.driver().measure(() -> vm.zoomAt(factor, 640, 400));
            zoomCpu[i] = s.driver().lastFxCpuMs();
            zoomRender[i] = s.driver().lastRenderCpuMs();
        }
        PulseDriver.onFx(() -> {
            vm.scaleProperty().set(1);
            vm.translateXProperty().set(40);
            vm.translateYProperty().set(40);
        });
        double[][] dragRun = drag(s, vm, frames);
        double[] drag = dragRun[0];
        Platform.runLater(s.stage()::close);
        bridge.close();

        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("nodes", size);
        line.put("connections", document.graph().edges().size());
        line.put("openMs", round(openMs));
        line.put("parseMs", round(parseMs));
        line.put("panP99Ms", round(EditorViewBench.percentile(pan, 99)));
        line.put("zoomP99Ms", round(EditorViewBench.percentile(zoom, 99)));
        line.put("dragP99Ms", round(EditorViewBench.percentile(drag, 99)));
        line.put("panP50Ms", round(EditorViewBench.percentile(pan, 50)));
        line.put("zoomP50Ms", round(EditorViewBench.percentile(zoom, 50)));
        line.put("dragP50Ms", round(EditorViewBench.percentile(drag, 50)));
        line.put("panFxCpuP99Ms", round(EditorViewBench.percentile(panCpu, 99)));
        line.put("zoomFxCpuP99Ms", round(EditorViewBench.percentile(zoomCpu, 99)));
        line.put("dragFxCpuP99Ms", round(EditorViewBench.percentile(dragRun[1], 99)));
        line.put("panRenderCpuP50Ms", round(EditorViewBench.percentile(panRender, 50)));
        line.put("panRenderCpuP99Ms", round(EditorViewBench.percentile(panRender, 99)));
        line.put("zoomRenderCpuP50Ms", round(EditorViewBench.percentile(zoomRender, 50)));
        line.put("zoomRenderCpuP99Ms", round(EditorViewBench.percentile(zoomRender, 99)));
        line.put("dragRenderCpuP50Ms", round(EditorViewBench.percentile(dragRun[2], 50)));
        line.put("dragRenderCpuP99Ms", round(EditorViewBench.percentile(dragRun[2], 99)));
        line.put("panWorst", worst(pan));
        line.put("zoomWorst", worst(zoom));
        line.put("dragWorst", worst(drag));
        line.put("frames", frames);
        line.put("loadAverageAtStart", round(loadAtStart));
        line.put("loadAverage", round(load()));
        line.put("cores", Runtime.getRuntime().availableProcessors());
        line.put("renderer", System.getProperty("prism.order", "default"));
        line.put("platform", System.getProperty("glass.platform", "default"));
        return line;
    }

    /**
     * Presses on a node, drags it {@code frames} steps (each timed), releases (the move is written, not timed): each
     * frame's time, FX-thread CPU and render-thread CPU.
     */
    private static double[][] drag(Session s, BoardViewModel vm, int frames) throws Exception {
        BoardGraph.BoardNode node = vm.graphProperty().get().nodes().get(BoardMelodies.ROWS + 3);
        double x = 40 + node.x() + BoardGraph.NODE_WIDTH / 2;
        double y = 40 + node.y() + BoardGraph.NODE_HEIGHT / 2;
        PulseDriver.onFx(() -> Event.fireEvent(s.board(), mouse(MouseEvent.MOUSE_PRESSED, x, y)));
        double[] out = new double[frames];
        double[] cpu = new double[frames];
        double[] render = new double[frames];
        for (int i = 0; i < frames; i++) {
            double dx = 4.0 * (i % 60 < 30 ? i % 60 : 60 - i % 60);
            double dy = dx / 2;
            out[i] = s.driver().measure(() -> Event.fireEvent(s.board(), mouse(MouseEvent.MOUSE_DRAGGED, x + dx, y + dy)));
            cpu[i] = s.driver().lastFxCpuMs();
            render[i] = s.driver().lastRenderCpuMs();
        }
        PulseDriver.onFx(() -> Event.fireEvent(s.board(), mouse(MouseEvent.MOUSE_RELEASED, x + 40, y + 20)));
        return new double[][] {out, cpu, render};
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y) {
        return new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false, false, true, false, false,
                true, false, false, null);
    }

    /** The three slowest frames as "ms@frame" (frame 0 is the first of its run): where a p99 comes from. */
    static String worst(double[] ms) {
        Integer[] order = new Integer[ms.length];
        for (int i = 0; i < ms.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(ms[b], ms[a]));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(3, order.length); i++) {
            out.append(i == 0 ? "" : " ").append(round(ms[order[i]])).append('@').append(order[i]);
        }
        return out.toString();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
