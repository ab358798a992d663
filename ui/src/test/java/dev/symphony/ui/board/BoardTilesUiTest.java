package dev.symphony.ui.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.board.bench.BoardMelodies;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The board's tiles on the headless platform: a pan paints only the tiles that come into view, a zoom step none (the
 * view in one piece) and the next frame all of them, a node's change only the tiles under it; after pans, zooms and
 * changes the tiles show what one paint of the whole view shows, pixel for pixel; and the connections are drawn where
 * they run, near, between and far, light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class BoardTilesUiTest {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 700;
    private BoardView board;
    private BoardViewModel vm;
    private FxBridge bridge;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        stage.setRenderScaleX(1); // the same stage for each test: one that changed it may have failed before resetting it
        stage.setRenderScaleY(1);
        bridge = new FxBridge();
        String text = BoardMelodies.generate(200, 7);
        vm = new BoardViewModel(new BoardDocument(text, CapabilityCatalog.NONE), Path.of("tiles.melody.json"), bridge);
        board = new BoardView(vm);
        stage.setScene(new Scene(board, WIDTH, HEIGHT));
        stage.show();
    }

    @AfterEach
    void close() {
        bridge.close();
    }

    /** Runs {@code change} on the JavaFX thread, then the board's layout pass (where it paints), and returns the tiles painted. */
    private int frame(FxRobot robot, Runnable change) {
        AtomicReference<Integer> painted = new AtomicReference<>();
        robot.interact(() -> {
            change.run();
            board.layout();
            painted.set(board.paintedTiles());
        });
        return painted.get();
    }

    @Test
    void aPanPaintsOnlyWhatComesIntoViewAZoomEverythingAChangeItsTiles(FxRobot robot) {
        frame(robot, () -> {
            vm.scaleProperty().set(1);
            vm.translateXProperty().set(40);
            vm.translateYProperty().set(40);
            board.repaint();
        });
        // 256-pixel tiles from the view's corner: columns -1..2 and rows -1..1 are in view, 12 tiles
        assertEquals(0, frame(robot, () -> vm.pan(-10, 0)), "a pan that brings no new tile into view paints none");
        assertEquals(3, frame(robot, () -> vm.pan(-250, 0)), "column 3 came into view: its 3 tiles, nothing else");
        assertEquals(0, frame(robot, () -> vm.pan(256, 0)), "back a tile: the column kept beside the view is still good");
        assertEquals(0, frame(robot, () -> vm.zoomAt(0.9, WIDTH / 2.0, HEIGHT / 2.0)),
                "a zoom step paints the view in one piece, no tile");
        assertEquals(12, frame(robot, () -> vm.pan(-1, 0)),
                "the next frame at that scale paints every tile in view anew, 4 × 3 from the view's corner");
        BoardGraph.BoardNode node = vm.graphProperty().get().nodes().get(45);
        int changed = frame(robot, () -> vm.selection().add(node.id()));
        assertTrue(changed >= 1 && changed <= 4, "selecting one node paints the tiles under it only, painted " + changed);
        changed = frame(robot, () -> vm.states().put(node.id(), BoardViewModel.NodeState.RUNNING));
        assertTrue(changed >= 1 && changed <= 4, "a node's run state paints the tiles under it only, painted " + changed);
    }

    @Test
    void theTilesShowWhatOnePaintOfTheWholeViewShows(FxRobot robot) {
        frame(robot, () -> {
            vm.scaleProperty().set(1);
            vm.translateXProperty().set(40);
            vm.translateYProperty().set(40);
            board.repaint();
        });
        frame(robot, () -> vm.pan(-130, -90));
        frame(robot, () -> vm.selection().add(vm.graphProperty().get().nodes().get(23).id()));
        frame(robot, () -> vm.pan(-407, 33));
        frame(robot, () -> vm.states().put(vm.graphProperty().get().nodes().get(64).id(), BoardViewModel.NodeState.FAILED));
        assertSamePicture(robot, "near (100 %), after pans and changes");
        frame(robot, () -> {
            vm.zoomAt(0.5, 0, 0);
            vm.translateXProperty().set(Math.round(vm.translateXProperty().get()));
            vm.translateYProperty().set(Math.round(vm.translateYProperty().get()));
        });
        frame(robot, () -> vm.pan(-301, -17));
        assertSamePicture(robot, "middle (50 %)");
        frame(robot, () -> {
            vm.scaleProperty().set(0.2);
            vm.translateXProperty().set(13);
            vm.translateYProperty().set(29);
        });
        frame(robot, () -> vm.pan(-260, 0));
        frame(robot, () -> vm.selection().add(vm.graphProperty().get().nodes().get(120).id())); // far out a box filled
        frame(robot, () -> vm.states().put(vm.graphProperty().get().nodes().get(141).id(), BoardViewModel.NodeState.SKIPPED));
        assertSamePicture(robot, "far (20 %)");
    }

    @Test
    void connectionsAreDrawnWhereTheyRunAtEveryLevelOfDetailAndTheme(FxRobot robot) {
        record View(double scale, boolean dark) {
        }
        for (View v : new View[] {new View(1, false), new View(0.5, true), new View(0.2, false)}) {
            frame(robot, () -> {
                board.darkProperty().set(v.dark());
                vm.scaleProperty().set(v.scale());
                vm.translateXProperty().set(40);
                vm.translateYProperty().set(40);
            });
            assertConnectionsAtTheirMiddles(robot, v.scale() + (v.dark() ? " dark" : " light") + ", the view in one piece");
            frame(robot, () -> vm.pan(0, 0.25)); // same scale: the tiles
            assertConnectionsAtTheirMiddles(robot, v.scale() + (v.dark() ? " dark" : " light") + ", tiles");
        }
    }

    /**
     * HiDPI: at a render scale other than 1 the pixels of the raster would be enlarged, so the board strokes on the
     * canvas instead; a window whose render scale changes (moved to a screen of another scale) is painted anew, every
     * tile in view, the other way. Monocle's screen scale is fixed at 1, so the test sets the window's render scale
     * ({@code Window.setRenderScaleX/Y}, what JavaFX does when a window moves to another screen).
     */
    @Test
    void aWindowAtAnotherRenderScaleIsStrokedAndPaintedAnewWhenItsScaleChanges(FxRobot robot) {
        frame(robot, () -> {
            vm.scaleProperty().set(1);
            vm.translateXProperty().set(40);
            vm.translateYProperty().set(40);
            board.repaint();
        });
        assertTrue(board.paintedInPixels(), "at render scale 1 the still picture is painted in pixels");
        assertEquals(12, frame(robot, () -> {
            stage.setRenderScaleX(2);
            stage.setRenderScaleY(2);
        }), "render scale 2: every tile in view is painted anew, 4 × 3 from the view's corner");
        assertFalse(board.paintedInPixels(), "at render scale 2 the board strokes on the canvas");
        assertConnectionsAtTheirMiddles(robot, "render scale 2, canvas strokes");
        frame(robot, () -> vm.zoomAt(0.5, 0, 0));
        assertFalse(board.paintedInPixels(), "a zoom step at render scale 2 (the view in one piece) strokes too");
        assertConnectionsAtTheirMiddles(robot, "render scale 2, 50 %, the view in one piece");
        frame(robot, () -> {
            vm.scaleProperty().set(1);
            vm.translateXProperty().set(40);
            vm.translateYProperty().set(40);
        });
        assertEquals(12, frame(robot, () -> {
            stage.setRenderScaleX(1);
            stage.setRenderScaleY(1);
        }), "back at render scale 1: every tile in view painted anew");
        assertTrue(board.paintedInPixels(), "and in pixels again");
    }

    /**
     * A connection's curve passes through the middle of its two ports (its control points are symmetric), and far
     * out it is a straight line through it: there, in its colour, for at least 90 % of the connections in view whose
     * middle no node covers (another connection may cross a few of them; a dashed one may have a gap there).
     */
    private void assertConnectionsAtTheirMiddles(FxRobot robot, String where) {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(board.snapshot(null, null)));
        PixelReader px = shot.get().getPixelReader();
        BoardColors c = board.darkProperty().get() ? BoardColors.DARK : BoardColors.LIGHT;
        double s = vm.scaleProperty().get();
        BoardGraph g = vm.graphProperty().get();
        int checked = 0;
        int found = 0;
        StringBuilder missing = new StringBuilder();
        for (BoardGraph.BoardEdge e : g.edges()) {
            BoardGraph.BoardNode a = g.node(e.from());
            BoardGraph.BoardNode b = g.node(e.to());
            double mx = (a.outX() + b.x()) / 2;
            double my = (a.portY() + b.portY()) / 2;
            int x = (int) Math.floor(mx * s + vm.translateXProperty().get());
            int y = (int) Math.floor(my * s + vm.translateYProperty().get());
            boolean covered = g.nodes().stream().anyMatch(n -> mx > n.x() - 14 && mx < n.x() + BoardGraph.NODE_WIDTH + 14
                    && my > n.y() - 14 && my < n.y() + BoardGraph.NODE_HEIGHT + 14);
            if (covered || BoardPainter.dashed(e.kind()) || x < 2 || y < 2 || x > WIDTH - Minimap.WIDTH - 20 || y > HEIGHT - 3) {
                continue;
            }
            Color want = s < BoardPainter.LOD_BOXES ? c.edge() : BoardPainter.color(e.kind(), c);
            double best = 0;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    best = Math.max(best, coverage(px.getColor(x + dx, y + dy), want, c.background()));
                }
            }
            checked++;
            if (best >= 0.4) {
                found++;
            } else if (missing.length() < 300) {
                missing.append(' ').append(e.from()).append("→").append(e.to()).append(" at ").append(x).append(',').append(y);
            }
        }
        assertTrue(checked >= 10, where + ": only " + checked + " connections' middles in view");
        if (found < checked * 0.9) {
            write(shot.get(), "middles " + where);
        }
        assertTrue(found >= checked * 0.9, where + ": " + found + " of " + checked
                + " connections drawn at their middle; not:" + missing + " (target/screenshots/board-tiles-middles-*.png)");
    }

    /** How much of {@code want} over {@code background} pixel {@code p} shows (0: background, 1: the colour). */
    private static double coverage(Color p, Color want, Color background) {
        double full = distance(want, background);
        return full == 0 ? 0 : Math.max(0, 1 - distance(p, want) / full);
    }

    private static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }

    /** The board's picture (without the minimap) against the painter's picture of the same view on one canvas. */
    private void assertSamePicture(FxRobot robot, String where) {
        AtomicReference<WritableImage[]> shots = new AtomicReference<>();
        robot.interact(() -> {
            WritableImage tiled = board.snapshot(null, null);
            Canvas one = new Canvas(board.getWidth(), board.getHeight());
            new BoardPainter().paint(one.getGraphicsContext2D(), one.getWidth(), one.getHeight(), vm, BoardColors.LIGHT,
                    BoardPainter.Gesture.NONE, -1, BoardPainter.Layer.ALL);
            shots.set(new WritableImage[] {tiled, one.snapshot(null, null)});
        });
        PixelReader a = shots.get()[0].getPixelReader();
        PixelReader b = shots.get()[1].getPixelReader();
        int w = (int) Math.min(shots.get()[0].getWidth(), shots.get()[1].getWidth());
        int h = (int) Math.min(shots.get()[0].getHeight(), shots.get()[1].getHeight());
        int differ = 0;
        int compared = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x >= w - Minimap.WIDTH - 14 && y >= h - Minimap.HEIGHT - 14) {
                    continue; // the minimap covers the board there
                }
                compared++;
                int p = a.getArgb(x, y);
                int q = b.getArgb(x, y);
                if (channelDiff(p, q) > 24) {
                    differ++;
                }
            }
        }
        int solid = 0; // differing pixels whose 3 × 3 neighbourhood all differs: areas (a stale tile, a node missing
        for (int y = 1; y < h - 1; y++) { // or filled wrong), not the antialiasing of a curve cut at a tile's edge
            for (int x = 1; x < w - 1; x++) {
                boolean all = x < w - Minimap.WIDTH - 16 || y < h - Minimap.HEIGHT - 16;
                for (int dy = -1; dy <= 1 && all; dy++) {
                    for (int dx = -1; dx <= 1 && all; dx++) {
                        all = channelDiff(a.getArgb(x + dx, y + dy), b.getArgb(x + dx, y + dy)) > 24;
                    }
                }
                solid += all ? 1 : 0;
            }
        }
        if (solid > 0 || differ > compared / 100) {
            write(shots.get()[0], where + "-tiles");
            write(shots.get()[1], where + "-one");
        }
        String what = where + ": " + differ + " of " + compared + " pixels differ between the tiles and one paint of the view, "
                + solid + " inside differing areas (target/screenshots/board-tiles-*.png)";
        assertEquals(0, solid, what);
        assertTrue(differ <= compared / 100, what);
    }

    private static void write(WritableImage image, String name) {
        BoardScreenshots.write(image, "board-tiles-" + name.replaceAll("[^A-Za-z0-9]+", "-") + ".png");
    }

    private static int channelDiff(int p, int q) {
        int max = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            max = Math.max(max, Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)));
        }
        return max;
    }
}
