package dev.symphony.ui.board;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.symphony.conductor.melody.MelodyDocument;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.board.BoardViewModel.NodeState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
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
 * A user's whole path on the Harmony Board in one run, in the real workbench with the real conductor (issue #20's
 * "Done when"): a new, empty Melody file opened from the file tree shows an empty board; nodes from the palette (search
 * and Enter, and drags), moved and connected with the mouse, configured in the inspector; a run with its input form,
 * a breakpoint that holds a node, Step (into the sub-Melody), Continue; the sub-Melody's output pinned and a later run reusing it; saved,
 * changed, saved, the two versions compared on the board and the first restored. After each step the tab's text is
 * exactly the text the conductor's {@code MelodyDocument} makes of the step's edit, and after each run the result is
 * checked. Its screenshots (target/screenshots/board-path-*.png) are the mid-run, pinned-data and version-diff
 * pictures of ui/docs/harmony-board.md.
 */
@ExtendWith(ApplicationExtension.class)
class BoardUserPathUiTest {
    private static final String SUB = "{\"formatVersion\": 1, \"name\": \"sub\", \"nodes\": "
            + "[{\"id\": \"o\", \"type\": \"output\", \"value\": \"%s\"}]}\n";
    static { // Monocle's headless screen (1280 × 800 unless set before the platform starts): room for a 1560 × 940 window
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private TestWorkbench bench;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        bench = TestWorkbench.start(stage, "board-path");
        Files.writeString(bench.workspace.resolve("sub.melody.json"), SUB.formatted("first"));
        Files.writeString(bench.workspace.resolve("flow.melody.json"), ""); // what the explorer's New File makes
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    @Test
    void fromANewMelodyToARestoredVersion(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1560); // room for the board beside the explorer, the palette and the inspector
            stage.setHeight(940);
        });
        Path file = bench.workspace.resolve("flow.melody.json");
        MelodyTab tab = openFromTree(robot, "flow.melody.json");
        BoardViewModel vm = tab.board().viewModel();
        assertTrue(tab.boardShown(), "an empty Melody file opens on the board");
        assertTrue(vm.graphProperty().get().nodes().isEmpty());
        assertEquals("", tab.document().text(), "nothing is written before the first edit");

        // build: Input by search and Enter, then moved; Sub-Melody and Output dragged from the palette
        TestWorkbench.clickOn(robot, "#" + BoardPalette.SEARCH_ID).write("input");
        waitUntil("the search finds the input node", () -> tab.palette().list().getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        waitUntil("Enter adds it", () -> vm.graphProperty().get().node("input") != null);
        String before = added(MelodyTab.newMelody(file), vm, "input");
        expectText(tab, before, "the new Melody and the input node");
        robot.interact(tab.board()::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil("one undo takes the file back to empty, the board to no nodes",
                () -> tab.document().text().isEmpty() && vm.graphProperty().get().nodes().isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        expectText(tab, before, "redo");
        BoardGraph.BoardNode input = vm.graphProperty().get().node("input");
        robot.drag(center(tab, "input"), MouseButton.PRIMARY).dropTo(local(tab, 140, 100));
        waitUntil("the drag moves input", () -> vm.graphProperty().get().node("input").x() != input.x());
        BoardGraph.BoardNode moved = vm.graphProperty().get().node("input");
        expectText(tab, doc(before).moveNode("input", new MelodyDocument.Position(moved.x(), moved.y())).text(),
                "the move writes input's layout entry only");
        dragFromPalette(robot, tab, "Sub-Melody", local(tab, 330, 200));
        waitUntil("a drag adds the sub-Melody node", () -> vm.graphProperty().get().node("melody") != null);
        dragFromPalette(robot, tab, "Output", local(tab, 580, 80));
        waitUntil("and the output node", () -> vm.graphProperty().get().node("output") != null);
        String built = tab.document().text();
        assertEquals(List.of("input", "melody", "output"), doc(built).nodeIds());

        // connect by dragging from each output port onto the next node
        connect(robot, tab, "input", "melody");
        expectText(tab, doc(built).connect("input", "melody").text(), "one connection appended");
        String one = tab.document().text();
        connect(robot, tab, "melody", "output");
        expectText(tab, doc(one).connect("melody", "output").text(), "the second connection appended");

        // configure in the inspector: the sub-Melody's file, the output's template
        String connected = tab.document().text();
        setInInspector(robot, tab, "melody", "/path", "sub.melody.json");
        expectText(tab, doc(connected).setField("melody", "/path", TextNode.valueOf("sub.melody.json")).text(), "path set");
        String pathSet = tab.document().text();
        setInInspector(robot, tab, "output", "/value", "got ${melody.o}");
        expectText(tab, doc(pathSet).setField("output", "/value", TextNode.valueOf("got ${melody.o}")).text(), "value set");
        String configured = tab.document().text();

        // run with a breakpoint on the sub-Melody: it holds there, Step runs it and holds before output, Continue ends
        BoardRun run = tab.boardRun();
        select(robot, vm, "melody");
        robot.interact(() -> bench.workbench.window().run("board.toggleBreakpoint"));
        assertEquals(java.util.Set.of("melody"), vm.breakpoints());
        TestWorkbench.clickOn(robot, "#" + MelodyTab.RUN_ID);
        waitUntil("the input form asks for input", () -> robot.lookup("#" + RunInputsForm.ID + "-input").tryQuery().isPresent());
        TestWorkbench.clickOn(robot, "#" + RunInputsForm.ID + "-input").write("world");
        TestWorkbench.clickOn(robot, "#" + RunInputsForm.START_ID);
        waitFor(run, "the breakpoint holds melody after input succeeded", () -> vm.states().get("input") == NodeState.SUCCEEDED
                && vm.states().get("melody") == NodeState.PAUSED && run.held().containsKey("melody"));
        assertTrue(vm.states().get("output") != NodeState.SUCCEEDED, "nothing after it ran: " + vm.states());
        screenshots(robot, tab, vm, "run");
        TestWorkbench.clickOn(robot, "#" + RunPanel.STEP_ID);
        waitFor(run, "Step starts melody and holds before the sub-Melody's own node (a step into it)",
                () -> run.held().containsKey("melody/o") && !run.held().containsKey("melody"));
        assertTrue(vm.states().get("output") != NodeState.SUCCEEDED, "output waits for melody: " + vm.states());
        TestWorkbench.clickOn(robot, "#" + RunPanel.CONTINUE_ID);
        waitFor(run, "Continue ends the run with output's value", () -> !run.runningProperty().get()
                && run.results().containsKey("output"));
        assertTrue(run.statusProperty().get().startsWith("succeeded"), run.statusProperty().get());
        assertEquals("\"got first\"", run.results().get("output").preview());
        assertEquals(configured, tab.document().text(), "a run does not change the Melody");

        // pin the sub-Melody's output: a run after the sub-Melody changed still gets the pinned value
        select(robot, vm, "melody");
        robot.interact(() -> bench.workbench.window().run("board.toggleBreakpoint"));
        assertTrue(vm.breakpoints().isEmpty());
        TestWorkbench.clickOn(robot, "#" + RunPanel.PIN_ID);
        waitUntil("melody is pinned", () -> vm.overlays().pinned().contains("melody"));
        Files.writeString(bench.workspace.resolve("sub.melody.json"), SUB.formatted("second"));
        String firstRun = run.runId();
        TestWorkbench.clickOn(robot, "#" + MelodyTab.RUN_ID);
        waitUntil("the form keeps what was typed", () -> robot.lookup("#" + RunInputsForm.ID + "-input").tryQuery()
                .map(n -> ((TextField) n).getText().equals("world")).orElse(false));
        TestWorkbench.clickOn(robot, "#" + RunInputsForm.START_ID);
        waitFor(run, "the second run ends", () -> !firstRun.equals(run.runId()) && !run.runningProperty().get()
                && run.results().containsKey("output"));
        assertEquals("\"got first\"", run.results().get("output").preview(), "the pinned value, not the changed file's");
        assertTrue(run.log().stream().anyMatch(l -> l.startsWith("node.finished melody") && l.contains("reason pinned")),
                run.log().toString());
        assertEquals(configured, tab.document().text(), "pinning does not change the Melody");
        select(robot, vm, "melody");
        screenshots(robot, tab, vm, "pinned");

        // save (a version), change in the inspector, save again; compare the two versions, restore the first
        robot.interact(tab.board()::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil("Ctrl+S writes the Melody", () -> read(file).equals(configured));
        setInInspector(robot, tab, "output", "/title", "Greeting");
        String changed = doc(configured).setField("output", "/title", TextNode.valueOf("Greeting")).text();
        expectText(tab, changed, "title set");
        robot.interact(tab.board()::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil("the change is saved", () -> read(file).equals(changed));
        robot.interact(() -> bench.workbench.window().run("board.history"));
        HistoryPanel history = tab.history();
        waitUntil("each save is a version", () -> history.versions().size() == 3);
        assertEquals(List.of("opened", "saved", "saved"), history.versions().stream().map(MelodyHistory.Version::note).toList());
        robot.interact(() -> history.compare(2, 3));
        waitUntil("the diff lists the title and marks output", () -> history.diffLines().equals(
                List.of("~ node output: title: (none) → \"Greeting\""))
                && vm.overlays().diff().get("output") == BoardOverlays.DiffMark.CHANGED);
        screenshots(robot, tab, vm, "diff");
        robot.interact(() -> history.restore(2));
        waitUntil("version 2 is back in the tab", () -> tab.document().text().equals(configured));
        waitUntil("as a new version", () -> history.versions().size() == 4);
        assertEquals("restored from version 2", history.versions().get(3).note());
        assertEquals(changed, read(file), "nothing is written until saved");
        robot.interact(tab.board()::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil("the restored Melody is saved", () -> read(file).equals(configured));
        assertFalse(Files.exists(bench.workspace.resolve(".git")), "no repository is made in the workspace");
    }

    // --- steps --------------------------------------------------------------------------------------

    private MelodyTab openFromTree(FxRobot robot, String name) throws Exception {
        MelodyTab tab = OpenMelodyTab.fromTree(robot, bench, name);
        waitUntil("its board shows", () -> tab.getScene() != null && tab.board() != null && tab.boardShown());
        return tab;
    }

    private static void dragFromPalette(FxRobot robot, MelodyTab tab, String title, Point2D to) throws Exception {
        robot.interact(() -> tab.palette().searchField().setText(""));
        robot.drag(TestWorkbench.pointOn(robot.lookup("#" + BoardPalette.LIST_ID + " .list-cell").queryAll().stream()
                .filter(n -> ((ListCell<?>) n).getText() != null && ((ListCell<?>) n).getText().endsWith(title))
                .findFirst().orElseThrow(), javafx.geometry.Pos.CENTER, Point2D.ZERO), MouseButton.PRIMARY).dropTo(to);
    }

    private static void connect(FxRobot robot, MelodyTab tab, String from, String to) throws TimeoutException {
        BoardViewModel vm = tab.board().viewModel();
        BoardGraph.BoardNode a = vm.graphProperty().get().node(from);
        robot.drag(screen(tab, a.outX(), a.portY()), MouseButton.PRIMARY).dropTo(center(tab, to));
        waitUntil(from + " → " + to + " is connected", () -> vm.graphProperty().get().edges().stream()
                .anyMatch(e -> e.from().equals(from) && e.to().equals(to)));
    }

    private static void select(FxRobot robot, BoardViewModel vm, String id) {
        robot.interact(() -> {
            vm.selection().clear();
            vm.selection().add(id);
        });
    }

    /** Selects node {@code id}, types {@code value} into its inspector field {@code pointer} and presses Enter. */
    private static void setInInspector(FxRobot robot, MelodyTab tab, String id, String pointer, String value)
            throws Exception {
        select(robot, tab.board().viewModel(), id);
        waitUntil("the inspector shows " + id + "'s " + pointer, () -> tab.inspector().field(pointer).isPresent());
        TextField field = tab.inspector().field(pointer).get();
        robot.interact(() -> field.setText(""));
        TestWorkbench.clickOn(robot, field).write(value).type(KeyCode.ENTER);
    }

    private static void waitFor(BoardRun run, String what, java.util.function.Supplier<Boolean> condition) {
        try {
            waitUntil(what, 30, condition);
        } catch (TimeoutException e) {
            throw new AssertionError(run.statusProperty().get() + " " + run.log(), e);
        }
    }

    // --- text ---------------------------------------------------------------------------------------

    private static MelodyDocument doc(String text) throws Exception {
        return MelodyDocument.parse(text, null);
    }

    /** {@code before} with node {@code id} as the board added it (its JSON, at its place): the text the add must give. */
    private static String added(String before, BoardViewModel vm, String id) throws Exception {
        JsonNode node = null;
        for (JsonNode n : vm.document().tree().path("nodes")) {
            node = n.path("id").asText().equals(id) ? n : node;
        }
        BoardGraph.BoardNode placed = vm.graphProperty().get().node(id);
        return doc(before).addNode(node, new MelodyDocument.Position(placed.x(), placed.y())).text();
    }

    private static void expectText(MelodyTab tab, String expected, String what) throws TimeoutException {
        try {
            waitUntil(what, () -> tab.document().text().equals(expected));
        } catch (TimeoutException e) {
            assertEquals(expected, tab.document().text(), what);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    // --- where things are ---------------------------------------------------------------------------

    private static Point2D local(MelodyTab tab, double x, double y) {
        return tab.board().localToScreen(x, y);
    }

    private static Point2D screen(MelodyTab tab, double x, double y) {
        BoardViewModel vm = tab.board().viewModel();
        double s = vm.scaleProperty().get();
        return tab.board().localToScreen(vm.translateXProperty().get() + x * s, vm.translateYProperty().get() + y * s);
    }

    private static Point2D center(MelodyTab tab, String id) {
        BoardGraph.BoardNode n = tab.board().viewModel().graphProperty().get().node(id);
        return screen(tab, n.x() + BoardGraph.NODE_WIDTH / 2, n.y() + BoardGraph.NODE_HEIGHT / 2);
    }

    /**
     * The Melody tab (toolbar, board, the panel beside it, the run panel) light and dark, for ui/docs/harmony-board.md:
     * the palette hidden and the board at 100 % (the near level of detail: kinds, titles, states, values readable).
     */
    private void screenshots(FxRobot robot, MelodyTab tab, BoardViewModel vm, String name) {
        robot.interact(() -> {
            tab.palette().setVisible(false);
            tab.palette().setManaged(false);
        });
        robot.interact(() -> {
            java.util.Set<String> selected = java.util.Set.copyOf(vm.selection());
            vm.selection().clear(); // zoom to fit fits the selection, if any: the whole Melody here
            vm.zoomToFit(tab.board().getWidth(), tab.board().getHeight());
            vm.zoomAt(1 / vm.scaleProperty().get(), tab.board().getWidth() / 2, tab.board().getHeight() / 2);
            vm.selection().addAll(selected);
        });
        for (String theme : new String[] {"light", "dark"}) {
            robot.interact(() -> bench.workbench.window().themeProperty().set(theme));
            robot.interact(() -> BoardScreenshots.write(tab.snapshot(null, null), "board-path-" + name + "-" + theme + ".png"));
        }
        robot.interact(() -> {
            bench.workbench.window().themeProperty().set("light");
            tab.palette().setVisible(true);
            tab.palette().setManaged(true);
        });
    }
}
