package dev.symphony.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
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
 * Untitled buffers and Save As through the real dialogs: Ctrl+N opens "Untitled-1", Ctrl+S asks for a
 * path and the tab becomes that file; Ctrl+Shift+S writes elsewhere (asking before replacing a file)
 * and leaves the old file as it was; closing a dirty untitled tab asks, and a cancelled Save As keeps it.
 */
@ExtendWith(ApplicationExtension.class)
class SaveAsUiTest {
    private TestWorkbench bench;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "save-as");
        workbench = bench.workbench;
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    @Test
    void newFileIsUntitledUntilSaveGivesItAPath(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        TestWorkbench.waitUntil("an untitled tab", () -> workbench.tabsView().activeEditor() != null);
        OpenDocument doc = workbench.tabs().selectedProperty().get();
        assertTrue(doc.isUntitled());
        assertEquals("Untitled-1", workbench.tabsView().getSelectionModel().getSelectedItem().getText());
        robot.interact(() -> workbench.tabsView().activeEditor().view().controller().type("hello"));
        TestWorkbench.waitUntil("the tab is dirty", () -> "● Untitled-1".equals(tabText()));

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        DialogPane ask = awaitDialog(robot);
        TextField field = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        assertEquals(bench.workspace.resolve("Untitled-1.txt").toString(), field.getText());
        robot.interact(() -> field.setText("hello.md"));
        click(robot, ask, "OK");
        Path hello = bench.workspace.resolve("hello.md");
        TestWorkbench.waitUntil("the tab is the saved file", () -> "hello.md".equals(tabText()));
        assertEquals("hello", Files.readString(hello));
        assertFalse(doc.isUntitled());
        assertFalse(doc.dirtyProperty().get());
        assertEquals(hello, doc.path());

        Path other = Files.writeString(bench.workspace.resolve("other.md"), "old");
        robot.interact(() -> workbench.tabsView().activeEditor().view().controller().type(" world"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        DialogPane saveAs = awaitDialog(robot);
        TextField path = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        assertEquals(hello.toString(), path.getText());
        robot.interact(() -> path.setText(other.toString()));
        click(robot, saveAs, "OK");
        TestWorkbench.waitUntil("the replace question", () -> robot.lookup(".dialog-pane").tryQuery()
                .map(n -> ((DialogPane) n).getHeaderText().startsWith("Replace")).orElse(false));
        click(robot, robot.lookup(".dialog-pane").queryAs(DialogPane.class), "Replace");
        TestWorkbench.waitUntil("the tab is the other file", () -> "other.md".equals(tabText()));
        assertEquals("hello world", Files.readString(other));
        assertEquals("hello", Files.readString(hello), "Save As leaves the old file as it was");
        assertEquals(other, doc.path());
    }

    @Test
    void closingADirtyUntitledTabAsksAndACancelledSaveAsKeepsIt(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.window().run("workbench.action.files.newUntitledFile"));
        TestWorkbench.waitUntil("an untitled tab", () -> workbench.tabsView().activeEditor() != null);
        OpenDocument doc = workbench.tabs().selectedProperty().get();
        robot.interact(() -> workbench.tabsView().activeEditor().view().controller().type("draft"));
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        click(robot, awaitDialog(robot), "Save");
        TestWorkbench.waitUntil("Save As asks", () -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        click(robot, robot.lookup(".dialog-pane").queryAs(DialogPane.class), "Cancel");
        TestWorkbench.waitUntil("no dialog", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertTrue(workbench.tabs().documents().contains(doc), "the tab stays: nothing was saved");
        assertEquals("draft", doc.text());

        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        click(robot, awaitDialog(robot), "Don't Save");
        TestWorkbench.waitUntil("the tab closed", () -> !workbench.tabs().documents().contains(doc));
    }

    private String tabText() {
        return workbench.tabsView().getSelectionModel().getSelectedItem().getText();
    }

    private static DialogPane awaitDialog(FxRobot robot) throws TimeoutException {
        TestWorkbench.waitUntil("a dialog asks", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").query();
    }

    private static void click(FxRobot robot, DialogPane dialog, String label) throws Exception {
        TestWorkbench.clickOn(robot, (Node) dialog.getButtonTypes().stream().map(dialog::lookupButton)
                .filter(n -> label.equals(((Button) n).getText())).findFirst().orElseThrow(() -> new AssertionError(
                        "no " + label + " button in " + dialog.getButtonTypes())));
    }
}
