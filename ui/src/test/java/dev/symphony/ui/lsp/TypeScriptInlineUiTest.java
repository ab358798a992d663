package dev.symphony.ui.lsp;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.editor.EditorPane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a language server shows inside the text, through the workbench, against the real typescript-language-server
 * (one server for the test) told {@code completions.completeFunctionCalls} and to give parameter-name and variable-type
 * inlay hints (the server setting {@code settings}, sent as {@code workspace/didChangeConfiguration}).
 * <p>Snippet tab stops ({@link #snippets}): the resolve of {@code pair} makes it the snippet
 * {@code pair(${1:first}, ${2:second})$0}; Enter inserts it with {@code first} selected, typing replaces it, Tab selects
 * {@code second}, Shift+Tab goes back, Tab to {@code $0} puts the caret after the call and ends snippet mode; in a
 * second insertion Escape ends it. Screenshot {@code lsp-snippet.png}.
 * <p>Inlay hints ({@link #inlayHints}): {@code width: } and {@code height: } before the arguments of a call and
 * {@code : number} after a variable's name, painted inside the line; an edit above moves them at once, typing where one
 * sits drops it at once and the server's next answer shows it again in its new place; a call 300 lines down gets its
 * hints once the view scrolls to it. Screenshot {@code lsp-inlay-hints.png}.
 * <p>Skipped with a message without the server.
 */
@ExtendWith(ApplicationExtension.class)
class TypeScriptInlineUiTest {
    private static final String SETTINGS = "{\"dev.symphony.samples.lsp.servers\": {\"typescript\": {\"settings\": {"
            + "\"completions\": {\"completeFunctionCalls\": true},"
            + "\"typescript\": {\"inlayHints\": {\"includeInlayParameterNameHints\": \"all\", \"includeInlayVariableTypeHints\": true}}}}}}";
    private LspUiTests.Session session;
    private TestWorkbench bench;

    @BeforeAll
    static void serverInstalled() {
        LspUiTests.assumeTypeScript();
    }

    @Start
    void start(Stage stage) throws Exception {
        session = LspUiTests.Session.start(stage, "lsp-snippets", SETTINGS);
        bench = session.bench();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void snippetTabStopsAndInlayHints(FxRobot robot) throws Exception {
        write("tsconfig.json", "{\"compilerOptions\": {\"strict\": true, \"target\": \"es2020\", \"module\": \"commonjs\"}}");
        snippets(robot);
        inlayHints(robot);
    }

    /** A function completion inserts its parameters as tab stops. */
    private void snippets(FxRobot robot) throws Exception {
        // declared here: an imported name is an alias, which the server does not complete as a call
        Path main = write("main.ts", "function pair(first: number, second: number): number {\n  return first + second;\n}\n");
        robot.interact(() -> bench.workbench.openFile(main, d -> { }));
        EditorPane pane = bench.workbench.tabsView().activeEditor();
        LanguageFeatures features = session.extensions().languageFeatures();
        robot.interact(() -> {
            pane.view().requestFocus();
            var b = pane.view().buffer();
            b.setSelections(SelectionSet.cursorAt(b.text().length()));
        });

        robot.write("const total = pai");
        acceptPairAsSnippet(robot, features);
        waitUntil("pair's snippet was inserted", () -> text(pane).endsWith("const total = pair(first, second)"));
        assertTrue(features.snippets().isActive(), "snippet mode is on");
        assertEquals("first", selected(pane), "the first tab stop is selected");
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "lsp-snippet.png"));

        robot.write("1");
        robot.interact(features.completion()::close); // a digit is a word: its completion list must not take the Tab
        assertTrue(text(pane).endsWith("pair(1, second)"), text(pane));
        robot.type(KeyCode.TAB);
        assertEquals("second", selected(pane), "Tab selects the second stop");
        robot.write("2");
        robot.interact(features.completion()::close);
        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        assertEquals("1", selected(pane), "Shift+Tab selects the first stop again, as typed");
        robot.type(KeyCode.TAB);
        assertEquals("2", selected(pane));
        robot.type(KeyCode.TAB);
        assertFalse(features.snippets().isActive(), "reaching $0 ends snippet mode");
        assertTrue(text(pane).endsWith("const total = pair(1, 2)"), text(pane));
        assertEquals(text(pane).length(), caret(pane), "the caret at $0, after the call");
        robot.type(KeyCode.TAB);
        assertTrue(text(pane).matches("(?s).*pair\\(1, 2\\)[ \t]+"), "out of snippet mode Tab indents as usual: " + text(pane));

        // a second insertion: Escape leaves snippet mode with the placeholder still selected
        robot.interact(() -> {
            var b = pane.view().buffer();
            b.edit(new dev.symphony.editor.text.ChangeSet(java.util.List.of(
                    new dev.symphony.editor.text.TextEdit(b.text().toString().stripTrailing().length(), b.text().length(), ";\n"))),
                    dev.symphony.editor.buffer.EditKind.COMMAND);
            b.setSelections(SelectionSet.cursorAt(b.text().length()));
        });
        robot.write("const again = pai");
        acceptPairAsSnippet(robot, features);
        waitUntil("pair's snippet was inserted again", () -> text(pane).endsWith("const again = pair(first, second)"));
        assertTrue(features.snippets().isActive());
        robot.type(KeyCode.ESCAPE);
        assertFalse(features.snippets().isActive(), "Escape ends snippet mode");
        assertEquals("first", selected(pane), "and leaves the selection");
    }

    /** Parameter-name and variable-type hints inside the lines, moved with edits, never stale, asked for as the view scrolls. */
    private void inlayHints(FxRobot robot) throws Exception {
        String call = "const big = area(3, 4);\n";
        String text = "function area(width: number, height: number): number {\n  return width * height;\n}\n" + call
                + "// filler\n".repeat(300) + "const far = area(5, 6);\n";
        Path file = write("hints.ts", text);
        robot.interact(() -> bench.workbench.openFile(file, d -> { }));
        EditorPane pane = bench.workbench.tabsView().activeEditor();
        var view = pane.view();
        LanguageFeatures features = session.extensions().languageFeatures();
        LspUiTests.waitForServer(robot, bench, "the server's hints are painted in line 4", () -> {
            List<String> painted = view.paintedInlays(3);
            return painted != null && painted.stream().anyMatch(l -> l.startsWith("width:"))
                    && painted.stream().anyMatch(l -> l.startsWith("height:")) && painted.stream().anyMatch(l -> l.contains(": number"));
        }, () -> "painted: " + view.paintedInlays(3) + ", hints: " + features.inlayHints().hints(view).describe());
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "lsp-inlay-hints.png"));
        int three = text.indexOf(call) + call.indexOf('3');
        String atThree = features.inlayHints().hints(view).describe().stream().filter(h -> h.startsWith(three + ":")).findFirst().orElseThrow();
        assertTrue(atThree.startsWith(three + ":width:"), atThree);
        double advance = view.metrics().advance();
        assertTrue(caretX(robot, view, three + 1) - caretX(robot, view, three) > 5 * advance, "the caret after 3 is past the width: hint");

        // an edit above: the hints move with the text at once, before the server answers again
        AtomicReference<List<String>> moved = new AtomicReference<>();
        robot.interact(() -> {
            var b = view.buffer();
            b.edit(dev.symphony.editor.text.ChangeSet.of(dev.symphony.editor.text.TextEdit.insert(0, "// top\n")),
                    dev.symphony.editor.buffer.EditKind.COMMAND);
            moved.set(features.inlayHints().hints(view).describe());
        });
        assertTrue(moved.get().contains((three + 7) + atThree.substring(atThree.indexOf(':'))), "moved by the 7 characters above: " + moved.get());

        // typing where a hint sits drops it at once; the server's next answer shows it again before the new argument
        int newThree = three + 7;
        AtomicReference<List<String>> typed = new AtomicReference<>();
        robot.interact(() -> {
            view.requestFocus();
            view.buffer().setSelections(SelectionSet.cursorAt(newThree));
        });
        robot.write("1");
        robot.interact(() -> {
            features.completion().close();
            typed.set(features.inlayHints().hints(view).describe());
        });
        assertTrue(typed.get().stream().noneMatch(h -> h.startsWith(newThree + ":") || h.startsWith((newThree + 1) + ":")),
                "no hint where the text changed: " + typed.get());
        LspUiTests.waitForServer(robot, bench, "the server shows width: again before 13", () -> features.inlayHints().hints(view).describe()
                .stream().anyMatch(h -> h.startsWith(newThree + ":width:")), () -> "hints: " + features.inlayHints().hints(view).describe());
        assertTrue(view.buffer().text().toString().contains("area(13, 4)"));
        waitUntil("the caret after 13 is past the width: hint again",
                () -> caretX(robot, view, newThree + 2) - caretX(robot, view, newThree) > 6 * advance);

        // the call 300 lines down: asked for once the view scrolls to it
        int farLine = view.buffer().text().lineCount() - 2;
        robot.interact(() -> view.scrollTo(farLine - 5));
        LspUiTests.waitForServer(robot, bench, "the far call's hints once scrolled to", () -> {
            List<String> painted = view.paintedInlays(farLine);
            return painted != null && painted.stream().anyMatch(l -> l.startsWith("width:"));
        }, () -> "painted: " + view.paintedInlays(farLine) + ", hints: " + features.inlayHints().hints(view).describe());
    }

    /** Waits until the list offers {@code pair} resolved as a snippet with tab stops, then Enter. */
    private void acceptPairAsSnippet(FxRobot robot, LanguageFeatures features) throws Exception {
        LspUiTests.waitForServer(robot, bench, "the completion list offers pair, resolved as a snippet", () -> {
            if (!features.completion().isShowing()) {
                robot.interact(() -> bench.workbench.window().run(LanguageFeatures.TRIGGER_SUGGEST));
                LspUiTests.sleep(1000);
            }
            CompletionModel.Item r = features.completion().selectedResolved();
            if (r != null && r.label().equals("pair") && r.stops() == null) {
                robot.interact(() -> features.completion().close()); // resolved before the server took its settings: ask again
                return false;
            }
            return features.completion().isShowing() && r != null && r.label().equals("pair") && r.stops() != null;
        }, () -> "shown: " + features.completion().shown().stream().limit(5).map(CompletionModel.Item::label).toList()
                + ", resolved: " + features.completion().selectedResolved());
        robot.type(KeyCode.ENTER);
    }

    private static double caretX(FxRobot robot, dev.symphony.ui.editor.EditorView view, int offset) {
        double[] x = new double[1];
        robot.interact(() -> {
            view.buffer().setSelections(SelectionSet.cursorAt(offset));
            view.layout();
            x[0] = view.caretPoint().getX();
        });
        return x[0];
    }

    private static String text(EditorPane pane) {
        return pane.view().buffer().text().toString();
    }

    private static int caret(EditorPane pane) {
        return pane.view().buffer().selections().get(0).head();
    }

    private static String selected(EditorPane pane) {
        Selection s = pane.view().buffer().selections().get(0);
        return pane.view().buffer().text().substring(s.start(), s.end()).toString();
    }

    private Path write(String name, String text) throws Exception {
        Path f = bench.workspace.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
