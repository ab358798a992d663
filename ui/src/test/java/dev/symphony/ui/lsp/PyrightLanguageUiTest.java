package dev.symphony.ui.lsp;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.extensions.ExtensionsWorkbench;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.TextField;
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
 * Completion, hover, go to definition and rename through the workbench, against the real pyright in the lsp
 * extension's real host (one server for the whole class: one test walks through the features). Completion: Ctrl+Space
 * at {@code gre} lists {@code greet} from another module, typing filters, Enter inserts it. Hover: the function's
 * signature and docstring, Markdown shown as plain text. F12 opens the defining file at the name. Rename: the preview
 * lists the three files, Apply edits each buffer in one step, and one undo per buffer restores it. Screenshots
 * {@code lsp-completion.png} and {@code lsp-hover.png}. Skipped with a message without pyright.
 */
@ExtendWith(ApplicationExtension.class)
class PyrightLanguageUiTest {
    private LspUiTests.Session session;
    private TestWorkbench bench;
    private ExtensionsWorkbench extensions;

    @BeforeAll
    static void pyrightInstalled() {
        PyrightUiTest.pyrightInstalled();
    }

    @Start
    void start(Stage stage) throws Exception {
        session = LspUiTests.Session.start(stage, "lsp-language");
        bench = session.bench();
        extensions = session.extensions();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void completionHoverDefinitionAndRenameFromPyright(FxRobot robot) throws Exception {
        Path lib = write("lib.py", "def greet(name: str) -> str:\n    \"\"\"Say hello to someone by name.\"\"\"\n    return \"hello \" + name\n");
        Path other = write("other.py", "from lib import greet\n\nprint(greet(\"b\"))\n");
        String mainText = "from lib import greet\n\nprint(greet(\"a\"))\nmessage = gre\n";
        Path main = write("main.py", mainText);
        robot.interact(() -> bench.workbench.openFile(main, d -> { }));
        waitForServer(robot, "pyright is ready", () -> statusItem(robot).contains("ready"));
        EditorPane pane = bench.workbench.tabsView().activeEditor();
        LanguageFeatures features = extensions.languageFeatures();

        // completion at "gre": greet (from lib), filtered as "e" is typed, inserted by Enter
        int atGre = mainText.indexOf("gre\n") + 3;
        robot.interact(() -> {
            pane.view().requestFocus();
            pane.view().buffer().setSelections(SelectionSet.cursorAt(atGre));
        });
        waitForServer(robot, "the completion list shows greet", () -> {
            if (!features.completion().isShowing()) {
                robot.interact(() -> bench.workbench.window().run(LanguageFeatures.TRIGGER_SUGGEST));
                sleep(1000);
            }
            return features.completion().isShowing() && features.completion().shown().stream().anyMatch(i -> i.label().equals("greet"));
        });
        robot.write("e");
        waitUntil("typing filters the list to names like 'gree'", () -> {
            List<CompletionModel.Item> shown = features.completion().shown();
            return !shown.isEmpty() && shown.get(0).label().equals("greet")
                    && shown.stream().allMatch(i -> CompletionModel.filter(List.of(i), "gree").size() == 1);
        });
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "lsp-completion.png"));
        robot.type(KeyCode.ENTER);
        waitUntil("Enter inserted greet", () -> pane.view().buffer().text().toString().contains("message = greet\n"));
        assertTrue(!features.completion().isShowing(), "the list closed");

        // hover on greet in print(greet("a")): its signature and docstring, Markdown as plain text
        int onGreet = mainText.indexOf("greet(\"a\")") + 2;
        robot.interact(() -> {
            pane.view().buffer().setSelections(SelectionSet.cursorAt(onGreet));
            bench.workbench.window().run(LanguageFeatures.SHOW_HOVER);
        });
        waitForServer(robot, "the hover tip shows greet's docstring", () -> features.hover().shownText().contains("Say hello to someone by name."));
        String tip = features.hover().shownText();
        assertTrue(tip.contains("def greet(name: str) -> str") && !tip.contains("```"), tip);
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "lsp-hover.png"));

        // F12 on greet: lib.py opens with the caret on the definition's name
        robot.interact(() -> bench.workbench.window().run(LanguageFeatures.GO_TO_DEFINITION));
        waitForServer(robot, "F12 opened lib.py at greet", () -> {
            EditorPane active = bench.workbench.tabsView().activeEditor();
            return active != null && lib.equals(active.file()) && active.view().buffer().selections().get(0).head() == 4;
        });

        // rename greet -> salute from main.py: preview of three files, applied one step per buffer, undone per buffer
        robot.interact(() -> bench.workbench.openFile(main, d -> { }));
        waitUntil("main.py is active again", () -> main.equals(bench.workbench.tabsView().activeEditor().file()));
        robot.interact(() -> {
            pane.view().buffer().setSelections(SelectionSet.cursorAt(onGreet));
            bench.workbench.window().run(LanguageFeatures.RENAME);
        });
        robot.interact(() -> robot.lookup("#" + RenameFlow.INPUT_ID).queryAs(TextField.class).setText("salute"));
        robot.type(KeyCode.ENTER);
        waitForServer(robot, "the rename preview lists three files", () -> features.rename().isPreviewShowing());
        List<String> preview = features.rename().previewLines();
        for (String f : List.of("lib.py", "main.py", "other.py")) {
            assertTrue(preview.stream().anyMatch(l -> l.startsWith(f + " — ")), f + " in the preview: " + preview);
        }
        robot.interact(() -> robot.lookup("#" + RenameFlow.APPLY_ID).queryButton().fire());
        waitUntil("the rename edited three buffers", () -> features.rename().applied().size() == 3);
        for (Path f : List.of(lib, main, other)) {
            OpenDocument d = bench.workbench.tabs().find(f).orElseThrow();
            String text = d.buffer().text().toString();
            assertTrue(text.contains("salute") && !text.contains("greet"), f + ": " + text);
            robot.interact(() -> d.buffer().undo());
            assertTrue(d.buffer().text().toString().contains("greet") && !d.buffer().text().toString().contains("salute"),
                    "one undo restores " + f.getFileName());
        }
        assertEquals(0, features.completion().staleDropped(), "no answer was dropped as stale in a test that waits for each");
    }

    private Path write(String name, String text) throws Exception {
        Path f = bench.workspace.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static void sleep(long ms) {
        LspUiTests.sleep(ms);
    }

    private static String statusItem(FxRobot robot) {
        return LspUiTests.statusItem(robot);
    }

    private void waitForServer(FxRobot robot, String what, Supplier<Boolean> condition) throws Exception {
        LspUiTests.waitForServer(robot, bench, what, condition);
    }
}
