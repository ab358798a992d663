package dev.symphony.ui.board;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.melody.MelodyDocument;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A Melody file in the real workbench: opened from the file tree onto the board, edited there (the text changes only
 * where the edit is, through the conductor's MelodyDocument), undone and redone through the tab's one history, shown
 * as JSON and back, saved with Ctrl+S; nodes added from the palette and configured in the inspector (each one undo
 * step, a value that breaks the Melody refused with the reason); a malformed file shown as JSON with its file, line
 * and column, nothing of it lost; the board's commands in the command palette.
 */
@ExtendWith(ApplicationExtension.class)
class MelodyTabUiTest {
    private TestWorkbench bench;
    private String original;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "melody-tab");
        Files.writeString(bench.workspace.resolve("hello.melody.json"), """
                {"formatVersion": 1, "name": "hello",
                 "nodes": [
                   {"id": "who", "type": "input", "schema": {"type": "string"}, "default": "world"},
                   {"id": "greeting", "type": "output", "value": "hello ${who}"},
                   {"id": "heard", "type": "melody", "path": "sub.melody.json", "awaits": {"choice": "wait", "event": "never/comes"}},
                   {"id": "later", "type": "melody", "path": "sub.melody.json", "awaits": {"choice": "wait", "afterMs": 600000}}
                 ],
                 "connections": [{"from": "who", "to": "greeting"}, {"from": "who", "to": "heard"}, {"from": "who", "to": "later"}]}
                """);
        Files.writeString(bench.workspace.resolve("sub.melody.json"),
                "{\"formatVersion\": 1, \"name\": \"sub\", \"nodes\": [{\"id\": \"o\", \"type\": \"output\", \"value\": \"x\"}]}\n");
        Files.writeString(bench.workspace.resolve("review.melody.json"), """
                {"formatVersion": 1, "name": "review",
                 "nodes": [
                   {"id": "topic", "type": "input", "schema": {"type": "string", "minLength": 3}},
                   {"id": "count", "type": "input", "schema": {"type": "integer", "minimum": 1}, "default": 2},
                   {"id": "check", "type": "approval", "prompt": "Publish ${topic}?"},
                   {"id": "draft", "type": "output", "value": "${topic} x ${count}"},
                   {"id": "post", "type": "output", "value": "posted ${topic}, approved ${check.approved}"}
                 ],
                 "connections": [{"from": "topic", "to": "check"}, {"from": "topic", "to": "draft"},
                   {"from": "count", "to": "draft"}, {"from": "check", "to": "post"}]}
                """);
        original = Files.readString(BoardModelTest.EXAMPLES.resolve("fan-out.melody.json"));
        Files.writeString(bench.workspace.resolve("fan-out.melody.json"), original);
        Files.writeString(bench.workspace.resolve("broken.melody.json"),
                "{\n  \"formatVersion\": 1, \"name\": \"broken\",\n  \"nodes\": [{\"id\": \"a\" \"type\": \"input\"}]\n}\n");
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    private MelodyTab openFromTree(FxRobot robot, String name) throws Exception {
        return OpenMelodyTab.fromTree(robot, bench, name);
    }

    private String tabTitle() {
        return bench.workbench.tabsView().getSelectionModel().getSelectedItem().getText();
    }

    @Test
    void editsOnTheBoardChangeOnlyTheirPartUndoThroughTheTabAndSave(FxRobot robot) throws Exception {
        MelodyTab tab = openFromTree(robot, "fan-out.melody.json");
        assertTrue(tab.boardShown(), "a Melody opens on the board");
        assertNull(bench.workbench.tabsView().activeEditor(), "editor commands leave the board alone");
        BoardViewModel vm = tab.board().viewModel();
        assertEquals(9, vm.graphProperty().get().nodes().size());
        OpenDocument doc = tab.document();

        BoardGraph.BoardNode upper = vm.graphProperty().get().node("upper");
        robot.interact(() -> vm.selection().add("upper"));
        robot.interact(tab.board()::requestFocus);
        robot.type(KeyCode.RIGHT);
        String expected = MelodyDocument.parse(original, null)
                .moveNode("upper", new MelodyDocument.Position(upper.x() + BoardViewModel.GRID, upper.y())).text();
        try {
            waitUntil("the move is in the tab's text", () -> doc.text().equals(expected));
        } finally {
            assertEquals(expected, doc.text(), "focus " + tab.getScene().getFocusOwner());
        }
        waitUntil("the tab is dirty", () -> tabTitle().equals("● fan-out.melody.json"));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil("Ctrl+Z on the board undoes the tab's text to the bytes opened", () -> doc.text().equals(original));
        waitUntil("and the tab is clean again", () -> tabTitle().equals("fan-out.melody.json"));
        assertEquals(upper.x(), vm.graphProperty().get().node("upper").x(), "the board follows the undo");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("redo moves it again", () -> doc.text().equals(expected));

        TestWorkbench.clickOn(robot, "#" + MelodyTab.TOGGLE_JSON_ID);
        waitUntil("the JSON shows", () -> !tab.boardShown() && bench.workbench.tabsView().activeEditor() != null);
        assertEquals(expected, bench.workbench.tabsView().activeEditor().view().buffer().text().toString(),
                "the JSON view is the same document");
        robot.interact(() -> doc.buffer().edit(ChangeSet.of(TextEdit.insert(original.indexOf("\"Fan-out") + 1, "My ")),
                EditKind.TYPING));
        TestWorkbench.clickOn(robot, "#" + MelodyTab.TOGGLE_BOARD_ID);
        waitUntil("the board shows the text's edit", () -> tab.boardShown()
                && vm.document().tree().path("name").asText().equals("My Fan-out / fan-in"));

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        Path file = bench.workspace.resolve("fan-out.melody.json");
        String saved = expected.replace("\"Fan-out", "\"My Fan-out");
        waitUntil("Ctrl+S on the board saves", () -> {
            try {
                return Files.readString(file).equals(saved);
            } catch (java.io.IOException e) {
                return false;
            }
        });
        waitUntil("and the dirty marker goes", () -> tabTitle().equals("fan-out.melody.json"));

        assertTrue(bench.workbench.services().commands().find("board.toggleJson").isPresent());
        assertTrue(bench.workbench.services().commands().find("board.autoLayout").isPresent());
        robot.interact(() -> bench.workbench.window().run("board.toggleJson"));
        assertFalse(tab.boardShown(), "Board: Toggle Board / JSON from the command palette");
        robot.interact(() -> bench.workbench.window().run("board.selectAll"));
        assertEquals(1, vm.selection().size(), "board commands act only while the board shows");
        robot.interact(() -> bench.workbench.window().run("board.toggleJson"));
        robot.interact(() -> bench.workbench.window().run("board.selectAll"));
        assertEquals(9, vm.selection().size(), "Board: Select All Nodes");
    }

    @Test
    void paletteAddsNodesAndTheInspectorConfiguresThem(FxRobot robot) throws Exception {
        MelodyTab tab = openFromTree(robot, "fan-out.melody.json");
        BoardViewModel vm = tab.board().viewModel();
        OpenDocument doc = tab.document();
        TestWorkbench.clickOn(robot, "#" + BoardPalette.SEARCH_ID).write("approval");
        waitUntil("the search finds the approval node", () -> tab.palette().list().getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        waitUntil("Enter adds it", () -> vm.graphProperty().get().node("approval") != null);
        assertEquals(java.util.Set.of("approval"), vm.selection(), "the new node is selected");
        JsonNodeCheck.assertNode(doc.text(), "approval", "prompt", "Continue?");
        assertTrue(MelodyDocument.parse(doc.text(), null).layout().containsKey("approval"), "placed in the layout");
        assertTrue(doc.text().startsWith(original.substring(0, original.indexOf("\n  ],"))),
                "everything before the new node is as it was");

        waitUntil("the inspector shows the node", () -> tab.inspector().field("/prompt").isPresent());
        TextField prompt = tab.inspector().field("/prompt").get();
        TestWorkbench.doubleClickOn(robot, prompt).interact(() -> prompt.setText("Ship it?"));
        TestWorkbench.clickOn(robot, prompt).type(KeyCode.ENTER);
        waitUntil("the prompt is set", () -> vm.document().tree().path("nodes").get(9).path("prompt").asText().equals("Ship it?"));

        TextField again = tab.inspector().field("/prompt").get();
        robot.interact(() -> again.setText(""));
        TestWorkbench.clickOn(robot, again).type(KeyCode.ENTER);
        waitUntil("an empty prompt is refused with the reason", () -> tab.inspector().error().getText().contains("prompt"));
        assertEquals("Ship it?", vm.document().tree().path("nodes").get(9).path("prompt").asText(), "the node keeps its value");

        robot.interact(tab.board()::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil("one undo takes the prompt back, not the node", () -> vm.graphProperty().get().node("approval") != null
                && vm.document().tree().path("nodes").get(9).path("prompt").asText().equals("Continue?"));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil("the next undo removes the node", () -> doc.text().equals(original));

        robot.interact(() -> tab.palette().searchField().setText(""));
        robot.drag(TestWorkbench.pointOn(robot.lookup("#" + BoardPalette.LIST_ID + " .list-cell").queryAll().stream()
                        .filter(n -> ((javafx.scene.control.ListCell<?>) n).getText() != null
                                && ((javafx.scene.control.ListCell<?>) n).getText().endsWith("Output")).findFirst().orElseThrow(),
                javafx.geometry.Pos.CENTER, javafx.geometry.Point2D.ZERO), javafx.scene.input.MouseButton.PRIMARY)
                .dropTo(TestWorkbench.pointOn(tab.board(), javafx.geometry.Pos.CENTER, javafx.geometry.Point2D.ZERO));
        waitUntil("a drag from the palette adds an output node", () -> vm.graphProperty().get().node("output") != null);
    }

    @Test
    void aMalformedMelodyShowsWhereAndKeepsItsText(FxRobot robot) throws Exception {
        Path file = bench.workspace.resolve("broken.melody.json");
        String text = Files.readString(file);
        MelodyTab tab = openFromTree(robot, "broken.melody.json");
        assertFalse(tab.boardShown(), "a Melody that does not parse opens as JSON");
        Label error = robot.lookup("#" + MelodyTab.ERROR_ID).queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains(file.toAbsolutePath().normalize() + ":3:"), error.getText());
        assertEquals(text, tab.document().text(), "nothing of the text is lost or changed");
        TestWorkbench.clickOn(robot, "#" + MelodyTab.TOGGLE_BOARD_ID);
        assertFalse(tab.boardShown(), "the board is refused while the text is not a Melody");

        robot.interact(() -> tab.document().buffer().edit(ChangeSet.of(TextEdit.insert(text.indexOf(" \"type\""), ",")),
                EditKind.TYPING));
        waitUntil("the fix clears the problem", () -> !error.isVisible());
        TestWorkbench.clickOn(robot, "#" + MelodyTab.TOGGLE_BOARD_ID);
        waitUntil("and the board shows", () -> tab.boardShown() && tab.board().viewModel().graphProperty().get().node("a") != null);

        TestWorkbench.clickOn(robot, "#" + MelodyTab.TOGGLE_JSON_ID);
        String fixed = tab.document().text();
        robot.interact(() -> tab.document().buffer().edit(ChangeSet.of(TextEdit.insert(fixed.length() - 2, "]")),
                EditKind.TYPING));
        waitUntil("breaking it again shows the problem", () -> error.isVisible() && error.getText().contains(":4:"));
        assertEquals(fixed.substring(0, fixed.length() - 2) + "]" + fixed.substring(fixed.length() - 2), tab.document().text());
        assertNotNull(tab.board().viewModel().graphProperty().get().node("a"), "the board keeps the last Melody it could read");
    }

    @Test
    void runsOnTheBoardWithLiveNodeStatesALogAndStop(FxRobot robot) throws Exception {
        MelodyTab tab = openFromTree(robot, "hello.melody.json");
        BoardViewModel vm = tab.board().viewModel();
        TestWorkbench.clickOn(robot, "#" + MelodyTab.RUN_ID);
        waitUntil("the input form asks for who, starting at its default", () -> robot.lookup("#" + RunInputsForm.ID + "-who")
                .tryQuery().map(n -> ((TextField) n).getText().equals("world")).orElse(false));
        TestWorkbench.clickOn(robot, "#" + RunInputsForm.START_ID);
        try {
            waitUntil("the run colours its nodes from the conductor's events", 30,
                    () -> vm.states().get("greeting") == BoardViewModel.NodeState.SUCCEEDED
                            && vm.states().get("who") == BoardViewModel.NodeState.SUCCEEDED);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(tab.boardRun().statusProperty().get() + " " + tab.boardRun().log() + " " + vm.states(), e);
        }
        assertTrue(tab.boardRun().runningProperty().get(), "the deferred choice keeps the run going");
        assertTrue(tab.boardRun().log().stream().anyMatch(l -> l.startsWith("node.finished greeting")), tab.boardRun().log().toString());
        robot.interact(() -> {
            vm.zoomToFit(tab.board().getWidth(), tab.board().getHeight());
            vm.selection().add("greeting");
            TestWorkbench.screenshot(tab.getScene(), "melody-tab-run-light.png");
            bench.workbench.window().themeProperty().set("dark");
        });
        robot.interact(() -> TestWorkbench.screenshot(tab.getScene(), "melody-tab-run-dark.png"));
        robot.interact(() -> bench.workbench.window().themeProperty().set("light"));
        TestWorkbench.clickOn(robot, "#" + MelodyTab.STOP_ID);
        waitUntil("Stop ends the run", 30, () -> !tab.boardRun().runningProperty().get());
        assertEquals("stopped", tab.boardRun().statusProperty().get(), tab.boardRun().log().toString());
        assertTrue(Files.isDirectory(bench.paths().data("runs")), "the run is journaled under Symphony's data folder");

        String text = tab.document().text();
        robot.interact(() -> tab.document().buffer().edit(ChangeSet.of(TextEdit.insert(text.indexOf("\"world\""), "1, \"x\": ")),
                EditKind.TYPING));
        TestWorkbench.clickOn(robot, "#" + MelodyTab.TOGGLE_BOARD_ID);
        robot.interact(() -> bench.workbench.window().run("board.run"));
        waitUntil("an invalid Melody is not run, and the reason shows", () -> tab.boardRun().statusProperty().get().startsWith("Not run: "));
    }

    @Test
    void inputsApprovalsARunFromANodeAndABreakpointOnTheBoard(FxRobot robot) throws Exception {
        MelodyTab tab = openFromTree(robot, "review.melody.json");
        BoardViewModel vm = tab.board().viewModel();
        BoardRun run = tab.boardRun();
        TestWorkbench.clickOn(robot, "#" + MelodyTab.RUN_ID);
        waitUntil("a Melody with inputs asks for them", () -> robot.lookup("#" + RunInputsForm.ID).tryQuery().isPresent());
        assertTrue(run.log().isEmpty(), "nothing runs before the inputs are given");
        Label topicError = robot.lookup("#" + RunInputsForm.ID + "-topic-error").queryAs(Label.class);
        assertTrue(topicError.getText().contains("input 'topic' does not match its schema"), topicError.getText());
        assertTrue(robot.lookup("#" + RunInputsForm.START_ID).queryButton().isDisabled(), "an invalid form does not run");
        TestWorkbench.clickOn(robot, "#" + RunInputsForm.ID + "-topic").write("news");
        robot.interact(() -> robot.lookup("#" + RunInputsForm.ID + "-count").queryAs(TextField.class).setText("x"));
        Label countError = robot.lookup("#" + RunInputsForm.ID + "-count-error").queryAs(Label.class);
        assertEquals("input 'count' must be a whole number, not 'x'", countError.getText());
        robot.interact(() -> robot.lookup("#" + RunInputsForm.ID + "-count").queryAs(TextField.class).setText("3"));
        assertEquals("", topicError.getText() + countError.getText());
        TestWorkbench.clickOn(robot, "#" + RunInputsForm.START_ID);

        waitUntil("the approval waits on the board while the rest of the run goes on", 30,
                () -> vm.states().get("check") == BoardViewModel.NodeState.APPROVAL
                        && vm.states().get("draft") == BoardViewModel.NodeState.SUCCEEDED
                        && robot.lookup("#board-approve-check").tryQuery().isPresent());
        waitUntil("the run pauses for the answer", 30, () -> !run.runningProperty().get());
        assertTrue(run.statusProperty().get().startsWith("waiting for approval: check"), run.statusProperty().get());
        robot.interact(() -> {
            vm.zoomToFit(tab.board().getWidth(), tab.board().getHeight());
            vm.selection().add("check");
            TestWorkbench.screenshot(tab.getScene(), "melody-tab-approval-light.png");
        });
        TestWorkbench.clickOn(robot, "#board-approve-check");
        waitUntil("the answer resumes the run through the conductor's approvals", 30,
                () -> vm.states().get("post") == BoardViewModel.NodeState.SUCCEEDED && !run.runningProperty().get());
        assertTrue(run.statusProperty().get().startsWith("succeeded"), run.statusProperty().get() + run.log());
        assertTrue(Files.exists(bench.paths().data("runs").resolve(run.runId()).resolve("approvals/check.json")),
                "the answer is filed as symphony approve files it");
        robot.interact(() -> {
            vm.selection().clear();
            vm.selection().add("post");
        });
        Label value = robot.lookup("#" + RunPanel.VALUE_ID).queryAs(Label.class);
        waitUntil("the selected node's value after the run", () -> value.getText().contains("\"posted news, approved true\""));

        String first = run.runId();
        TestWorkbench.clickOn(robot, "#" + MelodyTab.RUN_FROM_ID);
        waitUntil("a run from post reuses the answer and the inputs", 30,
                () -> !first.equals(run.runId()) && !run.runningProperty().get() && run.statusProperty().get().startsWith("succeeded"));
        assertTrue(run.log().stream().anyMatch(l -> l.startsWith("node.finished check") && l.contains("reused from run " + first)),
                run.log().toString());
        assertTrue(run.log().stream().noneMatch(l -> l.startsWith("approval.waiting")), "nothing asks again");

        robot.interact(() -> {
            vm.selection().clear();
            vm.selection().add("draft");
            bench.workbench.window().run("board.toggleBreakpoint");
        });
        assertEquals(java.util.Set.of("draft"), vm.breakpoints());
        TestWorkbench.clickOn(robot, "#" + MelodyTab.RUN_ID);
        waitUntil("the form keeps what was typed", () -> robot.lookup("#" + RunInputsForm.ID + "-topic").tryQuery()
                .map(n -> ((TextField) n).getText().equals("news")).orElse(false));
        TestWorkbench.clickOn(robot, "#" + RunInputsForm.START_ID);
        waitUntil("the breakpoint holds draft with its input", 30,
                () -> vm.states().get("draft") == BoardViewModel.NodeState.PAUSED
                        && robot.lookup("#" + RunPanel.HELD_INPUT_ID).queryAs(TextField.class).getText().contains("news x 3"));
        waitUntil("the unrelated branch is not paused: its approval asks", 30, () -> robot.lookup("#board-approve-check").tryQuery().isPresent());
        TestWorkbench.clickOn(robot, "#board-approve-check");
        waitUntil("post finishes while draft is held", 30, () -> vm.states().get("post") == BoardViewModel.NodeState.SUCCEEDED);
        assertEquals(BoardViewModel.NodeState.PAUSED, vm.states().get("draft"));
        TestWorkbench.clickOn(robot, "#" + RunPanel.STEP_ID);
        waitUntil("a step lets draft run and the run ends", 30, () -> vm.states().get("draft") == BoardViewModel.NodeState.SUCCEEDED
                && !run.runningProperty().get());
        assertTrue(run.statusProperty().get().startsWith("succeeded"), run.statusProperty().get());
    }

    /** Reads a node's field from a Melody text. */
    private static final class JsonNodeCheck {
        static void assertNode(String text, String id, String field, String value) throws Exception {
            for (var n : new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).path("nodes")) {
                if (n.path("id").asText().equals(id)) {
                    assertEquals(value, n.path(field).asText());
                    return;
                }
            }
            throw new AssertionError("no node " + id + " in " + text);
        }
    }
}
