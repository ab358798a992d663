package dev.symphony.ui.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The diff view's tool bar in a narrow editor area (a 900 px window, two editor groups side by side, both sides
 * editable: every button there is): nothing overlaps, nothing is cut, and what has no room is in the "⋯" menu, from
 * which it works.
 */
@ExtendWith(ApplicationExtension.class)
class DiffToolBarUiTest {
    private static final List<String> ACTIONS = List.of(DiffView.PREVIOUS_ID, DiffView.NEXT_ID, DiffView.INLINE_ID,
            DiffView.REVERT_ID, DiffView.ACCEPT_ID);
    private TestWorkbench bench;
    private Stage stage;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "diff-bar");
        workbench = bench.workbench;
        this.stage = stage;
        stage.setWidth(900);
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    @Test
    void aNarrowEditorGroupKeepsEveryActionReachableWithoutOverlap(FxRobot robot) throws Exception {
        Path file = Files.writeString(bench.workspace.resolve("Narrow.java"), "a\nb\nc\nd\n");
        AtomicReference<OpenDocument> opened = new AtomicReference<>();
        robot.interact(() -> workbench.openFile(file, opened::set));
        TestWorkbench.waitUntil("the file open", () -> opened.get() != null && workbench.tabsView().editorOf(opened.get()) != null);
        robot.interact(() -> workbench.window().run("workbench.action.splitEditorRightCopy"));
        robot.interact(() -> workbench.diffs().open(
                new DiffSide("Narrow.java (base)", file, new Buffer(Rope.of("a\nb\nc\nd\n"), System::currentTimeMillis), true),
                new DiffSide("Narrow.java", file, opened.get().buffer(), true)));
        AtomicReference<DiffView> diff = new AtomicReference<>();
        robot.interact(() -> diff.set(workbench.diffs().active()));
        robot.interact(() -> opened.get().buffer().edit(dev.symphony.editor.text.ChangeSet.of(
                dev.symphony.editor.text.TextEdit.insert(2, "B\n")), dev.symphony.editor.buffer.EditKind.TYPING));
        TestWorkbench.waitUntil("the diff counted", () -> "1 change".equals(
                robot.lookup("#" + DiffView.COUNT_ID).queryAs(javafx.scene.control.Label.class).getText()));

        List<String> problems = fx(() -> layoutProblems((Parent) diff.get().getTop()));
        assertEquals(List.of(), problems, "the tool bar at " + width(robot, diff.get()) + " px");

        OverflowToolBar bar = diff.get().toolBar();
        List<String> inMenu = new ArrayList<>();
        robot.interact(() -> bar.overflowing().forEach(n -> inMenu.add(n.getId())));
        assertFalse(inMenu.isEmpty(), "a narrow editor group has no room for every item (" + width(robot, diff.get()) + " px)");
        assertTrue(inMenu.contains(DiffView.INLINE_ID), "the inline switch, of low priority, is in the menu: " + inMenu);
        assertFalse(inMenu.contains(DiffView.NEXT_ID), "stepping through the changes stays on the bar: " + inMenu);
        for (String id : ACTIONS) {
            boolean onBar = fx(() -> robot.lookup("#" + id).query().isVisible());
            assertTrue(onBar != inMenu.contains(id), id + " is on the bar or in the menu, not both, not neither");
        }

        TestWorkbench.clickOn(robot, bar.moreButton());
        TestWorkbench.waitUntil("the menu shows", () -> bar.moreButton().isShowing());
        List<String> items = fx(() -> bar.moreButton().getItems().stream().map(MenuItem::getText).toList());
        assertTrue(items.containsAll(List.of("1 change", "Inline", "Revert Change", "Accept Change")), String.valueOf(items));
        TestWorkbench.clickOn(robot, "Inline");
        TestWorkbench.waitUntil("the menu's Inline shows the changes inline", () -> diff.get().inlineView() != null);

        robot.interact(() -> stage.setWidth(1600));
        TestWorkbench.waitUntil("a wide window has room for every item", () -> bar.overflowing().isEmpty()
                && !bar.moreButton().isVisible());
        assertEquals(List.of(), fx(() -> layoutProblems(bar)), "the tool bar, wide");
    }

    /** Visible items that overlap, run out of the bar, or are narrower than they ask (their text cut). */
    private static List<String> layoutProblems(Parent bar) {
        List<String> problems = new ArrayList<>();
        Bounds area = bar.localToScene(bar.getLayoutBounds());
        List<Node> shown = bar.getChildrenUnmodifiable().stream().filter(Node::isVisible).toList();
        for (int i = 0; i < shown.size(); i++) {
            Node a = shown.get(i);
            Bounds ab = a.localToScene(a.getLayoutBounds());
            if (ab.getMinX() < area.getMinX() - 0.5 || ab.getMaxX() > area.getMaxX() + 0.5) {
                problems.add(name(a) + " runs out of the bar");
            }
            boolean isTitle = i == 0 && a instanceof javafx.scene.control.Label; // the title may shorten ("…")
            if (!isTitle && a.getLayoutBounds().getWidth() < Math.ceil(a.prefWidth(-1)) - 0.5) {
                problems.add(name(a) + " is cut: " + a.getLayoutBounds().getWidth() + " of " + a.prefWidth(-1) + " px");
            }
            for (Node b : shown.subList(i + 1, shown.size())) {
                Bounds bb = b.localToScene(b.getLayoutBounds());
                if (ab.getMaxX() > bb.getMinX() + 0.5 && bb.getMaxX() > ab.getMinX() + 0.5) {
                    problems.add(name(a) + " overlaps " + name(b));
                }
            }
        }
        return problems;
    }

    private static String name(Node n) {
        return n.getId() != null ? n.getId() : n instanceof Labeled l ? "'" + l.getText() + "'" : n.toString();
    }

    private static double width(FxRobot robot, DiffView diff) throws Exception {
        return fx(() -> diff.getWidth());
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(read).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
