package dev.symphony.ui.tabs;

import static dev.symphony.ui.TestWorkbench.onFx;
import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.shell.WorkbenchServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Editor groups by their keys: split right and down, move a tab between groups, focus a group, and the layout after a restart. */
@ExtendWith(ApplicationExtension.class)
class EditorGroupsUiTest {
    private TestWorkbench bench;
    private Workbench second;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "groups");
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        if (second != null) {
            robot.interact(() -> {
                try {
                    second.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        bench.close();
    }

    /** The titles of each group's tabs, group by group. */
    private static List<List<String>> titles(Workbench workbench) throws Exception {
        return onFx(() -> workbench.tabsView().groups().groups().stream()
                .map(g -> g.getTabs().stream().map(Tab::getText).toList()).toList());
    }

    private static String active(Workbench workbench) throws Exception {
        return onFx(() -> {
            OpenDocument d = workbench.tabs().selectedProperty().get();
            return d == null ? null : d.title();
        });
    }

    private void open(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> bench.workbench.openFile(file, d -> { }));
        waitUntil(file.getFileName() + " opens", () -> bench.workbench.tabs().find(file).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void keys(FxRobot robot, KeyCode... codes) {
        robot.press(codes);
        for (int i = codes.length - 1; i >= 0; i--) {
            robot.release(codes[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes {@code workbench} and starts {@link #second} on the same home and folder, as the next start would. */
    private void restart(FxRobot robot, Workbench workbench) {
        robot.interact(() -> {
            try {
                workbench.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        robot.interact(() -> {
            try {
                second = new Workbench(WorkbenchServices.start(SymphonyPaths.under(bench.home)), new Stage());
                second.openFolder(bench.workspace);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void splitMoveFocusAndTheLayoutComesBack(FxRobot robot) throws Exception {
        Workbench first = bench.workbench;
        for (String name : List.of("a.txt", "b.txt", "c.txt")) {
            Files.writeString(bench.workspace.resolve(name), name + " text\n");
            open(robot, bench.workspace.resolve(name));
        }
        TestWorkbench.clickOn(robot, first.tabsView().activeEditor().view()); // bounds read on the JavaFX thread
        keys(robot, KeyCode.CONTROL, KeyCode.BACK_SLASH); // Split Editor Right
        assertEquals(List.of(List.of("a.txt", "b.txt"), List.of("c.txt")), titles(first));
        assertEquals("c.txt", active(first));
        assertEquals(1, (int) onFx(() -> first.tabsView().groups().activeIndex()));
        SplitPane split = onFx(() -> (SplitPane) ((javafx.scene.layout.StackPane) first.tabsView().groups().layout())
                .getChildren().get(0));
        assertEquals(Orientation.HORIZONTAL, split.getOrientation(), "the new group is to the right");
        robot.interact(() -> TestWorkbench.screenshot(first.stage().getScene(), "editor-groups-right.png"));

        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT1);
        assertEquals("b.txt", active(first), "Ctrl+1 focuses the first group and its tab");
        assertSame(onFx(() -> first.tabsView().activeEditor().view()),
                onFx(() -> first.stage().getScene().getFocusOwner()), "with the keyboard focus in its editor");
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        assertEquals("c.txt", active(first), "Ctrl+2 the second");

        Path d = bench.workspace.resolve("d.txt");
        Files.writeString(d, "dee\n");
        open(robot, d);
        assertEquals(List.of(List.of("a.txt", "b.txt"), List.of("c.txt", "d.txt")), titles(first),
                "a file opens in the active group");

        keys(robot, KeyCode.CONTROL, KeyCode.ALT, KeyCode.LEFT); // Move Editor into Previous Group
        assertEquals(List.of(List.of("a.txt", "b.txt", "d.txt"), List.of("c.txt")), titles(first));
        assertEquals("d.txt", active(first));

        robot.interact(() -> first.services().commands().execute("workbench.action.splitEditorDown"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(List.of("a.txt", "b.txt"), List.of("c.txt"), List.of("d.txt")), titles(first));
        TabPane below = onFx(() -> first.tabsView().groups().groups().get(2));
        assertEquals(Orientation.VERTICAL, onFx(() -> split.getItems().get(0) instanceof SplitPane left
                ? left.getOrientation() : null), "the third group is below the first");
        assertEquals(List.of(first.tabsView(), below), onFx(() -> ((SplitPane) split.getItems().get(0)).getItems()));
        robot.interact(() -> TestWorkbench.screenshot(first.stage().getScene(), "editor-groups-grid.png"));

        keys(robot, KeyCode.CONTROL, KeyCode.ALT, KeyCode.RIGHT);
        assertEquals(3, titles(first).size(), "the only tab of the last group has no group to move to");
        keys(robot, KeyCode.CONTROL, KeyCode.ALT, KeyCode.LEFT);
        assertEquals(List.of(List.of("a.txt", "b.txt"), List.of("c.txt", "d.txt")), titles(first),
                "d.txt moves to the second group and the emptied third goes");

        robot.interact(() -> first.tabsView().closer().close(first.tabs().find(d).orElseThrow()));
        waitUntil("closing the last tab of a group drops the group", () -> {
            try {
                return titles(first).equals(List.of(List.of("a.txt", "b.txt"), List.of("c.txt")));
            } catch (Exception e) {
                return false;
            }
        });

        restart(robot, first); // remembers the tabs and their groups
        waitUntil("the groups are back with their tabs", () -> {
            try {
                return titles(second).equals(List.of(List.of("a.txt", "b.txt"), List.of("c.txt")));
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals(true, onFx(() -> ((javafx.scene.layout.StackPane) second.tabsView().groups().layout()).getChildren()
                .get(0) instanceof SplitPane s && s.getOrientation() == Orientation.HORIZONTAL
                && s.getItems().equals(second.tabsView().groups().groups())), "side by side, as they were");
    }

    @Test
    void theSameDocumentInTwoGroupsHasOneTextAndTwoCaretSets(FxRobot robot) throws Exception {
        Workbench wb = bench.workbench;
        Path a = bench.workspace.resolve("a.txt");
        Files.writeString(a, "alpha\n");
        open(robot, a);
        OpenDocument doc = wb.tabs().find(a).orElseThrow();
        dev.symphony.ui.editor.EditorView left = onFx(() -> wb.tabsView().activeEditor().view());
        TestWorkbench.clickOn(robot, left);
        robot.interact(() -> left.controller().setSelections(SelectionSet.cursorAt(5), 5));
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.BACK_SLASH); // Split Editor Right, Keeping It Here
        assertEquals(List.of(List.of("a.txt"), List.of("a.txt")), titles(wb), "a second view in a new group");
        dev.symphony.ui.editor.EditorView right = onFx(() -> wb.tabsView().activeEditor().view());
        assertNotSame(left, right);
        assertSame(right, onFx(() -> wb.stage().getScene().getFocusOwner()), "the new view has the keyboard focus");
        assertEquals(5, (int) onFx(() -> right.shownSelections().get(0).head()), "it starts where the first view was");

        robot.interact(() -> right.controller().setSelections(SelectionSet.cursorAt(0), 0));
        robot.write("zz");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("zzalpha\n", onFx(doc::text), "one text");
        assertEquals("zzalpha", onFx(() -> left.paintedLine(0)), "the first view shows the edit");
        assertEquals(2, (int) onFx(() -> right.shownSelections().get(0).head()));
        assertEquals(7, (int) onFx(() -> left.shownSelections().get(0).head()),
                "the first view's caret stays after alpha, carried across the edit");
        robot.interact(() -> TestWorkbench.screenshot(wb.stage().getScene(), "editor-groups-same-document.png"));

        robot.interact(left::requestFocus); // (a click would also move the caret)
        assertEquals(7, (int) onFx(() -> doc.buffer().selections().get(0).head()),
                "working in the first view gives its carets back to the buffer");
        assertEquals(2, (int) onFx(() -> right.shownSelections().get(0).head()), "the second view keeps its own");
        keys(robot, KeyCode.CONTROL, KeyCode.Z);
        assertEquals("alpha\n", onFx(doc::text), "one history: undo in either view");

        robot.write("!");
        WaitForAsyncUtils.waitForFxEvents();
        int windows = onFx(() -> javafx.stage.Window.getWindows().size());
        Tab first = onFx(() -> wb.tabsView().groups().groups().get(0).getTabs().get(0));
        robot.interact(() -> wb.tabsView().closeTab(first, doc));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(windows, (int) onFx(() -> javafx.stage.Window.getWindows().size()),
                "closing one of two views of an unsaved document asks nothing");
        assertEquals(List.of(List.of("● a.txt")), titles(wb), "the other view stays, in the one group left");
        assertEquals(true, wb.tabs().find(a).isPresent(), "and the document stays open");
        assertSame(right, onFx(() -> wb.tabsView().editorOf(doc).view()), "the remaining view is the document's editor");

        Tab only = onFx(() -> wb.tabsView().groups().groups().get(0).getTabs().get(0));
        robot.interact(() -> only.getContextMenu().getItems().stream()
                .filter(item -> "tab-menu-split-down".equals(item.getId())).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(List.of("● a.txt"), List.of("● a.txt")), titles(wb), "the tab menu splits down");
        assertEquals(Orientation.VERTICAL, onFx(() -> ((SplitPane) ((javafx.scene.layout.StackPane) wb.tabsView().groups()
                .layout()).getChildren().get(0)).getOrientation()));
        assertEquals(2, onFx(() -> wb.tabsView().tabsOf(doc).size()));

        restart(robot, wb); // the unsaved text goes to hot exit; both views to the tab session
        waitUntil("both views of the document are back, one above the other", () -> {
            try {
                return titles(second).size() == 2 && titles(second).stream().allMatch(g -> g.size() == 1
                        && g.get(0).endsWith("a.txt")) && onFx(() -> ((javafx.scene.layout.StackPane) second.tabsView()
                        .groups().layout()).getChildren().get(0) instanceof SplitPane s
                        && s.getOrientation() == Orientation.VERTICAL);
            } catch (Exception e) {
                return false;
            }
        });
        OpenDocument back = second.tabs().find(a).orElseThrow();
        assertEquals(2, onFx(() -> second.tabsView().tabsOf(back).size()), "one document, two views");
    }
}
