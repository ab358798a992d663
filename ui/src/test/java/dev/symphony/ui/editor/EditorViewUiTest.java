package dev.symphony.ui.editor;

import static dev.symphony.ui.TestWorkbench.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.editor.find.FindBar;
import dev.symphony.ui.editor.find.GoToLineBar;
import dev.symphony.ui.shell.WorkbenchServices;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Types, selects, uses several carets, finds and replaces, undoes — through the real view in the workbench (headless). */
@ExtendWith(ApplicationExtension.class)
class EditorViewUiTest {
    private TestWorkbench bench;
    private Path home;
    private Path workspace;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.startWithoutFolder(stage, "editor");
        home = bench.home;
        workspace = bench.workspace;
        workbench = bench.workbench;
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        bench.close(robot); // no key or button stays down for the next test
    }

    static void waitUntil(String what, Supplier<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::get);
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out waiting until " + what);
        }
    }

    /** Opens a file with {@code text}, waits for its editor and clicks into it. */
    private EditorView open(FxRobot robot, String name, String text) throws Exception {
        return open(robot, workbench, workspace.resolve(name), text, 0);
    }

    /** Writes {@code file}, opens it, waits until its editor is the active one, clicks into it, puts the caret at {@code caret}. */
    static EditorView open(FxRobot robot, Workbench workbench, Path file, String text, int caret) throws Exception {
        Files.writeString(file, text);
        robot.interact(() -> workbench.openFile(file, d -> {}));
        waitUntil(file.getFileName() + " opens", () -> onFx(() -> workbench.tabsView().activeEditor() != null
                && file.equals(workbench.tabsView().activeEditor().file())));
        EditorView view = onFx(() -> workbench.tabsView().activeEditor().view());
        WaitForAsyncUtils.waitForFxEvents();
        TestWorkbench.clickOn(robot, view); // its bounds read on the JavaFX thread, not beside a pulse
        robot.interact(() -> view.controller().setSelections(dev.symphony.editor.selection.SelectionSet.cursorAt(caret), caret));
        return view;
    }

    private OpenDocument document() {
        return workbench.tabs().selectedProperty().get();
    }

    private static void ctrl(FxRobot robot, KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.press(all);
        robot.release(reverse(all));
    }

    private static KeyCode[] reverse(KeyCode[] keys) {
        KeyCode[] out = new KeyCode[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = keys[keys.length - 1 - i];
        }
        return out;
    }

    /** Ctrl+/ comments the selected lines with the language's token and uncomments them; Shift+Alt+A wraps a block. */
    @Test
    void toggleCommentUsesTheLanguagesTokens(FxRobot robot) throws Exception {
        EditorView view = open(robot, "Main.java", "class A {\n    int x;\n}\n");
        robot.interact(() -> view.controller().setSelections(dev.symphony.editor.selection.SelectionSet.single(
                dev.symphony.editor.selection.Selection.of(0, 20)), 0));
        ctrl(robot, KeyCode.SLASH);
        waitUntil("the lines are commented", () -> document().text().equals("// class A {\n//     int x;\n}\n"));
        ctrl(robot, KeyCode.SLASH);
        waitUntil("and uncommented", () -> document().text().equals("class A {\n    int x;\n}\n"));
        robot.interact(() -> view.controller().setSelections(dev.symphony.editor.selection.SelectionSet.single(
                dev.symphony.editor.selection.Selection.of(14, 19)), 0));
        robot.interact(() -> workbench.window().run("editor.action.blockComment"));
        waitUntil("a block comment", () -> document().text().equals("class A {\n    /* int x */;\n}\n"));

        EditorView py = open(robot, "tool.py", "print(1)\n");
        ctrl(robot, KeyCode.SLASH);
        waitUntil("python's token", () -> document().text().equals("# print(1)\n"));
    }

    @Test
    void unsavedEditsSurviveACrashAndComeBackDirtyAtTheNextStart(FxRobot robot) throws Exception {
        open(robot, "notes.txt", "world\n");
        robot.write("hello ");
        waitUntil("the text is typed", () -> document().text().equals("hello world\n"));
        Path journals = SymphonyPaths.under(home).data("hot-exit");
        waitUntil("a journal holds the edit", () -> {
            try (Stream<Path> files = Files.list(journals)) {
                return files.anyMatch(f -> f.toString().endsWith(".journal"));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertEquals("world\n", Files.readString(workspace.resolve("notes.txt")), "nothing saved");

        // the process "crashes": this workbench is never closed; a new one starts on the same home
        Workbench[] next = new Workbench[1];
        robot.interact(() -> {
            try {
                next[0] = new Workbench(WorkbenchServices.start(SymphonyPaths.under(home)), new Stage());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            waitUntil("the file is reopened with its unsaved edit", () -> onFx(() -> {
                OpenDocument d = next[0].tabs().selectedProperty().get();
                return d != null && d.text().equals("hello world\n") && d.dirtyProperty().get();
            }));
            OpenDocument restored = onFx(() -> next[0].tabs().selectedProperty().get());
            robot.interact(() -> restored.buffer().undo());
            waitUntil("undo goes back to the saved text, and the tab is clean", () -> onFx(() ->
                    restored.text().equals("world\n") && !restored.dirtyProperty().get()));
            waitUntil("no journal is left once nothing is unsaved", () -> {
                try (Stream<Path> files = Files.list(journals)) {
                    return files.noneMatch(f -> f.toString().endsWith(".journal"));
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        } finally {
            Workbench second = next[0];
            if (second != null) {
                robot.interact(() -> {
                    try {
                        second.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
    }

    @Test
    void typedTextIsInTheBufferAndPaintedWithTheCaretAfterIt(FxRobot robot) throws Exception {
        EditorView view = open(robot, "a.txt", "world\n");
        double x0 = view.caretPoint().getX();
        robot.write("hello ");
        waitUntil("the text is typed", () -> document().text().equals("hello world\n"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("hello world", view.paintedLine(0));
        assertEquals(x0 + 6 * view.metrics().advance(), view.caretPoint().getX(), 0.5, "caret after the typed text");
        assertTrue(document().dirtyProperty().get());
        assertTrue(robot.lookup(".tab-label").queryAll().stream().anyMatch(n -> ((Label) n).getText().equals("● a.txt")));
        String status = onFx(this::caretStatus);
        assertTrue(status.contains("Ln 1, Col 7"), status);
    }

    @Test
    void anEditByAnotherAtTheCaretMovesItWithItsTextAndTheStatusBarFollows(FxRobot robot) throws Exception {
        EditorView view = open(robot, "b.ts", "const a = 1;\n");
        robot.interact(() -> view.buffer().setSelections(SelectionSet.cursorAt(0)));
        robot.interact(() -> view.buffer().edit(ChangeSet.of(TextEdit.insert(0, "import x;\n")), EditKind.COMMAND)); // as an auto-import
        assertEquals(SelectionSet.cursorAt(10), onFx(() -> view.buffer().selections()),
                "the caret stays before 'const', nothing selected");
        TestWorkbench.waitUntil("the status bar says where the caret is now", 10, () -> onFx(this::caretStatus).contains("Ln 2, Col 1"),
                () -> "it says " + onFx(this::caretStatus));
    }

    @Test
    void aKeystrokeTellsTheCaretsMoveOnceAndSoDoesAnEditByAnother(FxRobot robot) throws Exception {
        EditorView view = open(robot, "d.txt", "abc\n");
        java.util.concurrent.atomic.AtomicInteger moves = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> view.setOnCaretMoved(moves::incrementAndGet));
        robot.type(KeyCode.X);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("xabc\n", onFx(() -> view.buffer().text().toString()));
        assertEquals(1, moves.get(), "one keystroke, one report of the caret's move (the status bar's Ln/Col)");
        robot.interact(() -> view.buffer().edit(ChangeSet.of(TextEdit.insert(0, "y")), EditKind.COMMAND));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, moves.get(), "an edit by another moves the caret: reported once");
    }

    /** The status bar's caret item ("Ln 1, Col 7  Java"), read on the JavaFX thread. */
    private String caretStatus() {
        return bench.workbench.stage().getScene().getRoot().lookupAll("#status-bar .label").stream().map(n -> ((Label) n).getText())
                .filter(t -> t != null && t.contains("Ln ")).findFirst().orElse("(no caret item)");
    }

    @Test
    void keyboardAndMouseSelection(FxRobot robot) throws Exception {
        EditorView view = open(robot, "b.txt", "alpha beta\ngamma delta\n");
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT, 3).release(KeyCode.SHIFT);
        assertEquals(Selection.of(0, 3), view.buffer().selections().get(0));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(Selection.of(0, 5), view.buffer().selections().get(0), "ctrl+shift+right extends to the word end");
        robot.type(KeyCode.DOWN);
        assertEquals(1, view.buffer().text().lineOf(view.buffer().selections().get(0).head()));

        WaitForAsyncUtils.waitForFxEvents();
        Point2D origin = view.localToScreen(view.caretPoint());
        double advance = view.metrics().advance();
        double lh = view.metrics().lineHeight();
        Point2D lineOneStart = origin.add(-view.caretPoint().getX() + view.contentPane().getLayoutX() + 1, 0);
        robot.doubleClickOn(lineOneStart.add(advance * 7.5, lh / 2), MouseButton.PRIMARY);
        assertEquals(Selection.of(17, 22), view.buffer().selections().get(0), "double-click selects 'delta'");
        robot.drag(lineOneStart.add(0, -lh + lh / 2), MouseButton.PRIMARY).dropTo(lineOneStart.add(advance * 5, lh / 2));
        assertEquals(Selection.of(0, 16), view.buffer().selections().get(0), "drag from line 1 to line 2 col 5");
    }

    @Test
    void severalCaretsTypeTogetherAndUndoRedoRestore(FxRobot robot) throws Exception {
        EditorView view = open(robot, "c.txt", "foo one\nfoo two\nfoo three\n");
        ctrl(robot, KeyCode.ALT, KeyCode.DOWN);
        ctrl(robot, KeyCode.ALT, KeyCode.DOWN);
        assertEquals(3, view.buffer().selections().size(), "Ctrl+Alt+Down added two carets");
        robot.write("x");
        waitUntil("typed at three carets", () -> document().text().equals("xfoo one\nxfoo two\nxfoo three\n"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("xfoo two", onFx(() -> view.paintedLine(1)));
        robot.type(KeyCode.ESCAPE);
        assertEquals(1, view.buffer().selections().size(), "Escape keeps one caret");
        ctrl(robot, KeyCode.Z);
        assertEquals("foo one\nfoo two\nfoo three\n", document().text());
        assertTrue(!document().dirtyProperty().get(), "undo back to the saved state is clean");
        ctrl(robot, KeyCode.SHIFT, KeyCode.Z);
        assertEquals("xfoo one\nxfoo two\nxfoo three\n", document().text());

        robot.interact(() -> view.controller().setSelections(dev.symphony.editor.selection.SelectionSet.cursorAt(2), 2));
        ctrl(robot, KeyCode.D);
        ctrl(robot, KeyCode.D);
        ctrl(robot, KeyCode.D);
        assertEquals(3, view.buffer().selections().size(), "Ctrl+D: word, then two more occurrences");
        robot.write("bar");
        assertEquals("bar one\nbar two\nbar three\n", document().text());
        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> view.controller().setSelections(dev.symphony.editor.selection.SelectionSet.cursorAt(2), 2));
        ctrl(robot, KeyCode.SHIFT, KeyCode.L);
        assertEquals(3, view.buffer().selections().size(), "Ctrl+Shift+L selects all occurrences");
    }

    @Test
    void findAndReplaceWithGroupsCountsAndReportsBadRegex(FxRobot robot) throws Exception {
        EditorView view = open(robot, "d.txt", "size(a) size(b)\nsize(c)\n");
        ctrl(robot, KeyCode.H);
        waitUntil("the find bar shows", () -> robot.lookup("#" + FindBar.QUERY_ID).tryQuery().isPresent());
        robot.write("size");
        Label status = robot.lookup("#" + FindBar.STATUS_ID).queryAs(Label.class);
        waitUntil("three matches counted", () -> "3 results".equals(status.getText()));
        robot.type(KeyCode.ENTER);
        waitUntil("the first is selected", () -> "1 of 3".equals(status.getText()));
        assertEquals(Selection.of(0, 4), view.buffer().selections().get(0));

        TestWorkbench.clickOn(robot, "#find-regex");
        // set rather than typed: the headless robot's key map does not cover every regex character
        javafx.scene.control.TextField query = robot.lookup("#" + FindBar.QUERY_ID).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> query.setText("size("));
        waitUntil("the bad regex is explained", () -> status.getText().startsWith("Invalid regular expression"));
        robot.interact(() -> query.setText("size\\((\\w)\\)"));
        waitUntil("three regex matches", () -> status.getText().endsWith("3 results") || status.getText().endsWith("of 3"));
        javafx.scene.control.TextField replacement = robot.lookup("#" + FindBar.REPLACE_ID)
                .queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> replacement.setText("[$1]"));
        TestWorkbench.clickOn(robot, "#find-replace-all");
        assertEquals("[a] [b]\n[c]\n", document().text(), "size(x) -> [x] with the group");
        TestWorkbench.clickOn(robot, view);
        ctrl(robot, KeyCode.Z);
        assertEquals("size(a) size(b)\nsize(c)\n", document().text(), "replace all is one undo step");
    }

    @Test
    void aLargeFileRendersOnlyVisibleLinesAndGoesToAnyLine(FxRobot robot) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            sb.append("line ").append(i + 1).append(" of the big file\n");
        }
        EditorView view = open(robot, "big.txt", sb.toString());
        ctrl(robot, KeyCode.G);
        waitUntil("the go-to-line bar shows", () -> robot.lookup("#" + GoToLineBar.FIELD_ID).tryQuery().isPresent());
        javafx.scene.control.TextField line = robot.lookup("#" + GoToLineBar.FIELD_ID).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> line.setText("150000:6"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("line 150000 of the big file", view.paintedLine(149_999));
        assertEquals(new int[] {150000, 6}[0], view.controller().caretLineColumn()[0]);
        assertEquals(6, view.controller().caretLineColumn()[1]);
        assertNull(view.paintedLine(10), "lines far away are not painted");
        long texts = countTexts(view);
        assertTrue(texts < 400, "only visible lines have nodes: " + texts);
        assertNotNull(view.caretPoint());
    }

    @Test
    void aJavaKeywordIsPaintedInItsThemeColourAndPlainTextIsNot(FxRobot robot) throws Exception {
        EditorView view = open(robot, "Main.java", "public class Main {\n    int x = 42;\n}\n");
        waitUntil("the keyword gets a colour other than the plain foreground", () -> onFx(() -> {
            javafx.scene.paint.Paint fill = view.paintedFill(0, 1);
            return fill != null && !fill.equals(view.colors().foreground());
        }));
        javafx.scene.paint.Paint keyword = onFx(() -> view.paintedFill(0, 1));
        assertEquals(keyword, onFx(() -> view.paintedFill(0, 8)), "'class' is a keyword too");
        assertTrue(!keyword.equals(onFx(() -> view.paintedFill(0, 14))), "the class name is not painted as a keyword");
        assertEquals("public class Main {", onFx(() -> view.paintedLine(0)));
        String status = onFx(this::caretStatus);
        assertTrue(status.contains("Java"), status);
    }

    private static long countTexts(Node node) {
        if (node instanceof Text) {
            return 1;
        }
        if (node instanceof javafx.scene.Parent p) {
            return p.getChildrenUnmodifiable().stream().mapToLong(EditorViewUiTest::countTexts).sum();
        }
        return 0;
    }
}
