package dev.symphony.ui.diff;

import static dev.symphony.ui.TestWorkbench.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.editor.BackgroundMarks;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The diff view through the real workbench: Compare with Saved over a document with unsaved edits
 * (changed lines and words coloured, next/previous by button and Alt+F5, Revert Change edits the
 * document, inline layout with both line numbers), two files compared from the tree's commands, and
 * the two sides scrolling together; the tool bar in a narrow editor area.
 */
@ExtendWith(ApplicationExtension.class)
class DiffViewUiTest {
    private static final List<String> ACTIONS = List.of(DiffView.PREVIOUS_ID, DiffView.NEXT_ID, DiffView.INLINE_ID,
            DiffView.REVERT_ID, DiffView.ACCEPT_ID);
    private TestWorkbench bench;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "diff");
        workbench = bench.workbench;
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    @Test
    void compareWithSavedStepsThroughChangesRevertsOneAndShowsThemInline(FxRobot robot) throws Exception {
        Path file = Files.writeString(bench.workspace.resolve("Main.java"), "class Main {\n    int count = 1;\n}\n");
        OpenDocument doc = open(robot, file);
        robot.interact(() -> doc.buffer().edit(ChangeSet.of(
                new TextEdit(doc.text().indexOf("count"), doc.text().indexOf("count") + 5, "total"),
                TextEdit.insert(doc.text().length(), "// end\n")), EditKind.TYPING));

        robot.interact(() -> workbench.window().run("workbench.files.action.compareWithSaved"));
        TestWorkbench.waitUntil("the diff counted", () -> "2 changes".equals(countText(robot)));
        DiffView diff = workbench.diffs().active();
        assertEquals("class Main {\n    int count = 1;\n}\n", diff.leftView().buffer().text().toString());
        assertTrue(diff.rightView().buffer() == doc.buffer(), "the right side is the document's own buffer");
        BackgroundMarks left = diff.leftView().backgroundMarks();
        assertEquals(List.of(List.of(1, 1), List.of(3, 0)), // a changed line, and a rule where lines were added
                left.lines().stream().map(b -> List.of(b.line(), b.count())).toList());
        assertEquals("count", word(diff.leftView(), left.texts().get(0)));
        BackgroundMarks right = diff.rightView().backgroundMarks();
        assertEquals(List.of(1, 3), right.lines().stream().map(BackgroundMarks.LineBand::line).toList());
        assertEquals("total", word(diff.rightView(), right.texts().get(0)));

        TestWorkbench.clickOn(robot, "#" + DiffView.NEXT_ID);
        TestWorkbench.waitUntil("the first change current", () -> "1 of 2 changes".equals(countText(robot)));
        assertEquals(2, diff.rightView().controller().caretLineColumn()[0]);
        robot.press(KeyCode.ALT, KeyCode.F5).release(KeyCode.F5, KeyCode.ALT);
        TestWorkbench.waitUntil("the second change current", () -> "2 of 2 changes".equals(countText(robot)));
        TestWorkbench.clickOn(robot, "#" + DiffView.PREVIOUS_ID);
        TestWorkbench.waitUntil("back to the first", () -> "1 of 2 changes".equals(countText(robot)));
        TestWorkbench.clickOn(robot, "#" + DiffView.NEXT_ID);

        TestWorkbench.clickOn(robot, "#" + DiffView.REVERT_ID); // the appended line goes, the renamed field stays
        TestWorkbench.waitUntil("one change left", () -> "1 of 1 changes".equals(countText(robot)));
        assertEquals("class Main {\n    int total = 1;\n}\n", doc.text());
        assertTrue(doc.dirtyProperty().get());

        TestWorkbench.clickOn(robot, "#" + DiffView.INLINE_ID);
        TestWorkbench.waitUntil("the inline view", () -> diff.inlineView() != null);
        EditorView inline = diff.inlineView();
        TestWorkbench.waitUntil("inline lines painted", () -> "    int total = 1;".equals(inline.paintedLine(2)));
        assertEquals("    int count = 1;", inline.paintedLine(1));
        assertEquals(List.of(1, 2), inline.backgroundMarks().lines().stream().map(BackgroundMarks.LineBand::line).toList());

        TestWorkbench.clickOn(robot, "#" + DiffView.INLINE_ID);
        TestWorkbench.waitUntil("side by side again", () -> diff.inlineView() == null);
        robot.interact(() -> workbench.tabsView().getTabs().remove(workbench.tabsView().getSelectionModel().getSelectedItem()));
    }

    @Test
    void twoFilesComparedFromTheTreeScrollTogether(FxRobot robot) throws Exception {
        StringBuilder base = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            base.append("line ").append(i).append('\n');
        }
        Path a = Files.writeString(bench.workspace.resolve("a.txt"), base);
        Path b = Files.writeString(bench.workspace.resolve("b.txt"), "inserted 1\ninserted 2\n".repeat(25) + base);
        robot.interact(() -> {
            workbench.diffs().treeMenuItems(a).get(0).fire(); // Select for Compare
            assertEquals("Compare with 'a.txt'", workbench.diffs().treeMenuItems(b).get(1).getText());
            workbench.diffs().treeMenuItems(b).get(1).fire(); // Compare with 'a.txt'
        });
        TestWorkbench.waitUntil("the diff counted", () -> "1 change".equals(countText(robot)));
        DiffView diff = workbench.diffs().active();
        assertTrue(diff.leftView().isReadOnly() && diff.rightView().isReadOnly());
        assertTrue(robot.lookup("#" + DiffView.REVERT_ID).tryQuery().isEmpty(), "no revert on a read-only side");

        robot.interact(() -> diff.rightView().scrollTo(150));
        TestWorkbench.waitUntil("the left side followed", () -> diff.leftView().scrollLines() == 100);
        robot.interact(() -> diff.leftView().scrollTo(10));
        TestWorkbench.waitUntil("the right side followed", () -> diff.rightView().scrollLines() == 60);
    }

    /** Edit review's shape: the document on the left (editable), a proposed text on the right; Accept takes one change. */
    @Test
    void acceptChangeTakesTheProposedLinesIntoTheDocumentOneUndoStepEach(FxRobot robot) throws Exception {
        Path file = Files.writeString(bench.workspace.resolve("Edit.java"), "a\nb\nc\nd\n");
        OpenDocument doc = open(robot, file);
        robot.interact(() -> workbench.diffs().open(new DiffSide("Edit.java", file, doc.buffer(), true),
                DiffSide.ofText("Edit.java (proposed)", file, "a\nB\nc\nd\nE\n")));
        TestWorkbench.waitUntil("the diff counted", () -> "2 changes".equals(countText(robot)));
        assertTrue(robot.lookup("#" + DiffView.REVERT_ID).tryQuery().isEmpty(), "nothing to revert into a read-only right");

        TestWorkbench.clickOn(robot, "#" + DiffView.NEXT_ID);
        TestWorkbench.waitUntil("the first change current", () -> "1 of 2 changes".equals(countText(robot)));
        TestWorkbench.clickOn(robot, "#" + DiffView.ACCEPT_ID);
        TestWorkbench.waitUntil("the document takes the proposed line", () -> "a\nB\nc\nd\n".equals(doc.text()));
        TestWorkbench.waitUntil("one change left", () -> "1 of 1 changes".equals(countText(robot)));
        TestWorkbench.clickOn(robot, "#" + DiffView.ACCEPT_ID);
        TestWorkbench.waitUntil("and the added one", () -> "a\nB\nc\nd\nE\n".equals(doc.text()));
        assertTrue(doc.dirtyProperty().get());
        robot.interact(() -> doc.buffer().undo());
        TestWorkbench.waitUntil("one undo takes one change back", () -> "a\nB\nc\nd\n".equals(doc.text()));
    }

    /**
     * The tool bar in a narrow editor area (a 900 px window, two editor groups side by side, both sides editable: every
     * button there is): nothing overlaps, nothing is cut, what has no room is in the "⋯" menu and works from there. (In
     * a wide one the other tests click every button on the bar.) Not wider than Monocle's 1280 px screen: a window
     * beyond it fails in the frame buffer.
     */
    @Test
    void aNarrowEditorGroupKeepsEveryActionReachableWithoutOverlap(FxRobot robot) throws Exception {
        double width = onFx(() -> workbench.stage().getWidth());
        robot.interact(() -> workbench.stage().setWidth(900));
        try {
            narrowToolBar(robot);
        } finally {
            robot.interact(() -> workbench.stage().setWidth(width)); // the primary stage is the next test's too
        }
    }

    private void narrowToolBar(FxRobot robot) throws Exception {
        Path file = Files.writeString(bench.workspace.resolve("Narrow.java"), "a\nb\nc\nd\n");
        OpenDocument doc = open(robot, file);
        robot.interact(() -> workbench.window().run("workbench.action.splitEditorRightCopy"));
        robot.interact(() -> workbench.diffs().open(
                new DiffSide("Narrow.java (base)", file, new Buffer(Rope.of("a\nb\nc\nd\n"), System::currentTimeMillis), true),
                new DiffSide("Narrow.java", file, doc.buffer(), true)));
        AtomicReference<DiffView> diff = new AtomicReference<>();
        robot.interact(() -> diff.set(workbench.diffs().active()));
        robot.interact(() -> doc.buffer().edit(ChangeSet.of(
                TextEdit.insert(2, "B\n")), EditKind.TYPING));
        TestWorkbench.waitUntil("the diff counted", () -> "1 change".equals(
                countText(robot)));

        List<String> problems = onFx(() -> layoutProblems((Parent) diff.get().getTop()));
        assertEquals(List.of(), problems, "the tool bar at " + width(robot, diff.get()) + " px");

        OverflowToolBar bar = diff.get().toolBar();
        List<String> inMenu = new ArrayList<>();
        robot.interact(() -> bar.overflowing().forEach(n -> inMenu.add(n.getId())));
        assertFalse(inMenu.isEmpty(), "a narrow editor group has no room for every item (" + width(robot, diff.get()) + " px)");
        assertTrue(inMenu.contains(DiffView.INLINE_ID), "the inline switch, of low priority, is in the menu: " + inMenu);
        assertFalse(inMenu.contains(DiffView.NEXT_ID), "stepping through the changes stays on the bar: " + inMenu);
        for (String id : ACTIONS) {
            boolean onBar = onFx(() -> robot.lookup("#" + id).query().isVisible());
            assertTrue(onBar != inMenu.contains(id), id + " is on the bar or in the menu, not both, not neither");
        }

        TestWorkbench.clickOn(robot, bar.moreButton());
        TestWorkbench.waitUntil("the menu shows", () -> bar.moreButton().isShowing());
        List<String> items = onFx(() -> bar.moreButton().getItems().stream().map(MenuItem::getText).toList());
        assertTrue(items.containsAll(List.of("1 change", "Inline", "Revert Change", "Accept Change")), String.valueOf(items));
        TestWorkbench.clickOn(robot, "Inline");
        TestWorkbench.waitUntil("the menu's Inline shows the changes inline", () -> diff.get().inlineView() != null);
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
        return onFx(() -> diff.getWidth());
    }

    private OpenDocument open(FxRobot robot, Path file) throws Exception {
        AtomicReference<OpenDocument> opened = new AtomicReference<>();
        robot.interact(() -> workbench.openFile(file, opened::set));
        TestWorkbench.waitUntil("the file open", () -> opened.get() != null && workbench.tabsView().editorOf(opened.get()) != null);
        return opened.get();
    }

    private static String countText(FxRobot robot) {
        return robot.lookup("#" + DiffView.COUNT_ID).tryQueryAs(Label.class).map(Label::getText).orElse(null);
    }

    private static String word(EditorView view, BackgroundMarks.TextBand band) {
        assertNotNull(band);
        return view.buffer().text().substring(band.start(), band.end());
    }
}
