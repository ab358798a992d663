package dev.symphony.ui.editor;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.ui.TestWorkbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Inlays inside a line (the real view, headless): they are painted in the gap they open, the text after them moves
 * right by their width, the caret at an inlay's offset stays before it, a click on an inlay lands at its offset and a
 * click on a character after it at that character; a wrapped view shows none.
 */
@ExtendWith(ApplicationExtension.class)
class InlayLayoutUiTest {
    private static final String TEXT = "let total = add(1, 2);\nnext\n";
    private TestWorkbench bench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "inlays");
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    @Test
    void inlaysOpenTheirOwnColumnsAndTheCaretStaysBeforeThem(FxRobot robot) throws Exception {
        Path file = bench.workspace.resolve("add.ts");
        Files.writeString(file, TEXT);
        robot.interact(() -> bench.workbench.openFile(file, d -> { }));
        EditorPane pane = bench.workbench.tabsView().activeEditor();
        EditorView view = pane.view();
        int one = TEXT.indexOf('1');
        int two = TEXT.indexOf('2');
        robot.interact(() -> view.setInlayLayer((line, start, length) -> line == 0
                ? List.of(new Inlay(one, "a: "), new Inlay(two, "b: ")) : List.of()));
        waitUntil("the inlays are painted", () -> List.of("a: ", "b: ").equals(view.paintedInlays(0)));
        assertEquals("let total = add(1, 2);", view.paintedLine(0), "the line's own text is painted whole");
        assertEquals(List.of(), view.paintedInlays(1));

        double advance = view.metrics().advance();
        double x0 = caretX(robot, view, 0);
        assertEquals(x0 + one * advance, caretX(robot, view, one), 0.5, "the caret at the inlay's offset: before it");
        assertEquals(x0 + (one + 1 + 3) * advance, caretX(robot, view, one + 1), 0.5, "after '1': past the inlay's 3 columns");
        assertEquals(x0 + (two + 1 + 6) * advance, caretX(robot, view, two + 1), 0.5, "after '2': past both inlays");

        double y = caretY(robot, view, 0) + view.metrics().lineHeight() / 2;
        assertEquals(one, offsetAt(robot, view, x0 + (one + 1.5) * advance, y), "a click on the inlay lands at its offset");
        assertEquals(one, offsetAt(robot, view, x0 + (one + 3.2) * advance, y), "on the left half of '1': before it");
        assertEquals(one + 1, offsetAt(robot, view, x0 + (one + 3.8) * advance, y), "on its right half: after it");
        assertEquals(two + 1, offsetAt(robot, view, x0 + (two + 6.8) * advance, y), "on the right half of '2', after both inlays");

        robot.interact(() -> view.setWrap(true));
        waitUntil("a wrapped view shows no inlays", () -> List.of().equals(view.paintedInlays(0)));
        assertEquals(x0 + (one + 1) * advance, caretX(robot, view, one + 1), 0.5, "and its columns are the text's own");
    }

    private static double caretX(FxRobot robot, EditorView view, int offset) {
        return caret(robot, view, offset).getX();
    }

    private static double caretY(FxRobot robot, EditorView view, int offset) {
        return caret(robot, view, offset).getY();
    }

    private static Point2D caret(FxRobot robot, EditorView view, int offset) {
        Point2D[] p = new Point2D[1];
        robot.interact(() -> {
            view.buffer().setSelections(SelectionSet.cursorAt(offset));
            view.layout();
            p[0] = view.caretPoint();
        });
        return p[0];
    }

    private static int offsetAt(FxRobot robot, EditorView view, double x, double y) {
        int[] at = new int[1];
        robot.interact(() -> at[0] = view.offsetAt(x, y));
        return at[0];
    }
}
