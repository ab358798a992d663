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
 * A code action that is only a server command, through the real workbench, kernel, host and typescript-language-server:
 * with {@code 2 * 3} selected, Ctrl+. lists "Extract to constant …" (the server's {@code _typescript.applyRefactoring});
 * Enter runs it ({@code workspace/executeCommand}); the server's own edit ({@code workspace/applyEdit}) comes back over the
 * bus and, as it touches only the open file, is applied without a prompt as one undoable step. Skipped with a message
 * without the server.
 */
@ExtendWith(ApplicationExtension.class)
class ServerCommandUiTest {
    private LspUiTests.Session session;
    private TestWorkbench bench;

    @BeforeAll
    static void serverInstalled() {
        LspUiTests.assumeTypeScript();
    }

    @Start
    void start(Stage stage) throws Exception {
        session = LspUiTests.Session.start(stage, "lsp-commands");
        bench = session.bench();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aRefactoringRunsAsTheServersCommandAndItsEditIsOneUndoStep(FxRobot robot) throws Exception {
        Files.writeString(bench.workspace.resolve("tsconfig.json"), "{\"compilerOptions\": {\"strict\": true, \"target\": \"es2020\"}}");
        String text = "export function area(w: number, h: number): number {\n  return w * h + 2 * 3;\n}\n";
        Path calc = Files.writeString(bench.workspace.resolve("calc.ts"), text);
        robot.interact(() -> bench.workbench.openFile(calc, d -> { }));
        EditorPane pane = bench.workbench.tabsView().activeEditor();
        LanguageFeatures features = session.extensions().languageFeatures();
        int from = text.indexOf("2 * 3");
        robot.interact(() -> {
            pane.view().requestFocus();
            pane.view().buffer().setSelections(SelectionSet.single(Selection.of(from, from + 5)));
        });
        // the server answers no refactorings until its project is loaded: ask again until it lists the extraction
        LspUiTests.waitForServer(robot, bench, "Ctrl+. lists Extract to constant", () -> {
            if (extractIndex(features) >= 0) {
                return true;
            }
            robot.interact(() -> features.codeActions().close());
            robot.push(KeyCode.CONTROL, KeyCode.PERIOD);
            LspUiTests.sleep(1000);
            return extractIndex(features) >= 0;
        }, () -> "listed: " + features.codeActions().shown());
        int index = extractIndex(features);
        CodeActionMenu.Action extract = features.codeActions().shown().get(index);
        assertTrue(extract.edit() == null && extract.command() >= 0, "a command, not an edit: " + extract);
        for (int i = 0; i < index; i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
        LspUiTests.waitForServer(robot, bench, "the server's edit extracted the constant", () -> !text(pane).equals(text)
                && text(pane).matches("(?s).*const \\w+ = 2 \\* 3;.*") && !text(pane).contains("w * h + 2 * 3"), () -> text(pane));
        assertFalse(features.serverEditPreview().isShowing(), "an edit of an open file only needs no approval");
        robot.interact(() -> pane.view().buffer().undo());
        assertEquals(text, text(pane), "one undo takes the server's edit back");
    }

    private static int extractIndex(LanguageFeatures features) {
        List<CodeActionMenu.Action> shown = features.codeActions().shown();
        for (int i = 0; i < shown.size(); i++) {
            if (features.codeActions().isShowing() && shown.get(i).title().startsWith("Extract to constant")) {
                return i;
            }
        }
        return -1;
    }

    private static String text(EditorPane pane) {
        return pane.view().buffer().text().toString();
    }
}
