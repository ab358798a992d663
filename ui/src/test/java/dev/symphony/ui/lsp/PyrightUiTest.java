package dev.symphony.ui.lsp;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.editor.Squiggles;
import dev.symphony.ui.extensions.ExtensionsWorkbench;
import dev.symphony.ui.problems.Problem;
import dev.symphony.ui.problems.ProblemNavigation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The lsp extension in a real host (development mode, sandboxed where bubblewrap works) with the real pyright, through
 * the workbench: opening a Python file with a type error shows a squiggle under the bad argument and an entry in the
 * Problems view; an edit above it moves both at once (before pyright answers again); F8 goes to it; fixing it clears
 * both. Skipped with a message when pyright is not installed ({@code .ci/run} installs it).
 */
@ExtendWith(ApplicationExtension.class)
class PyrightUiTest {
    private static final String PYRIGHT_FOLDER = "pyright-1.1.414"; // the lsp extension's pinned install folder
    private LspUiTests.Session session;
    private TestWorkbench bench;
    private ExtensionsWorkbench extensions;

    @BeforeAll
    static void pyrightInstalled() {
        LspUiTests.assumeInstalled("pyright", PYRIGHT_FOLDER, "pyright-langserver");
    }

    @Start
    void start(Stage stage) throws Exception {
        session = LspUiTests.Session.start(stage, "lsp");
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
    void aTypeErrorIsSquiggledListedMovedWithEditsAndCleared(FxRobot robot) throws Exception {
        Path file = bench.workspace.resolve("main.py");
        Files.writeString(file, "def twice(n: int) -> int:\n    return n * 2\n\nresult: int = twice(\"two\")\n");
        robot.interact(() -> bench.workbench.openFile(file, d -> {}));
        waitForServer(robot, "pyright's diagnostic is in the Problems view", () -> problemsOf(file).size() == 1);
        Problem p = problemsOf(file).get(0);
        assertEquals(4, p.line(), p.describe());
        assertEquals(21, p.column(), p.describe());
        assertTrue(p.message().startsWith("[error] ") && p.message().contains("\"int\"") && p.message().endsWith("(lsp)"), p.describe());
        EditorPane pane = bench.workbench.tabsView().activeEditor();
        Squiggles.Squiggle squiggle = pane.view().squiggles().items().get(0);
        int start = pane.view().buffer().text().toString().indexOf("\"two\"");
        assertEquals(start, squiggle.start(), "the squiggle is under \"two\"");
        assertEquals(start + 5, squiggle.end());
        assertEquals(Squiggles.Kind.ERROR, squiggle.kind());
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "lsp-squiggle.png"));

        robot.interact(() -> {
            pane.view().buffer().edit(ChangeSet.of(TextEdit.insert(0, "# a comment\n")), EditKind.COMMAND);
            Squiggles.Squiggle moved = pane.view().squiggles().items().get(0);
            assertEquals(start + 12, moved.start(), "the squiggle moved with the edit at once");
            assertEquals(5, problemsOf(file).get(0).line(), "so did the problem");
            pane.view().buffer().setSelections(dev.symphony.editor.selection.SelectionSet.cursorAt(0));
            bench.workbench.window().run(ProblemNavigation.NEXT);
        });
        waitUntil("F8 put the caret on the problem", () -> pane.view().buffer().selections().get(0).head() == start + 12);

        robot.interact(() -> pane.view().buffer().edit(ChangeSet.of(new TextEdit(start + 12, start + 17, "2")), EditKind.COMMAND));
        waitForServer(robot, "pyright's republished diagnostics (none) clear the problem", () -> problemsOf(file).isEmpty());
        waitUntil("and the squiggle", () -> pane.view().squiggles().items().isEmpty());
    }

    private List<Problem> problemsOf(Path file) {
        return bench.workbench.window().problems().all().stream().filter(p -> p.file().equals(file)).toList();
    }

    private void waitForServer(FxRobot robot, String what, Supplier<Boolean> condition) throws Exception {
        LspUiTests.waitForServer(robot, bench, what, condition);
    }
}
