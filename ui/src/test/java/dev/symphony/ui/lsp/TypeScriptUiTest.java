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
 * one undoable step. Then signature help, references, the outline and workspace symbols ({@link #navigation}), and
 * the References and Outline views ({@link #docked}), document highlights, type definition, implementations, Format
 * Selection and format on save ({@link #typesAndFormatting}). Screenshot {@code lsp-views.png} too.
 * Screenshots {@code lsp-quickfix.png}, {@code lsp-signature.png}, {@code lsp-references.png}.
 * Skipped with a message without the server.
 */
@ExtendWith(ApplicationExtension.class)
class TypeScriptUiTest {
    private LspUiTests.Session session;
    private TestWorkbench bench;
    private ExtensionsWorkbench extensions;

    @BeforeAll
    static void serverInstalled() {
        LspUiTests.assumeTypeScript();
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
        write("shapes.ts", SHAPES);
        write("use.ts", USE);
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
        waitFor(robot, "farewell was inserted and imported", () -> {
            String text = pane.view().buffer().text().toString();
            return text.endsWith("const bye = farewell") && bothImported.matcher(text).find();
        }, () -> "text: " + pane.view().buffer().text());
        robot.interact(() -> pane.view().buffer().undo());
        String undone = pane.view().buffer().text().toString();
        assertTrue(undone.startsWith(imported) && undone.endsWith("const bye = farew"), "one undo takes back name and import: " + undone);

        // Ctrl+Shift+I: the server's formatting edits, one undoable change
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I);
        waitFor(robot, "Format Document took the spaces out", () -> pane.view().buffer().text().toString().contains("greet(\"x\");"));
        robot.interact(() -> pane.view().buffer().undo());
        assertEquals(undone, pane.view().buffer().text().toString(), "one undo takes the formatting back");
        navigation(robot, pane, features);
        docked(robot, features);
        typesAndFormatting(robot, features);
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
        long[] referencesAsked = {System.currentTimeMillis()};
        waitFor(robot, "greet's references: its declaration in lib.ts and the import and two calls in main.ts", () -> {
            if (features.places().shown().isEmpty() && System.currentTimeMillis() - referencesAsked[0] > 5000) {
                referencesAsked[0] = System.currentTimeMillis(); // a host restarted under load meanwhile: ask again
                robot.push(KeyCode.SHIFT, KeyCode.F12);
            }
            return features.places().shown().size() == 4;
        }, () -> "shown: " + features.places().shown());
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
        long[] asked = {System.currentTimeMillis()};
        waitFor(robot, "farewell in lib.ts", () -> {
            if (features.places().shown().isEmpty() && System.currentTimeMillis() - asked[0] > 3000) {
                // under load the kernel may have restarted the host (a hung heartbeat) and the query reached it before
                // lib.ts was reopened ("the document is not open here"): type the query again, as the user would
                asked[0] = System.currentTimeMillis();
                robot.interact(() -> {
                    features.places().query().setText("");
                    features.places().query().setText("farewell");
                });
            }
            return features.places().shown().stream().anyMatch(e -> e.text().startsWith("farewell") && e.text().contains("lib.ts:5:"));
        }, () -> "shown: " + features.places().shown());
        robot.type(KeyCode.ESCAPE);
    }

    /**
     * Shift+Alt+F12 on greet in lib.ts docks its four places with their lines in the panel, Enter on one opens it; the
     * Outline view lists lib.ts's functions, shows a function added by an edit once the text rests, and follows the
     * active editor to main.ts.
     */
    private void docked(FxRobot robot, LanguageFeatures features) throws Exception {
        robot.interact(() -> bench.workbench.openFile(bench.workspace.resolve("lib.ts"), d -> { }));
        waitUntil("lib.ts is shown", () -> bench.workbench.tabsView().activeEditor().view().buffer().text().toString().contains("farewell"));
        EditorPane lib = bench.workbench.tabsView().activeEditor();
        robot.interact(() -> {
            lib.view().requestFocus();
            lib.view().buffer().setSelections(SelectionSet.cursorAt(lib.view().buffer().text().toString().indexOf("greet") + 1));
        });
        robot.push(KeyCode.SHIFT, KeyCode.ALT, KeyCode.F12);
        long[] asked = {System.currentTimeMillis()};
        waitFor(robot, "the References view lists greet's four places", () -> {
            if (features.referencesView().shown().isEmpty() && System.currentTimeMillis() - asked[0] > 5000) {
                asked[0] = System.currentTimeMillis(); // a host restarted under load meanwhile: ask again, as the user would
                robot.push(KeyCode.SHIFT, KeyCode.ALT, KeyCode.F12);
            }
            return features.referencesView().shown().size() == 4 && bench.workbench.mainView().panelView() == features.referencesView();
        }, () -> "shown: " + features.referencesView().shown());
        var places = features.referencesView().shown().stream().map(LocationPicker.Entry::text).toList();
        assertTrue(places.contains("lib.ts:1:17   export function greet(name: string): string {"), places.toString());
        int again = places.indexOf(places.stream().filter(t -> t.startsWith("main.ts:") && t.endsWith("const again = greet(\"y\")"))
                .findFirst().orElseThrow(() -> new AssertionError("the call in main.ts, its line from the buffer: " + places)));
        robot.interact(() -> {
            features.referencesView().list().requestFocus();
            features.referencesView().list().getSelectionModel().select(again);
        });
        robot.type(KeyCode.ENTER);
        waitUntil("Enter opens main.ts at the call", () -> {
            var b = bench.workbench.tabsView().activeEditor().view().buffer();
            return b.text().toString().contains("const again = greet(") && b.text().lineOf(b.selections().get(0).head())
                    == features.referencesView().shown().get(again).line();
        });

        robot.interact(() -> bench.workbench.openFile(bench.workspace.resolve("lib.ts"), d -> { }));
        waitUntil("lib.ts is back", () -> bench.workbench.tabsView().activeEditor() == lib);
        robot.interact(() -> bench.workbench.window().run(LanguageFeatures.OUTLINE));
        asked[0] = System.currentTimeMillis();
        waitFor(robot, "the Outline view lists lib.ts's functions", () -> {
            if (outline(features).isEmpty() && System.currentTimeMillis() - asked[0] > 5000) {
                asked[0] = System.currentTimeMillis();
                robot.interact(() -> bench.workbench.window().run(LanguageFeatures.OUTLINE));
            }
            return outline(features).containsAll(java.util.List.of("greet   function   1:17", "farewell   function   5:17"));
        }, () -> "shown: " + outline(features));
        robot.interact(() -> {
            var b = lib.view().buffer();
            b.edit(new dev.symphony.editor.text.ChangeSet(java.util.List.of(new dev.symphony.editor.text.TextEdit(b.text().length(),
                    b.text().length(), "export function hello(): void {}\n"))), dev.symphony.editor.buffer.EditKind.TYPING);
        });
        waitFor(robot, "the Outline shows the function the edit added", () -> outline(features).contains("hello   function   8:17"),
                () -> "shown: " + outline(features));
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "lsp-views.png"));
        robot.interact(() -> bench.workbench.openFile(bench.workspace.resolve("main.ts"), d -> { }));
        waitFor(robot, "the Outline follows the active editor to main.ts", () -> outline(features).stream().anyMatch(t -> t.startsWith("again")),
                () -> "shown: " + outline(features));
    }

    private static java.util.List<String> outline(LanguageFeatures features) {
        return features.outline().shown().stream().map(e -> e.text().strip()).toList();
    }

    private static final String SHAPES = "export interface Shape {\n  area(): number;\n}\n"
            + "export class Square implements Shape {\n  area(): number { return 4; }\n}\n"
            + "export class Circle implements Shape {\n  area(): number { return 3; }\n}\n";
    private static final String USE = "import { Shape, Square } from \"./shapes\";\nconst s: Shape = new Square();\ns.area();\n"
            + "const a =   1;\nconst b =   2;\n";

    /**
     * In use.ts, semantic tokens paint the const {@code s} as a constant; the caret resting on {@code s} marks its two places (document highlights) and an edit never leaves them on
     * moved text; Go to Type Definition opens shapes.ts at {@code Shape}; Ctrl+F12 there lists Square and Circle;
     * Shift+Alt+F formats the caret's line only (one undo); with {@code editor.formatOnSave} on, Ctrl+S writes the
     * formatted text.
     */
    private void typesAndFormatting(FxRobot robot, LanguageFeatures features) throws Exception {
        robot.interact(() -> bench.workbench.openFile(bench.workspace.resolve("use.ts"), d -> { }));
        waitUntil("use.ts is shown", () -> bench.workbench.tabsView().activeEditor().view().buffer().text().toString().equals(USE));
        EditorPane pane = bench.workbench.tabsView().activeEditor();
        javafx.scene.paint.Color constant = dev.symphony.ui.editor.syntax.SyntaxStyles.lookOfScope(
                pane.view().colors().background().getBrightness() < 0.5, "variable.other.constant").fill();
        assertTrue(constant != null, "the theme colours constants");
        var useDocument = bench.workbench.tabs().selectedProperty().get();
        long[] activated = {System.currentTimeMillis()};
        waitFor(robot, "semantic tokens paint s (a const) as a constant over TextMate's style", () -> {
            if (features.semantic().tokens(pane.view()).size() == 0 && System.currentTimeMillis() - activated[0] > 5000) {
                activated[0] = System.currentTimeMillis(); // a host restarted under load meanwhile: ask as activating the tab does
                robot.interact(() -> features.semantic().shown(pane.view(), useDocument));
            }
            return constant.equals(pane.view().paintedFill(2, 0));
        }, () -> "painted " + pane.view().paintedFill(2, 0) + ", tokens " + features.semantic().tokens(pane.view()).size());
        int onS = USE.indexOf("s.area");
        int declared = USE.indexOf("s: Shape");
        robot.interact(() -> {
            pane.view().requestFocus();
            pane.view().buffer().setSelections(SelectionSet.cursorAt(onS - 1));
        });
        robot.type(KeyCode.RIGHT); // a key moves the caret onto s: it rests there
        long[] nudged = {System.currentTimeMillis()};
        waitFor(robot, "s's two places are marked", () -> {
            if (features.highlights().shown().isEmpty() && System.currentTimeMillis() - nudged[0] > 2000) {
                nudged[0] = System.currentTimeMillis(); // use.ts just opened: rest again, as the user's next key would ask
                robot.type(KeyCode.RIGHT).type(KeyCode.LEFT);
            }
            return features.highlights().shown().stream().map(b -> b.start() + "-" + b.end()).toList()
                    .equals(java.util.List.of(declared + "-" + (declared + 1), onS + "-" + (onS + 1)));
        }, () -> "marked: " + features.highlights().shown().stream().map(b -> b.start() + "-" + b.end()).toList());
        assertEquals(2, pane.view().textHighlights().size(), "painted behind the text");
        robot.write("x"); // "xs.area()": the marks of s are gone at once; any new ones are xs's, never the moved old ones
        assertTrue(pane.view().textHighlights().stream().allMatch(b -> b.start() == onS && b.end() == onS + 2),
                "marks only for the text shown: " + pane.view().textHighlights());
        robot.interact(() -> {
            pane.view().buffer().undo();
            features.completion().close(); // "xs" may have asked for completions
            pane.view().buffer().setSelections(SelectionSet.cursorAt(onS));
        });
        robot.interact(() -> bench.workbench.window().run(LanguageFeatures.GO_TO_TYPE_DEFINITION));
        long[] typeAsked = {System.currentTimeMillis()};
        waitFor(robot, "Go to Type Definition opens shapes.ts on Shape's line", () -> {
            EditorPane now = bench.workbench.tabsView().activeEditor();
            if (now == pane && System.currentTimeMillis() - typeAsked[0] > 5000) {
                typeAsked[0] = System.currentTimeMillis(); // a host restarted under load meanwhile: ask again
                robot.interact(() -> bench.workbench.window().run(LanguageFeatures.GO_TO_TYPE_DEFINITION));
            }
            return now != pane && now.view().buffer().text().toString().equals(SHAPES)
                    && now.view().buffer().text().lineOf(now.view().buffer().selections().get(0).head()) == 0;
        });
        robot.interact(() -> {
            var b = bench.workbench.tabsView().activeEditor().view().buffer();
            b.setSelections(SelectionSet.cursorAt(SHAPES.indexOf("Shape"))); // on the name, whatever column the server gave
        });
        robot.push(KeyCode.CONTROL, KeyCode.F12);
        long[] asked = {System.currentTimeMillis()};
        waitFor(robot, "Ctrl+F12 lists Shape's two implementations", () -> {
            if (!features.places().isShowing() && System.currentTimeMillis() - asked[0] > 3000) {
                asked[0] = System.currentTimeMillis(); // shapes.ts just opened: ask again, as the user would
                robot.push(KeyCode.CONTROL, KeyCode.F12);
            }
            return features.places().shown().stream().map(e -> e.text().substring(0, e.text().lastIndexOf(':'))).sorted().toList()
                    .equals(java.util.List.of("shapes.ts:4", "shapes.ts:7"));
        }, () -> "shown: " + features.places().shown());
        robot.type(KeyCode.ESCAPE);
        waitUntil("Escape closes the list", () -> !features.places().isShowing());

        robot.interact(() -> bench.workbench.openFile(bench.workspace.resolve("use.ts"), d -> { }));
        waitUntil("use.ts is back", () -> bench.workbench.tabsView().activeEditor() == pane);
        robot.interact(() -> {
            pane.view().requestFocus();
            pane.view().buffer().setSelections(SelectionSet.cursorAt(USE.indexOf("const a") + 3));
        });
        robot.push(KeyCode.SHIFT, KeyCode.ALT, KeyCode.F);
        waitFor(robot, "Format Selection formats the caret's line only", () -> pane.view().buffer().text().toString()
                .contains("const a = 1;\nconst b =   2;"), () -> "text: " + pane.view().buffer().text());
        robot.interact(() -> pane.view().buffer().undo());
        assertEquals(USE, pane.view().buffer().text().toString(), "one undo takes Format Selection back");
        robot.interact(() -> pane.view().buffer().redo());

        bench.workbench.services().settings().set(dev.symphony.kernel.settings.SettingsScope.USER, "editor.formatOnSave",
                com.fasterxml.jackson.databind.node.BooleanNode.TRUE);
        Path use = bench.workspace.resolve("use.ts");
        var document = bench.workbench.tabs().selectedProperty().get();
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitFor(robot, "Ctrl+S formats use.ts, then writes it", () -> {
            String disk = read(use);
            if (!document.dirtyProperty().get() && disk.contains("const b =   2;")) {
                // the server did not answer within the save's wait (a loaded machine): the save went ahead as it should;
                // make an edit and save again, as the user would
                robot.interact(() -> pane.view().buffer().setSelections(SelectionSet.cursorAt(pane.view().buffer().text().length())));
                robot.write(" ");
                robot.push(KeyCode.CONTROL, KeyCode.S);
                return false;
            }
            return disk.contains("const a = 1;\nconst b = 2;") && !document.dirtyProperty().get();
        }, () -> "on disk: " + read(use));
        assertEquals(read(use), pane.view().buffer().text().toString(), "the formatted text is what was saved");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
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
        LspUiTests.waitForServer(robot, bench, what, condition, state);
    }
}
