package dev.symphony.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.palette.CommandPaletteView;
import dev.symphony.ui.tabs.EditorTabsView;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every way of closing a tab with unsaved edits asks Save (the default) / Don't Save / Cancel, through
 * the real dialogs of the real workbench (headless Monocle); the hot-exit journal goes only after Don't
 * Save or a successful save.
 */
@ExtendWith(ApplicationExtension.class)
class ClosePromptsUiTest {
    private TestWorkbench bench;
    private Path a;
    private Path b;
    private Stage stage;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        bench = TestWorkbench.start(stage, "close");
        workbench = bench.workbench;
        a = Files.writeString(bench.workspace.resolve("a.txt"), "alpha\n");
        b = Files.writeString(bench.workspace.resolve("b.txt"), "beta\n");
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    @Test
    void ctrlWAsksAndCancelKeepsTheTabItsEditsAndItsJournal(FxRobot robot) throws Exception {
        OpenDocument doc = openDirty(robot, a, "X");
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        DialogPane dialog = awaitDialog(robot);
        assertEquals("Save", defaultButton(dialog), "Save is the default answer");
        click(robot, dialog, "Cancel");
        waitUntil("the dialog is gone", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertTrue(workbench.tabs().documents().contains(doc), "the tab stays open");
        assertEquals("Xalpha\n", doc.text());
        assertTrue(doc.dirtyProperty().get());
        assertEquals(1, journals().size(), "the journal of the unsaved edits is kept");
        assertEquals("alpha\n", Files.readString(a));
    }

    @Test
    void ctrlWDontSaveClosesAndOnlyThenDropsTheJournal(FxRobot robot) throws Exception {
        OpenDocument doc = openDirty(robot, a, "X");
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        click(robot, awaitDialog(robot), "Don't Save");
        waitUntil("the tab closes", () -> !workbench.tabs().documents().contains(doc));
        waitUntil("the journal goes", () -> journals().isEmpty());
        assertEquals("alpha\n", Files.readString(a), "the file is unchanged");
    }

    @Test
    void paletteCloseEditorAsksAndEnterSaves(FxRobot robot) throws Exception {
        OpenDocument doc = openDirty(robot, a, "X");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("the palette shows", () -> robot.lookup("#" + CommandPaletteView.ID).query().isVisible());
        robot.write("View: Close Editor");
        waitUntil("the command is listed first", () -> robot.lookup(".list-cell").queryAll().stream().findFirst()
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getItem())
                .filter(m -> m instanceof dev.symphony.kernel.commands.FuzzyMatch<?> f
                        && f.item() instanceof dev.symphony.kernel.commands.Command c
                        && c.id().equals("workbench.action.closeActiveEditor")).isPresent());
        // the palette names keys as the platform does, not JavaFX's internal "Shortcut" (defect 3)
        String keys = ((javafx.scene.control.Label) robot.lookup(".list-cell").lookup("." + dev.symphony.ui.shell.Styles.PALETTE_KEYS)
                .queryAll().iterator().next()).getText();
        assertEquals("Ctrl+W", keys);
        robot.type(KeyCode.ENTER);
        awaitDialog(robot);
        robot.type(KeyCode.ENTER); // the default button: Save
        waitUntil("the tab closes", () -> !workbench.tabs().documents().contains(doc));
        assertEquals("Xalpha\n", Files.readString(a), "saved before closing");
        waitUntil("the journal goes", () -> journals().isEmpty());
    }

    @Test
    void theTabsCloseButtonAsksTheSameQuestion(FxRobot robot) throws Exception {
        OpenDocument doc = openDirty(robot, a, "X");
        // the editor's tab's close button, not the window's first (a panel's tab has one too); the tab's header, and the
        // button on it, is made at the next layout after the tab opens: it is looked for until it is there
        Supplier<java.util.Optional<Node>> closeButton = () -> TestWorkbench.onFx(() -> robot.from(
                robot.lookup("#" + EditorTabsView.ID).queryAs(Node.class)).lookup(".tab-close-button").match(Node::isVisible).tryQuery());
        try {
            waitUntil("the editor tab's close button shows", () -> closeButton.get().isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError(e.getMessage() + "; " + TestWorkbench.onFx(this::describeEditorTabs), e);
        }
        TestWorkbench.clickOn(robot, closeButton.get().orElseThrow());
        click(robot, awaitDialog(robot), "Save");
        waitUntil("the tab closes", () -> !workbench.tabs().documents().contains(doc));
        assertEquals("Xalpha\n", Files.readString(a));
    }

    @Test
    void aFailedSaveKeepsTheTabAndItsJournal(FxRobot robot) throws Exception {
        OpenDocument doc = openDirty(robot, a, "X");
        Files.writeString(a, "changed by another program\n"); // the save refuses to overwrite it
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        click(robot, awaitDialog(robot), "Save");
        waitUntil("the save is refused and reported", () -> workbench.window().statusMessageProperty().get() != null
                && workbench.window().statusMessageProperty().get().contains("a.txt"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(workbench.tabs().documents().contains(doc), "the tab stays open");
        assertTrue(doc.dirtyProperty().get());
        assertEquals(1, journals().size(), "the journal stays");
        assertEquals("changed by another program\n", Files.readString(a));
    }

    @Test
    void closeOthersAndCloseAllAskOnceForAllDirtyTabs(FxRobot robot) throws Exception {
        OpenDocument first = openDirty(robot, a, "X");
        OpenDocument second = openDirty(robot, b, "Y");
        Path c = Files.writeString(bench.workspace.resolve("c.txt"), "gamma\n");
        open(robot, c);
        robot.interact(() -> workbench.tabs().selectedProperty().set(workbench.tabs().find(c).orElseThrow()));
        later(() -> workbench.services().commands().execute("workbench.action.closeOtherEditors"));
        DialogPane dialog = awaitDialog(robot);
        assertEquals("Save All", defaultButton(dialog));
        assertTrue(dialog.getContentText().contains("a.txt") && dialog.getContentText().contains("b.txt"));
        click(robot, dialog, "Cancel");
        waitUntil("the dialog is gone", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertEquals(3, workbench.tabs().documents().size(), "Cancel closes none");

        later(() -> workbench.services().commands().execute("workbench.action.closeAllEditors"));
        click(robot, awaitDialog(robot), "Save All");
        waitUntil("all tabs close", () -> workbench.tabs().documents().isEmpty());
        assertEquals("Xalpha\n", Files.readString(a));
        assertEquals("Ybeta\n", Files.readString(b));
        assertFalse(first.dirtyProperty().get() || second.dirtyProperty().get());
    }

    @Test
    void closingTheWindowAsksAboutUnsavedTabs(FxRobot robot) throws Exception {
        OpenDocument doc = openDirty(robot, a, "X");
        later(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        click(robot, awaitDialog(robot), "Cancel");
        waitUntil("the dialog is gone", () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertTrue(stage.isShowing(), "Cancel keeps the window open");
        assertEquals(1, journals().size());

        later(() -> workbench.services().commands().execute("workbench.action.quit"));
        click(robot, awaitDialog(robot), "Don't Save");
        waitUntil("the window closes", () -> !stage.isShowing());
        assertFalse(workbench.tabs().documents().contains(doc));
        waitUntil("the journal goes", () -> journals().isEmpty());
        assertEquals("alpha\n", Files.readString(a));
    }

    @Test
    void reopenClosedEditorBringsBackTheLastClosedTabs(FxRobot robot) throws Exception {
        open(robot, a);
        open(robot, b);
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL); // b is clean: no question
        waitUntil("b closes", () -> workbench.tabs().find(b).isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        waitUntil("a closes", () -> workbench.tabs().documents().isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("a reopens first (closed last)", () -> workbench.tabs().find(a).isPresent());
        assertTrue(workbench.tabs().find(b).isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("then b", () -> workbench.tabs().find(b).isPresent());
    }

    @Test
    void saveAllSavesEveryDirtyTab(FxRobot robot) throws Exception {
        OpenDocument first = openDirty(robot, a, "X");
        OpenDocument second = openDirty(robot, b, "Y");
        robot.interact(() -> workbench.services().commands().execute("workbench.action.files.saveAll"));
        waitUntil("both are saved", () -> !first.dirtyProperty().get() && !second.dirtyProperty().get());
        assertEquals("Xalpha\n", Files.readString(a));
        assertEquals("Ybeta\n", Files.readString(b));
        waitUntil("their journals go", () -> journals().isEmpty());
    }

    private OpenDocument open(FxRobot robot, Path file) throws TimeoutException {
        robot.interact(() -> workbench.openFile(file, d -> { }));
        waitUntil(file.getFileName() + " opens", () -> workbench.tabs().find(file).isPresent());
        return workbench.tabs().find(file).orElseThrow();
    }

    /** Opens {@code file} and types {@code typed} at its start through the buffer (as a keystroke does). */
    private OpenDocument openDirty(FxRobot robot, Path file, String typed) throws TimeoutException {
        OpenDocument doc = open(robot, file);
        int before = journals().size();
        robot.interact(() -> doc.buffer().edit(ChangeSet.of(TextEdit.insert(0, typed)), EditKind.TYPING));
        waitUntil("the edit is journaled", () -> journals().size() == before + 1);
        robot.interact(() -> workbench.tabs().selectedProperty().set(doc));
        return doc;
    }

    private List<Path> journals() {
        Path dir = bench.paths().data("hot-exit");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs on the JavaFX thread without waiting: what it does may show a modal dialog (a nested event loop). */
    private static void later(Runnable action) {
        javafx.application.Platform.runLater(action);
    }

    private static DialogPane awaitDialog(FxRobot robot) throws TimeoutException {
        waitUntil("a dialog asks", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").query();
    }

    private static String defaultButton(DialogPane dialog) {
        return dialog.getButtonTypes().stream().map(dialog::lookupButton)
                .filter(n -> ((Button) n).isDefaultButton()).map(n -> ((Button) n).getText()).findFirst().orElse("none");
    }

    private static void click(FxRobot robot, DialogPane dialog, String label) throws Exception {
        TestWorkbench.clickOn(robot, dialog.getButtonTypes().stream().map(dialog::lookupButton)
                .filter(n -> label.equals(((Button) n).getText())).findFirst().orElseThrow(() -> new AssertionError(
                        "no " + label + " button in " + dialog.getButtonTypes())));
    }

    /** What the editor tabs hold and which close buttons they show (said when the test cannot find one). */
    private String describeEditorTabs() {
        EditorTabsView view = workbench.tabsView();
        return "tabs: " + view.getTabs().stream().map(t -> t.getText() + (t.isClosable() ? "" : " (not closable)")).toList()
                + ", skin: " + view.getSkin() + ", in a window: " + (view.getScene() != null && view.getScene().getWindow() != null)
                + ", close buttons: " + view.lookupAll(".tab-close-button").stream().map(n -> n.isVisible() ? "shown" : "hidden").toList();
    }

    private static void waitUntil(String what, Supplier<Boolean> condition) throws TimeoutException {
        TestWorkbench.waitUntil(what, condition);
    }
}
