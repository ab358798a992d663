package dev.symphony.ui.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.TestWorkbench;
import java.nio.file.Path;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real board on the headless platform, driven by mouse and keys: move a node (only the layout text changes;
 * undo restores the bytes), connect two ports and be refused with the reason, box-select, copy/paste as Melody
 * JSON, delete, zoom and pan, auto-layout, culling when zoomed in.
 */
@ExtendWith(ApplicationExtension.class)
class BoardUiTest {
    private static final Path FAN_OUT = BoardModelTest.EXAMPLES.resolve("fan-out.melody.json");
    private String original;
    private BoardView board;
    private BoardViewModel vm;
    private FxBridge bridge;

    @Start
    void start(Stage stage) throws Exception {
        original = BoardModelTest.example("fan-out.melody.json");
        bridge = new FxBridge();
        vm = new BoardViewModel(new BoardDocument(original, CapabilityCatalog.NONE), FAN_OUT, bridge);
        board = new BoardView(vm);
        stage.setScene(new Scene(board, 1200, 760));
        stage.show();
        board.requestFocus();
    }

    @AfterEach
    void close() {
        bridge.close();
    }

    /** Screen point of board point (x, y) at the current viewport. */
    private Point2D screen(double x, double y) {
        double s = vm.scaleProperty().get();
        return board.localToScreen(vm.translateXProperty().get() + x * s, vm.translateYProperty().get() + y * s);
    }

    private Point2D center(String id) {
        BoardGraph.BoardNode n = vm.graphProperty().get().node(id);
        return screen(n.x() + BoardGraph.NODE_WIDTH / 2, n.y() + BoardGraph.NODE_HEIGHT / 2);
    }

    private void shortcut(FxRobot robot, KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.press(all).release(all);
    }

    @Test
    void moveConnectSelectCopyPasteDeleteUndo(FxRobot robot) throws Exception {
        shortcut(robot, KeyCode.DIGIT0); // zoom to fit: the whole Melody on screen
        TestWorkbench.waitUntil("fitted", () -> board.paintedNodes() == 9);
        // move: the node follows, snapped to the grid; only a layout section is added to the text
        BoardGraph.BoardNode upper = vm.graphProperty().get().node("upper");
        robot.drag(center("upper"), MouseButton.PRIMARY)
                .dropTo(screen(upper.x() + BoardGraph.NODE_WIDTH / 2 + 103, upper.y() + BoardGraph.NODE_HEIGHT / 2 + 57));
        TestWorkbench.waitUntil("the move is written", () -> vm.document().text().contains("\"layout\""));
        BoardGraph.BoardNode moved = vm.graphProperty().get().node("upper");
        assertEquals(upper.x() + 100, moved.x(), "snapped to the 20-unit grid");
        assertEquals(upper.y() + 60, moved.y());
        String text = vm.document().text();
        String prefix = original.substring(0, original.lastIndexOf(']') + 1);
        assertTrue(text.startsWith(prefix), "the nodes and connections are untouched");
        shortcut(robot, KeyCode.Z);
        TestWorkbench.waitUntil("undo", () -> vm.document().text().equals(original));

        // connect by dragging from an output port onto a node; a refused connection says why
        BoardGraph.BoardNode from = vm.graphProperty().get().node("upper");
        robot.drag(screen(from.outX(), from.portY()), MouseButton.PRIMARY).dropTo(center("html"));
        TestWorkbench.waitUntil("connected", () -> vm.graphProperty().get().edges().size() == 17);
        assertEquals("upper", vm.graphProperty().get().edges().get(16).from());
        robot.drag(screen(from.outX(), from.portY()), MouseButton.PRIMARY).dropTo(center("phrase"));
        TestWorkbench.waitUntil("refused", () -> vm.messageProperty().get().contains("input node"));
        assertEquals(17, vm.graphProperty().get().edges().size());
        BoardGraph.BoardNode table = vm.graphProperty().get().node("table");
        robot.drag(screen(table.outX(), table.portY()), MouseButton.PRIMARY).dropTo(center("upper"));
        TestWorkbench.waitUntil("a cycle is refused", () -> vm.messageProperty().get().contains("cycle: "));

        // box select the first row's first three nodes, copy, paste, delete the pasted ones
        robot.drag(screen(-20, -20), MouseButton.PRIMARY).dropTo(screen(760, 80));
        TestWorkbench.waitUntil("box selected", () -> vm.selection().equals(Set.of("phrase", "upper", "snake")));
        shortcut(robot, KeyCode.C);
        robot.moveTo(screen(100, 400));
        shortcut(robot, KeyCode.V);
        TestWorkbench.waitUntil("pasted", () -> vm.graphProperty().get().nodes().size() == 12);
        assertEquals(Set.of("phrase_2", "upper_2", "snake_2"), vm.selection());
        assertEquals(17 + 2, vm.graphProperty().get().edges().size(), "the two connections among the copies came along");
        robot.type(KeyCode.DELETE);
        TestWorkbench.waitUntil("deleted", () -> vm.graphProperty().get().nodes().size() == 9);
        shortcut(robot, KeyCode.Z);
        TestWorkbench.waitUntil("undo the delete", () -> vm.graphProperty().get().nodes().size() == 12);
        shortcut(robot, KeyCode.SHIFT, KeyCode.Z);
        TestWorkbench.waitUntil("redo the delete", () -> vm.graphProperty().get().nodes().size() == 9);
        for (int i = 0; i < 3; i++) { // redo, paste, connect
            shortcut(robot, KeyCode.Z);
        }
        TestWorkbench.waitUntil("back to the file", () -> vm.document().text().equals(original));
        assertFalse(vm.document().dirty());
    }

    @Test
    void zoomPanLayoutAndCulling(FxRobot robot) throws Exception {
        assertEquals(6, board.paintedNodes(), "at 100 % the nodes beyond the window's right edge are not painted");
        robot.moveTo(screen(0, 0));
        robot.press(KeyCode.CONTROL).scroll(5, javafx.geometry.VerticalDirection.UP).release(KeyCode.CONTROL);
        TestWorkbench.waitUntil("zoomed (scale " + vm.scaleProperty().get() + ", x " + vm.translateXProperty().get() + ")",
                () -> Math.abs(vm.scaleProperty().get() - 1) > 0.05);
        double tx = vm.translateXProperty().get();
        robot.drag(screen(900, 500), MouseButton.SECONDARY).dropBy(-120, 0);
        TestWorkbench.waitUntil("panned", () -> vm.translateXProperty().get() < tx - 100);
        robot.interact(() -> vm.zoomAt(4, 0, 0));
        TestWorkbench.waitUntil("culled", () -> board.paintedNodes() < 6);

        // ELK's first layout in a JVM loads its algorithms (seconds on a loaded machine): warm it off the board
        AutoLayout.layout(vm.graphProperty().get(), null, () -> false);
        robot.interact(board::requestFocus);
        shortcut(robot, KeyCode.SHIFT, KeyCode.L);
        try {
            TestWorkbench.waitUntil("laid out", () -> vm.document().tree().path("layout").size() == 9);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not laid out; the board says: " + vm.messageProperty().get() + "; focus on "
                    + board.getScene().getFocusOwner(), e);
        }
        BoardGraph g = vm.graphProperty().get();
        assertTrue(g.node("phrase").x() < g.node("upper").x() && g.node("table").x() < g.node("html").x(),
                "left to right along the connections: " + vm.document().tree().path("layout") + ", selection "
                        + vm.selection());
        shortcut(robot, KeyCode.DIGIT0);
        TestWorkbench.waitUntil("zoom to fit shows all", () -> board.paintedNodes() == 9);
    }
}
