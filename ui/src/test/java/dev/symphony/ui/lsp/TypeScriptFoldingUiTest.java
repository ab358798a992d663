package dev.symphony.ui.lsp;

import static dev.symphony.ui.TestWorkbench.onFx;
import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.symphony.editor.fold.FoldRegion;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.editor.EditorView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Folding ranges end to end against the real typescript-language-server: an array literal written without indentation
 * has no indentation region, so its chevron comes from the server's {@code textDocument/foldingRange}; folding it hides
 * its lines; lines inserted above move the fold, and the server's next answer (for the new text) adds their array.
 * Skipped with a message without the server.
 */
@ExtendWith(ApplicationExtension.class)
class TypeScriptFoldingUiTest {
    private static final String TEXT = "const a = [\n1,\n2,\n];\nexport function f(): number {\n  return a.length;\n}\n";
    private LspUiTests.Session session;
    private TestWorkbench bench;

    @BeforeAll
    static void serverInstalled() {
        LspUiTests.assumeTypeScript();
    }

    @Start
    void start(Stage stage) throws Exception {
        session = LspUiTests.Session.start(stage, "lsp-folding");
        bench = session.bench();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theServersRangesAreTheEditorsFoldableRegions(FxRobot robot) throws Exception {
        Path file = bench.workspace.resolve("fold.ts");
        Files.writeString(file, TEXT);
        robot.interact(() -> bench.workbench.openFile(file, d -> { }));
        waitUntil("fold.ts opens", () -> bench.workbench.tabsView().activeEditor() != null);
        EditorView view = onFx(() -> bench.workbench.tabsView().activeEditor().view());
        LspUiTests.waitForServer(robot, bench, "typescript runs", () -> LspUiTests.statusItem(robot).contains("typescript: ready"));
        // an edit asks again at once: the ask when the file opened may have come before the extension served it
        robot.interact(() -> view.buffer().edit(ChangeSet.of(TextEdit.insert(view.buffer().text().length(), "\n")), EditKind.COMMAND));
        LspUiTests.waitForServer(robot, bench, "the server's folding ranges replace the indentation regions",
                () -> onFx(() -> view.folding().regionsFromServer()));
        FoldRegion array = onFx(() -> view.folding().regionStartingAt(0));
        assertNotNull(array, "the array's range (indentation has none there): " + onFx(() -> view.folding().regions()));
        // the gutter shows the new regions with its next paint, a pulse after the model has them
        waitUntil("the array's chevron is the server's", 10, () -> onFx(view::foldChevrons).get(0).equals("0:⌄"),
                () -> "the gutter shows " + onFx(view::foldChevrons) + " for the regions " + onFx(() -> view.folding().regions()));

        robot.interact(() -> view.folding().toggle(0));
        waitUntil("the array's elements are hidden (painted)", () -> onFx(() -> view.paintedLine(1) == null));
        assertEquals(List.of(array), onFx(() -> view.folding().folded()));

        robot.interact(() -> view.buffer().edit(ChangeSet.of(TextEdit.insert(0, "const b = [\n3,\n];\n")), EditKind.COMMAND));
        FoldRegion moved = new FoldRegion(array.startLine() + 3, array.endLine() + 3);
        waitUntil("the fold moved down with its text", () -> onFx(() -> view.folding().folded()).equals(List.of(moved)));
        LspUiTests.waitForServer(robot, bench, "the server's answer for the new text: b's array is foldable",
                () -> onFx(() -> view.folding().regionStartingAt(0) != null));
        assertEquals(List.of(moved), onFx(() -> view.folding().folded()), "the fold is kept");
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "lsp-folding.png"));
    }
}
