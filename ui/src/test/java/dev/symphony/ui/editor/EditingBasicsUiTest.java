package dev.symphony.ui.editor;

import static dev.symphony.ui.editor.EditorViewUiTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Auto-closing and surrounding, indentation on Enter, on a closing bracket and on paste — typed into the real workbench. */
@ExtendWith(ApplicationExtension.class)
class EditingBasicsUiTest {
    private TestWorkbench bench;
    private Path workspace;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "basics");
        workspace = bench.workspace;
        workbench = bench.workbench;
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        bench.close(robot);
    }

    private EditorView open(FxRobot robot, String name, String text, int caret) throws Exception {
        return EditorViewUiTest.open(robot, workbench, workspace.resolve(name), text, caret);
    }

    private OpenDocument document() {
        return workbench.tabs().selectedProperty().get();
    }

    /** The selected document's text, read on the JavaFX thread (where the tabs and the buffer change). */
    private String text() {
        return TestWorkbench.onFx(() -> document().text());
    }

    private int caret(EditorView view) {
        return TestWorkbench.onFx(() -> view.buffer().selections().get(0).head());
    }

    @Test
    void bracketsAndQuotesCloseTypeOverSurroundAndIndent(FxRobot robot) throws Exception {
        EditorView view = open(robot, "Main.java", "class A \n", 8);
        robot.write("{");
        waitUntil("the brace is closed", () -> text().equals("class A {}\n"));
        assertEquals(9, caret(view), "caret between the braces");
        robot.type(KeyCode.ENTER);
        waitUntil("Enter between the braces indents and puts the closer on its own line",
                () -> text().equals("class A {\n    \n}\n"));
        robot.write("f(\"x\");");
        waitUntil("the parenthesis and quotes close and are typed over",
                () -> text().equals("class A {\n    f(\"x\");\n}\n"));
        robot.write("[");
        robot.type(KeyCode.BACK_SPACE);
        waitUntil("Backspace in an empty pair removes both", () -> text().equals("class A {\n    f(\"x\");\n}\n"));
        int x = text().indexOf('x');
        robot.interact(() -> view.controller().setSelections(SelectionSet.single(Selection.of(x, x + 1)), x + 1));
        robot.write("(");
        waitUntil("a selection is surrounded", () -> text().equals("class A {\n    f(\"(x)\");\n}\n"));
        assertEquals(x + 2, caret(view), "and stays selected");
        robot.interact(() -> view.buffer().undo());
        waitUntil("one undo step", () -> text().equals("class A {\n    f(\"x\");\n}\n"));
    }

    @Test
    void pastedLinesMoveToTheIndentationWhereTheyLandAndEnterIndentsAtEveryCaret(FxRobot robot) throws Exception {
        String text = "class A {\n    void f() {\n        \n    }\n}\n";
        int at = text.indexOf("        \n") + 8;
        EditorView view = open(robot, "A.java", text, at);
        robot.interact(() -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString("if (x) {\n  g();\n}");
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        String pasted = "class A {\n    void f() {\n        if (x) {\n          g();\n        }\n    }\n}\n";
        waitUntil("the block is indented to the caret's level", () -> text().equals(pasted));
        robot.interact(() -> view.buffer().undo());
        waitUntil("one undo step", () -> text().equals(text));

        int a = text.indexOf('{') + 1;
        int b = text.indexOf("{", a) + 1;
        robot.interact(() -> view.controller().setSelections(SelectionSet.of(java.util.List.of(
                Selection.cursor(a), Selection.cursor(b))), b));
        robot.type(KeyCode.ENTER);
        waitUntil("each caret gets its own indentation", () -> text().equals(
                "class A {\n    \n    void f() {\n        \n        \n    }\n}\n"));
    }

    @Test
    void aClosingBracketOnAnIndentedLineOutdents(FxRobot robot) throws Exception {
        String text = "if (a) {\n    x();\n    \n";
        open(robot, "b.js", text, text.length() - 1);
        robot.write("}");
        waitUntil("one level less", () -> text().equals("if (a) {\n    x();\n}\n"));
    }

    @Test
    void altWithALetterIsAShortcutNotTextButAltGrTypes(FxRobot robot) throws Exception {
        EditorView view = open(robot, "c.txt", "", 0);
        boolean mac = System.getProperty("os.name", "").startsWith("Mac");
        robot.interact(() -> {
            view.fireEvent(typed("f", false, true)); // Alt+F: a mnemonic on Linux and Windows
            view.fireEvent(typed("@", true, true)); // AltGr+Q on a German layout arrives as Ctrl+Alt
            view.fireEvent(typed("x", false, false));
        });
        waitUntil("only the AltGr character and the plain one are typed",
                () -> text().equals(mac ? "f@x" : "@x"));
    }

    private static javafx.scene.input.KeyEvent typed(String ch, boolean control, boolean alt) {
        return new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED,
                false, control, alt, false);
    }
}
