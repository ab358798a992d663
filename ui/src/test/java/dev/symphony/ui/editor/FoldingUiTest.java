package dev.symphony.ui.editor;

import static dev.symphony.ui.TestWorkbench.onFx;
import static dev.symphony.ui.editor.EditorViewUiTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.symphony.editor.fold.FoldRegion;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.ui.TestWorkbench;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Folding by indentation in the real workbench: the gutter's chevron, Ctrl+Shift+[ and ], Down over a fold, go to line unfolding. */
@ExtendWith(ApplicationExtension.class)
class FoldingUiTest {
    private static final String TEXT = """
            import os

            def first():
                a = 1
                if a:
                    b = 2
                return a

            def second():
                return 3
            """;
    private TestWorkbench bench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "folding");
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        bench.close(robot);
    }

    private static Node chevron(EditorView view, int line) {
        return onFx(() -> view.lookupAll("." + EditorGutter.CHEVRON_STYLE_CLASS).stream()
                .filter(n -> n.isVisible() && Integer.valueOf(line).equals(n.getUserData()))
                .findFirst().orElse(null));
    }

    @Test
    void theGutterAndTheKeysFoldDownStepsOverAndGoingToAHiddenLineUnfolds(FxRobot robot) throws Exception {
        EditorView view = EditorViewUiTest.open(robot, bench.workbench, bench.workspace.resolve("fold.py"), TEXT, 0);
        waitUntil("chevrons on the lines that start a block",
                () -> onFx(view::foldChevrons).equals(List.of("2:⌄", "4:⌄", "8:⌄")));

        TestWorkbench.clickOn(robot, chevron(view, 2));
        waitUntil("the chevron folds def first()", () -> onFx(() -> view.folding().folded()).equals(List.of(new FoldRegion(2, 6))));
        waitUntil("its body is not drawn and the next line follows it", () -> onFx(() -> view.paintedLine(3) == null
                && view.paintedLine(6) == null && "def first():".equals(view.paintedLine(2)) && "".equals(view.paintedLine(7))));
        assertEquals(List.of("2:›", "8:⌄"), onFx(view::foldChevrons));
        assertEquals(1, onFx(() -> view.lookupAll("." + FoldMarkLayer.STYLE_CLASS).size()), "the folded line shows ⋯");
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "editor-folded.png"));

        TestWorkbench.clickOn(robot, chevron(view, 2));
        waitUntil("a second click unfolds", () -> onFx(() -> view.folding().folded().isEmpty() && view.paintedLine(3) != null));

        int inSecond = TEXT.indexOf("return 3");
        robot.interact(() -> view.controller().setSelections(SelectionSet.single(Selection.of(inSecond, inSecond)), inSecond));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.OPEN_BRACKET).release(KeyCode.OPEN_BRACKET, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("Ctrl+Shift+[ folds the block around the caret", () -> onFx(() -> view.folding().folded())
                .equals(List.of(new FoldRegion(8, 9))));
        assertNull(onFx(() -> view.paintedLine(9)), "the hidden line is not drawn");
        assertEquals(TEXT.indexOf("def second():") + "def second():".length(), onFx(() -> view.buffer().selections().get(0).head()),
                "the caret left the hidden line for the end of the fold's first line");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.CLOSE_BRACKET).release(KeyCode.CLOSE_BRACKET, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("Ctrl+Shift+] unfolds it", () -> onFx(() -> view.folding().folded().isEmpty() && view.paintedLine(9) != null));

        int ifLine = TEXT.indexOf("    if a:");
        robot.interact(() -> {
            view.controller().setSelections(SelectionSet.single(Selection.of(ifLine, ifLine)), ifLine);
            view.folding().foldAtCaret();
        });
        waitUntil("the if block folds", () -> onFx(() -> view.folding().folded()).equals(List.of(new FoldRegion(4, 5))));
        robot.type(KeyCode.DOWN);
        waitUntil("Down steps over the folded lines", () -> onFx(() -> view.buffer().text().lineOf(view.buffer().selections().get(0).head())) == 6);
        assertEquals(List.of(new FoldRegion(4, 5)), onFx(() -> view.folding().folded()), "the fold stays folded");
        robot.interact(() -> view.controller().goToLine(6, 1));
        waitUntil("going to a folded line unfolds it", () -> onFx(() -> view.folding().folded().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(onFx(() -> view.paintedLine(5)), "the caret's line is drawn");
        assertEquals(5, onFx(() -> view.buffer().text().lineOf(view.buffer().selections().get(0).head())));
    }

    @Test
    void foldsMoveWithEditsAboveThemAndFoldAllFoldsEveryBlock(FxRobot robot) throws Exception {
        EditorView view = EditorViewUiTest.open(robot, bench.workbench, bench.workspace.resolve("edit.py"), TEXT, 0);
        robot.interact(() -> view.folding().toggle(8));
        robot.interact(() -> view.controller().setSelections(SelectionSet.single(Selection.of(0, 0)), 0));
        robot.write("# top\n");
        waitUntil("the fold moved down a line with its text", () -> onFx(() -> view.folding().folded())
                .equals(List.of(new FoldRegion(9, 10))));
        assertNull(onFx(() -> view.paintedLine(10)));
        robot.interact(() -> view.folding().foldAll());
        waitUntil("Fold All folds both functions and the if", () -> onFx(() -> view.folding().folded()).equals(
                List.of(new FoldRegion(3, 7), new FoldRegion(5, 6), new FoldRegion(9, 10))));
        robot.interact(() -> view.folding().unfoldAll());
        waitUntil("Unfold All", () -> onFx(() -> view.folding().folded().isEmpty() && view.paintedLine(10) != null));
    }
}
