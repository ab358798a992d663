package dev.symphony.ui.lsp;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.extensions.ExtensionsWorkbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.regex.Pattern;
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
 * A quick fix and an auto-importing completion through the workbench, against the real typescript-language-server in
 * the lsp extension's real host (one server, one test). {@code main.ts} calls {@code greet} without importing it: the
 * server's "Cannot find name" squiggles it, the light bulb shows with the caret on it, Ctrl+. lists "Add import from
 * "./lib"" first (the server's preferred fix), Enter applies it, one undo takes it back and Enter again re-applies.
 * Then completing {@code farew} offers {@code farewell} from {@code lib.ts}; accepting it after its resolve inserts the
 * name and adds it to the import (the item's additional edit) in one undoable step. Ctrl+Shift+I formats the file in
 * one undoable step. Then signature help, references, the outline and workspace symbols ({@link #navigation}).
 * Screenshots {@code lsp-quickfix.png}, {@code lsp-signature.png}, {@code lsp-references.png}.
 * Skipped with a message without the server.
 */
@ExtendWith(ApplicationExtension.class)
class TypeScriptUiTest {
    private static final String FOLDER = "typescript-6.0.2-5.9.3"; // the lsp extension's pinned install folder
    private LspUiTests.Session session;
    private TestWorkbench bench;
    private ExtensionsWorkbench extensions;

    @BeforeAll
    static void serverInstalled() {
        LspUiTests.assumeInstalled("typescript", FOLDER, "typescript-language-server");
    }

    @Start
    void start(Stage stage) throws Exception {
        session = LspUiTests.Session.start(stage, "lsp-typescript");
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
    void quickFixAddsTheMissingImportAndCompletionAutoImports(FxRobot robot) throws Exception {
        write("tsconfig.json", "{\"compilerOptions\": {\"strict\": true, \"target\": \"es2020\", \"module\": \"commonjs\"}}");
        write("lib.ts", "export function greet(name: string): string {\n  return \"hello \" + name;\n}\n"
                + "/** Says goodbye. */\nexport function farewell(name: string): string {\n  return \"bye \" + name;\n}\n");
        String mainText = "const message: string = greet(  \"x\" );\n"; // spaces for Format Document
        Path main = write("main.ts", mainText);
        robot.interact(() -> bench.workbench.openFile(main, d -> { }));
        EditorPane pane = bench.workbench.tabsView().activeEditor();
        LanguageFeatures features = extensions.languageFeatures();
        waitFor(robot, "the server's squiggle under greet", () -> pane.view().squiggles().items().stream()
                .anyMatch(s -> s.message().contains("Cannot find name 'greet'")));

        // the caret on greet: the light bulb; Ctrl+.: the preferred fix first; Enter applies it
        int onGreet = mainText.indexOf("greet") + 2;
        robot.interact(() -> {
            pane.view().requestFocus();
            pane.view().buffer().setSelections(SelectionSet.cursorAt(onGreet - 1));
        });
        robot.type(KeyCode.RIGHT);
        waitUntil("the light bulb shows on the diagnostic", () -> features.codeActions().isBulbShowing());
        robot.push(KeyCode.CONTROL, KeyCode.PERIOD);
        waitFor(robot, "the quick fixes are listed", () -> features.codeActions().isShowing());
        assertEquals("Add import from \"./lib\"", features.codeActions().shown().get(0).title(), features.codeActions().shown().toString());
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "lsp-quickfix.png"));
        robot.type(KeyCode.ENTER);
        String imported = "import { greet } from \"./lib\";\n";
        waitUntil("the import was added", () -> pane.view().buffer().text().toString().startsWith(imported));
        assertTrue(pane.view().buffer().text().toString().endsWith(mainText), pane.view().buffer().text().toString());
        robot.interact(() -> pane.view().buffer().undo());
        assertEquals(mainText, pane.view().buffer().text().toString(), "one undo takes the fix back");
        robot.interact(() -> pane.view().buffer().redo());
        waitFor(robot, "the server no longer reports greet", () -> pane.view().squiggles().items().stream()
                .noneMatch(s -> s.message().contains("greet")));

        // completion of "farew": farewell from lib.ts; accepting it adds it to the import in the same step
        robot.interact(() -> {
            var b = pane.view().buffer();
            b.setSelections(SelectionSet.cursorAt(b.text().length()));
        });
        robot.write("const bye = farew");
        waitFor(robot, "the completion list offers farewell, resolved", () -> {
            if (!features.completion().isShowing()) {
                robot.interact(() -> bench.workbench.window().run(LanguageFeatures.TRIGGER_SUGGEST));
                LspUiTests.sleep(1000);
            }
            CompletionModel.Item r = features.completion().selectedResolved();
            if (r != null && r.label().equals("farewell") && r.additionalEdits() == null) {
                // tsserver computes auto-imports within a time budget and may resolve the first request without
                // the import's edit while its export map warms up: ask again, as the next keystroke would
                robot.interact(() -> features.completion().close());
                return false;
            }
            return features.completion().isShowing() && r != null && r.label().equals("farewell");
        }, () -> "shown: " + features.completion().shown().stream().limit(5).map(CompletionModel.Item::label).toList()
                + ", resolved: " + features.completion().selectedResolved());
        assertTrue(features.completion().selectedResolved().additionalEdits() != null,
                "the resolved item carries the import edit: " + features.completion().selectedResolved());
        robot.type(KeyCode.ENTER);
        Pattern bothImported = Pattern.compile("import \\{ (farewell, greet|greet, farewell) \\} from \"./lib\";\n");
        waitUntil("farewell was inserted and imported", () -> {
            String text = pane.view().buffer().text().toString();
            return text.endsWith("const bye = farewell") && bothImported.matcher(text).find();
        });
        robot.interact(() -> pane.view().buffer().undo());
        String undone = pane.view().buffer().text().toString();
        assertTrue(undone.startsWith(imported) && undone.endsWith("const bye = farew"), "one undo takes back name and import: " + undone);

        // Ctrl+Shift+I: the server's formatting edits, one undoable change
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I);
        waitFor(robot, "Format Document took the spaces out", () -> pane.view().buffer().text().toString().contains("greet(\"x\");"));
        robot.interact(() -> pane.view().buffer().undo());
        assertEquals(undone, pane.view().buffer().text().toString(), "one undo takes the formatting back");
        navigation(robot, pane, features);
    }

    /**
     * Typing a call's "(" shows its signature with the parameter in bold; Shift+F12 lists greet's references, Enter
     * opens the one in lib.ts; Ctrl+Shift+O lists main.ts's symbols; Ctrl+T with "farewell" finds it on line 5 of
     * lib.ts (a workspace symbol comes with its whole declaration's range: the column is where the declaration
     * starts, while the outline shows where the name does).
     */
    private void navigation(FxRobot robot, EditorPane pane, LanguageFeatures features) throws Exception {
        robot.interact(() -> {
            var b = pane.view().buffer();
            b.setSelections(SelectionSet.cursorAt(b.text().length()));
        });
        robot.write("\nconst again = greet(");
        waitFor(robot, "the signature of greet, its parameter marked", () -> features.signature().shownText()
                .contains("greet([name: string]): string"), () -> "shown: " + features.signature().shownText());
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "lsp-signature.png"));
        robot.write("\"y\")");
        waitUntil("typing ) hides the signature", () -> !features.signature().isShowing());

        robot.interact(() -> pane.view().buffer().setSelections(SelectionSet.cursorAt(pane.view().buffer().text().toString()
                .indexOf("= greet(") + 3)));
        robot.push(KeyCode.SHIFT, KeyCode.F12);
        waitFor(robot, "greet's references: its declaration in lib.ts and the import and two calls in main.ts",
                () -> features.places().shown().size() == 4, () -> "shown: " + features.places().shown());
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "lsp-references.png"));
        robot.write("lib.ts");
        waitUntil("typing filters to lib.ts", () -> features.places().shown().size() == 1);
        robot.type(KeyCode.ENTER);
        waitUntil("Enter opens lib.ts", () -> bench.workbench.tabsView().activeEditor() != pane
                && bench.workbench.tabsView().activeEditor().view().buffer().text().toString().contains("export function farewell"));

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);
        waitFor(robot, "lib.ts's outline", () -> {
            if (features.places().shown().isEmpty()) { // lib.ts just opened: ask again, as the user would
                LspUiTests.sleep(1000);
                robot.interact(() -> bench.workbench.window().run(LanguageFeatures.DOCUMENT_SYMBOLS));
            }
            return features.places().shown().stream().map(e -> e.text().strip()).toList()
                    .containsAll(java.util.List.of("greet   function   1:17", "farewell   function   5:17"));
        }, () -> "shown: " + features.places().shown());
        robot.type(KeyCode.ESCAPE);
        waitUntil("Escape closes the outline", () -> !features.places().isShowing());

        robot.push(KeyCode.CONTROL, KeyCode.T);
        waitUntil("Go to Symbol in Workspace opens", () -> features.places().isShowing());
        robot.write("farewell");
        waitFor(robot, "farewell in lib.ts", () -> features.places().shown().stream()
                .anyMatch(e -> e.text().startsWith("farewell") && e.text().contains("lib.ts:5:")), () -> "shown: " + features.places().shown());
        robot.type(KeyCode.ESCAPE);
    }

    private Path write(String name, String text) throws Exception {
        Path f = bench.workspace.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private void waitFor(FxRobot robot, String what, Supplier<Boolean> condition) throws Exception {
        waitFor(robot, what, condition, () -> "");
    }

    /** Waits; a timeout also says {@code state}. */
    private void waitFor(FxRobot robot, String what, Supplier<Boolean> condition, Supplier<String> state) throws Exception {
        try {
            LspUiTests.waitForServer(robot, bench, what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(state.get() + "; " + e.getMessage(), e);
        }
    }
}
