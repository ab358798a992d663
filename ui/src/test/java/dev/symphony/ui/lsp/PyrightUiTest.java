package dev.symphony.ui.lsp;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.editor.Squiggles;
import dev.symphony.ui.extensions.ExtensionsWorkbench;
import dev.symphony.ui.problems.Problem;
import dev.symphony.ui.problems.ProblemNavigation;
import dev.symphony.ui.shell.StatusBarView;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
    private TestWorkbench bench;
    private Kernel kernel;
    private ExtensionsWorkbench extensions;

    @BeforeAll
    static void pyrightInstalled() {
        String tools = System.getenv("SYMPHONY_TOOLS_DIR");
        boolean inTools = tools != null && Files.isExecutable(Path.of(tools, "lsp", PYRIGHT_FOLDER, "node_modules", ".bin", "pyright-langserver"));
        boolean onPath = System.getenv().getOrDefault("PATH", "").isEmpty() ? false : java.util.Arrays.stream(System.getenv("PATH")
                .split(File.pathSeparator)).anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "pyright-langserver")));
        Assumptions.assumeTrue(inTools || onPath, "pyright is not installed (SYMPHONY_TOOLS_DIR/lsp/" + PYRIGHT_FOLDER
                + " nor the PATH): skipped; .ci/run installs it, or: symphony lsp install pyright");
    }

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "lsp");
        Path devRoot = Files.createTempDirectory("symphony-lsp-dev");
        Files.createSymbolicLink(devRoot.resolve("lsp"), Path.of("..", "sample-extensions", "lsp").toAbsolutePath().normalize());
        kernel = Kernel.start(new KernelContext().paths(bench.paths()).workspace(bench.workspace).developmentRoot(devRoot));
        extensions = ExtensionsWorkbench.attach(bench.workbench, CompletableFuture.completedFuture(kernel), () -> null);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (extensions != null) {
            extensions.close();
            kernel.close();
            bench.close();
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

    private String hostLog() {
        StringBuilder b = new StringBuilder();
        try (var files = Files.walk(bench.paths().data("logs"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                b.append(f.getFileName()).append(":\n").append(Files.readString(f)).append('\n');
            }
        } catch (java.io.IOException e) {
            b.append(e);
        }
        return b.toString();
    }

    private List<Problem> problemsOf(Path file) {
        return bench.workbench.window().problems().all().stream().filter(p -> p.file().equals(file)).toList();
    }

    /** A wait that includes a host JVM's and a language server's start on a loaded machine: 120 s; a timeout shows the host's log. */
    private void waitForServer(FxRobot robot, String what, Supplier<Boolean> condition) throws Exception {
        try {
            waitUntil(what, 120, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e.getMessage() + "; the status bar says: "
                    + robot.lookup("#" + StatusBarView.MESSAGE_ID).queryAs(Label.class).getText() + " / "
                    + robot.lookup(n -> "status:lsp.status".equals(n.getId())).tryQueryAs(Label.class).map(Label::getText).orElse("(no lsp item)")
                    + "; the host's log:\n" + hostLog());
        }
    }
}
