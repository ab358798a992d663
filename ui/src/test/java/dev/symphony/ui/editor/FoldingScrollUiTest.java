package dev.symphony.ui.editor;

import static dev.symphony.ui.TestWorkbench.onFx;
import static dev.symphony.ui.editor.EditorViewUiTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.symphony.editor.fold.FoldRegion;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.TestWorkbench;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A folded 5,000-line block takes one row: the scroll bar, paging, clicks and every caret go by the lines shown. */
@ExtendWith(ApplicationExtension.class)
class FoldingScrollUiTest {
    private static final int BODY = 5_000;
    private static final int AFTER = 60;
    private static final int LAST = 2 + BODY + AFTER; // "start", "def big():", the body, the lines after it, the empty last line
    private static final String TEXT = text();
    private TestWorkbench bench;

    private static String text() {
        StringBuilder sb = new StringBuilder("start\ndef big():\n");
        for (int i = 0; i < BODY; i++) {
            sb.append("    x").append(i).append(" = ").append(i).append('\n');
        }
        for (int i = 0; i < AFTER; i++) {
            sb.append("after").append(i).append('\n');
        }
        return sb.toString();
    }

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "folding-scroll");
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        bench.close(robot);
    }

    private static int caretLine(EditorView view) {
        return onFx(() -> {
            SelectionSet sels = view.buffer().selections();
            return view.buffer().text().lineOf(sels.get(sels.size() - 1).head());
        });
    }

    @Test
    void aFoldedBlockShrinksTheScrollBarAndTheLastLineIsReachable(FxRobot robot) throws Exception {
        EditorView view = EditorViewUiTest.open(robot, bench.workbench, bench.workspace.resolve("big.py"), TEXT, 0);
        waitUntil("the block is foldable", () -> onFx(() -> view.folding().regionStartingAt(1)) != null);
        double maxBefore = onFx(() -> view.scroll().vertical().getMax());
        assertEquals(LAST, maxBefore, "unfolded, the bar spans every line");

        robot.interact(() -> view.folding().toggle(1));
        waitUntil("the block folds", () -> onFx(() -> view.folding().folded()).equals(List.of(new FoldRegion(1, BODY + 1))));
        WaitForAsyncUtils.waitForFxEvents();
        double maxAfter = onFx(() -> view.scroll().vertical().getMax());
        assertEquals(maxBefore - BODY, maxAfter, "the bar lost the 5,000 hidden lines");

        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "editor-folded-scroll.png"));
        robot.interact(() -> view.scroll().vertical().setValue(view.scroll().vertical().getMax()));
        waitUntil("the bar's end shows the last line", () -> onFx(() -> view.paintedLine(LAST)) != null);
        assertEquals(LAST, onFx(view::topLine), "at the bar's end the last line is at the top, as unfolded");

        robot.interact(() -> view.scrollTo(0));
        robot.interact(() -> view.controller().setSelections(SelectionSet.cursorAt(0), 0));
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        assertEquals(BODY + 2, caretLine(view), "Down from the fold's first line lands on the line after the fold");
        int pages = 0;
        while (caretLine(view) < LAST && pages++ < 10) {
            robot.type(KeyCode.PAGE_DOWN);
        }
        assertEquals(LAST, caretLine(view), "Page Down reaches the last line");
        assertEquals(List.of(new FoldRegion(1, BODY + 1)), onFx(() -> view.folding().folded()), "paging kept the fold");
        assertNotNull(onFx(() -> view.paintedLine(LAST)), "the view followed the caret to the end");

        robot.interact(() -> view.scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, onFx(() -> view.scroll().vertical().getValue()));
        Point2D row2 = onFx(() -> {
            EditorMetrics m = view.metrics();
            return view.localToScreen(view.contentPane().getLayoutX() + m.advance() * 3, m.lineHeight() * 2.5);
        });
        robot.clickOn(row2);
        waitUntil("a click on the row under the fold lands on the line after it", () -> caretLine(view) == BODY + 2);
        assertEquals(1, onFx(() -> view.folding().folded().size()));
    }

    @Test
    void foldingMovesEveryCaretItWouldHideToTheFoldsFirstLine(FxRobot robot) throws Exception {
        EditorView view = EditorViewUiTest.open(robot, bench.workbench, bench.workspace.resolve("carets.py"), TEXT, 0);
        waitUntil("the block is foldable", () -> onFx(() -> view.folding().regionStartingAt(1)) != null);
        Rope text = onFx(() -> view.buffer().text());
        int inBody = text.lineStart(3) + 6;
        int deeper = text.lineStart(400) + 4;
        int after = text.lineStart(BODY + 3) + 2;
        robot.interact(() -> view.controller().setSelections(SelectionSet.of(List.of(Selection.cursor(inBody),
                Selection.cursor(deeper), Selection.cursor(after))), inBody));
        robot.interact(() -> view.folding().toggle(1));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(new FoldRegion(1, BODY + 1)), onFx(() -> view.folding().folded()), "the fold stays folded");
        List<Selection> carets = onFx(() -> view.buffer().selections().all());
        List<FoldRegion> folded = onFx(() -> view.folding().folded());
        for (Selection s : carets) {
            assertFalse(folded.stream().anyMatch(f -> f.hides(text.lineOf(s.head()))), "a caret is hidden: " + carets);
        }
        assertEquals(List.of(Selection.cursor(text.lineEnd(1)), Selection.cursor(after)), carets,
                "the two hidden carets went to the end of 'def big():' (merged), the one after the fold stayed");
    }
}
