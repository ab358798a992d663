package dev.symphony.ui.editor;

import static dev.symphony.ui.TestWorkbench.onFx;
import static dev.symphony.ui.editor.EditorViewUiTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor's right-click menu, driven with the mouse in the real workbench. */
@ExtendWith(ApplicationExtension.class)
class EditorContextMenuUiTest {
    private TestWorkbench bench;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "context-menu");
        workbench = bench.workbench;
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        bench.close(robot);
    }

    private String text() {
        return onFx(() -> workbench.tabs().selectedProperty().get().text());
    }

    /**
     * A right-click at offset {@code offset} of line 0, as the platform reports it: the menu request at that point
     * (Monocle's mouse input never raises the platform's menu event; a right-click on a real window does).
     */
    private static void rightClick(FxRobot robot, EditorView view, int offset) {
        robot.interact(() -> {
            double[] p = view.pointOf(view.buffer().text(), offset);
            Point2D scene = view.localToScene(p[0] + view.contentPane().getLayoutX() + 1,
                    p[1] + view.metrics().lineHeight() / 2);
            Point2D screen = view.localToScreen(view.sceneToLocal(scene));
            view.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(), scene.getY(),
                    screen.getX(), screen.getY(), false, null));
        });
    }

    /** The labels of the editor menu that shows now (none: empty). */
    private static List<String> shownItems(FxRobot robot) {
        return onFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.ContextMenu menu && menu.isShowing()
                        && menu.getStyleClass().contains(EditorContextMenu.STYLE_CLASS))
                .findFirst()
                .map(w -> ((javafx.scene.control.ContextMenu) w).getItems().stream().map(MenuItem::getText)
                        .filter(t -> t != null).toList())
                .orElse(List.of()));
    }

    private void choose(FxRobot robot, EditorView view, int offset, String item) throws Exception {
        rightClick(robot, view, offset);
        waitUntil("the menu shows " + item, () -> shownItems(robot).contains(item));
        TestWorkbench.clickOn(robot, item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRightClickCutsPastesAndCommentsWhereItIs(FxRobot robot) throws Exception {
        EditorView view = EditorViewUiTest.open(robot, workbench, bench.workspace.resolve("a.py"), "alpha = beta\n", 0);
        robot.interact(() -> view.controller().setSelections(SelectionSet.single(Selection.of(8, 12)), 12));

        choose(robot, view, 10, "Cut"); // inside the selection: it stays and is cut
        waitUntil("Cut removes the selection", () -> text().equals("alpha = \n"));
        assertEquals("beta", onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));

        choose(robot, view, 2, "Paste"); // outside it: the caret moves there first
        waitUntil("Paste inserts where the right-click was", () -> text().equals("albetapha = \n"));
        assertTrue(shownItemsAfterRightClick(robot, view).containsAll(List.of("Cut", "Copy", "Paste",
                "Toggle Line Comment", "Toggle Block Comment", "Command Palette…")));
        TestWorkbench.clickOn(robot, "Toggle Line Comment");
        waitUntil("the line is commented in the language's way", () -> text().equals("# albetapha = \n"));

        OpenDocument document = onFx(() -> workbench.tabs().selectedProperty().get());
        robot.interact(() -> view.setReadOnly(true));
        List<String> readOnly = shownItemsAfterRightClick(robot, view);
        assertFalse(readOnly.contains("Cut") || readOnly.contains("Paste") || readOnly.contains("Toggle Line Comment"),
                "a read-only editor offers no edits: " + readOnly);
        assertTrue(readOnly.contains("Copy"), readOnly.toString());
        robot.type(KeyCode.ESCAPE);
        assertEquals("# albetapha = \n", document.text());
    }

    private List<String> shownItemsAfterRightClick(FxRobot robot, EditorView view) throws Exception {
        rightClick(robot, view, 3);
        waitUntil("the menu shows", () -> !shownItems(robot).isEmpty());
        return shownItems(robot);
    }
}
