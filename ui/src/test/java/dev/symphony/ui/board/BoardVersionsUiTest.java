package dev.symphony.ui.board;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.files.FileTreeView;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Through the real board in the real workbench: pin a node's output (later runs reuse it, it shows on the node and
 * its connections carry the value), unpin, open a sub-Melody from its node, a sub-Melody cycle refused in the
 * inspector, save, change, save, diff the two versions on the board and restore the first as a new version.
 */
@ExtendWith(ApplicationExtension.class)
class BoardVersionsUiTest {
    private static final String MELODY = """
            {"formatVersion": 1, "name": "pins",
             "nodes": [
               {"id": "who", "type": "input", "schema": {"type": "string"}, "default": "world"},
               {"id": "sub", "type": "melody", "path": "sub.melody.json", "inputs": {}},
               {"id": "res", "type": "output", "value": "got ${sub.o}"}
             ],
             "connections": [{"from": "who", "to": "sub"}, {"from": "sub", "to": "res"}],
             "layout": {"who": {"x": 0, "y": 0}, "sub": {"x": 160, "y": 120}, "res": {"x": 320, "y": 240}}}
            """;
    private TestWorkbench bench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "board-versions");
        Files.writeString(bench.workspace.resolve("pins.melody.json"), MELODY);
        sub("first");
    }

    private void sub(String value) throws Exception {
        Files.writeString(bench.workspace.resolve("sub.melody.json"), "{\"formatVersion\": 1, \"name\": \"sub\", \"nodes\": "
                + "[{\"id\": \"o\", \"type\": \"output\", \"value\": \"" + value + "\"}]}\n");
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    private MelodyTab melodyTab() {
        var tab = bench.workbench.tabsView().getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof MelodyTab m ? m : null;
    }

    private MelodyTab open(FxRobot robot, String name) throws Exception {
        waitUntil(name + " shows in the tree", () -> robot.lookup("#" + FileTreeView.ID + " .tree-cell").queryAll().stream()
                .anyMatch(n -> name.equals(((TreeCell<?>) n).getText())));
        robot.interact(() -> bench.workbench.openFile(bench.workspace.resolve(name), d -> { }));
        waitUntil(name + " opens in a Melody tab", () -> melodyTab() != null && melodyTab().document().title().equals(name));
        MelodyTab tab = melodyTab();
        waitUntil("its board shows", () -> tab.getScene() != null && tab.boardShown()
                && robot.lookup("#" + MelodyTab.RUN_ID).tryQuery().isPresent());
        return tab;
    }

    private void runAndWait(FxRobot robot, MelodyTab tab, String expected) throws Exception {
        BoardRun run = tab.boardRun();
        fire(tab, "#" + MelodyTab.RUN_ID);
        waitUntil("the input form", () -> tab.lookup("#" + RunInputsForm.START_ID) != null);
        fire(tab, "#" + RunInputsForm.START_ID);
        try {
            waitUntil("the run ends with res = " + expected, 30, () -> !run.runningProperty().get()
                    && run.results().containsKey("res") && run.results().get("res").preview().equals("\"" + expected + "\""));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(run.statusProperty().get() + " " + run.log(), e);
        }
    }

    /** Presses the button {@code id} of this tab (its own lookup: another tab's parts are not in the way). */
    private static void fire(MelodyTab tab, String id) throws Exception {
        var done = new java.util.concurrent.CompletableFuture<Void>();
        javafx.application.Platform.runLater(() -> {
            ((javafx.scene.control.ButtonBase) tab.lookup(id)).fire();
            done.complete(null);
        });
        done.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static void showPalette(MelodyTab tab, boolean shown) {
        tab.palette().setVisible(shown);
        tab.palette().setManaged(shown);
    }

    @Test
    void pinDataSubMelodiesAndVersionsOnTheBoard(FxRobot robot) throws Exception {
        MelodyTab tab = open(robot, "pins.melody.json");
        BoardViewModel vm = tab.board().viewModel();
        BoardRun run = tab.boardRun();
        runAndWait(robot, tab, "got first");
        assertEquals("{\"o\":\"first\"}", vm.overlays().values().get("sub"), "the value sub passed on is drawn on its connection");
        robot.interact(() -> {
            vm.selection().clear();
            vm.selection().add("sub");
        });
        fire(tab, "#" + RunPanel.PIN_ID);
        waitUntil("sub is pinned", () -> vm.overlays().pinned().contains("sub"));
        assertTrue(run.statusProperty().get().startsWith("Pinned sub"), run.statusProperty().get());
        assertEquals(MELODY, tab.document().text(), "pinning does not change the Melody's text");

        sub("second");
        runAndWait(robot, tab, "got first");
        assertTrue(run.log().stream().anyMatch(l -> l.startsWith("node.finished sub") && l.contains("reason pinned")), run.log().toString());
        robot.interact(() -> {
            showPalette(tab, false); // room for the board in the test's small window
            vm.selection().clear();
        });
        robot.interact(() -> {
            vm.zoomToFit(tab.board().getWidth(), tab.board().getHeight());
            TestWorkbench.screenshot(tab.getScene(), "board-pinned-light.png");
        });
        robot.interact(() -> showPalette(tab, true));
        robot.interact(() -> vm.selection().add("sub"));
        fire(tab, "#" + RunPanel.PIN_ID);
        waitUntil("Unpin", () -> !vm.overlays().pinned().contains("sub"));
        runAndWait(robot, tab, "got second");

        robot.interact(() -> vm.selection().add("res"));
        robot.interact(() -> bench.workbench.window().run("board.openSubMelody"));
        assertTrue(vm.messageProperty().get().startsWith("Select one sub-Melody node"), vm.messageProperty().get());
        robot.interact(() -> vm.selection().remove("res"));
        robot.interact(() -> bench.workbench.window().run("board.openSubMelody"));
        waitUntil("the sub-Melody opens in its own tab", () -> melodyTab() != null
                && melodyTab().document().title().equals("sub.melody.json"));
        MelodyTab board = open(robot, "pins.melody.json");
        waitUntil("the inspector shows sub's path", () -> board.inspector().field("/path").isPresent());
        TextField path = board.inspector().field("/path").get();
        robot.interact(() -> {
            path.setText("pins.melody.json");
            path.fireEvent(new javafx.event.ActionEvent()); // Enter
        });
        waitUntil("a sub-Melody cycle is refused with the reason", () -> board.inspector().error().getText().contains("sub-Melody cycle"));
        assertEquals(MELODY, board.document().text(), "the node keeps its path");

        // versions: opened (v1), a move saved (v2), diff, restore v1 as v3
        robot.interact(() -> board.board().fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                "", "", KeyCode.RIGHT, false, false, false, false)));
        waitUntil("the arrow moves sub", () -> !board.document().text().equals(MELODY));
        waitUntil("the inspector shows sub's title", () -> board.inspector().field("/title").isPresent());
        TextField title = board.inspector().field("/title").get();
        robot.interact(() -> {
            title.setText("Sub-Melody");
            title.fireEvent(new javafx.event.ActionEvent());
        });
        waitUntil("the title is set", () -> board.document().text().contains("\"title\": \"Sub-Melody\""));
        robot.interact(() -> bench.workbench.window().run("workbench.action.files.save"));
        waitUntil("saved", () -> !board.document().dirtyProperty().get());
        String moved = Files.readString(bench.workspace.resolve("pins.melody.json"));
        robot.interact(() -> bench.workbench.window().run("board.history"));
        HistoryPanel history = board.history();
        waitUntil("the save is a version", () -> history.versions().size() == 2);
        assertEquals(List.of("opened", "saved"), history.versions().stream().map(MelodyHistory.Version::note).toList());
        robot.interact(() -> history.compare(1, 2));
        waitUntil("the diff lists the move and the title and marks the node", () -> history.diffLines().equals(List.of(
                "~ node sub: title: (none) → \"Sub-Melody\"", "↔ node sub moved"))
                && vm.overlays().diff().get("sub") == BoardOverlays.DiffMark.CHANGED);
        robot.interact(() -> {
            showPalette(board, false);
            vm.selection().clear();
            vm.messageProperty().set("");
        });
        robot.interact(() -> {
            vm.zoomToFit(board.board().getWidth(), board.board().getHeight());
            TestWorkbench.screenshot(board.getScene(), "board-diff-light.png");
        });
        robot.interact(() -> bench.workbench.window().themeProperty().set("dark"));
        robot.interact(() -> TestWorkbench.screenshot(board.getScene(), "board-diff-dark.png"));
        robot.interact(() -> {
            bench.workbench.window().themeProperty().set("light");
            showPalette(board, true);
        });

        robot.interact(() -> history.restore(1));
        waitUntil("the first version is back in the tab", () -> board.document().text().equals(MELODY));
        waitUntil("as a new version", () -> history.versions().size() == 3);
        assertEquals("restored from version 1", history.versions().get(2).note());
        assertEquals(moved, Files.readString(bench.workspace.resolve("pins.melody.json")), "nothing is written until saved");
        assertTrue(board.document().dirtyProperty().get());
        assertTrue(Files.list(bench.paths().data("melody-history")).findAny().isPresent(), "the history is in Symphony's data folder");
        assertTrue(!Files.exists(bench.workspace.resolve(".git")), "no repository is made in the workspace");
    }
}
