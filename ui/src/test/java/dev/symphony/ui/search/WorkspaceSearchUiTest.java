package dev.symphony.ui.search;

import static dev.symphony.ui.TestWorkbench.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.search.files.FileMatches;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.quickopen.QuickOpenView;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Quick Open and search and replace across files through the real workbench (headless): keys,
 * fields and buttons as a person uses them, files on disk checked after each step.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceSearchUiTest {
    private TestWorkbench bench;
    private Path home;
    private Path workspace;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.startWithoutFolder(stage, "search");
        home = bench.home;
        workspace = bench.workspace;
        workbench = bench.workbench;
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        bench.close(robot);
    }

    private static void waitUntil(String what, Supplier<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::get);
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out waiting until " + what);
        }
    }

    private Path write(String relative, String text) throws Exception {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static void keys(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }

    private OpenDocument selected() {
        return workbench.tabs().selectedProperty().get();
    }

    private List<String> quickOpenResults() {
        return onFx(() -> workbench.workspaceSearch().quickOpen().results().stream().map(m -> m.item()).toList());
    }

    @Test
    void quickOpenFindsFilesFuzzilySkipsIgnoredOnesFollowsTheDiskAndOpensAtALine(FxRobot robot) throws Exception {
        Files.createDirectories(workspace.resolve(".git"));
        write(".gitignore", "ignored/\n");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            lines.append("line ").append(i).append('\n');
        }
        write("src/main/Alpha.java", lines.toString());
        write("src/test/AlphaTest.java", "class AlphaTest {}\n");
        write("ignored/AlphaIgnored.java", "x\n");
        write("target/AlphaBuilt.java", "x\n"); // files.exclude has "target" by default
        write(".hidden/AlphaHidden.java", "x\n");
        robot.interact(() -> workbench.openFolder(workspace));
        waitUntil("the index is built", () -> onFx(() -> workbench.workspaceSearch().quickOpen().statusProperty().get()).contains("files"));

        keys(robot, KeyCode.CONTROL, KeyCode.P);
        waitUntil("Quick Open shows", () -> onFx(() -> robot.lookup("#" + QuickOpenView.ID).query().isVisible()));
        robot.write("alja");
        waitUntil("Alpha.java is found", () -> quickOpenResults().contains("src/main/Alpha.java"));
        List<String> found = quickOpenResults();
        assertFalse(found.stream().anyMatch(f -> f.contains("Ignored") || f.contains("Built") || f.contains("Hidden")),
                "ignored, excluded and hidden files stay out: " + found);
        assertEquals("src/main/Alpha.java", found.get(0), "the closest name ranks first: " + found);

        robot.write(":12");
        keys(robot, KeyCode.ENTER);
        waitUntil("Alpha.java opens", () -> selected() != null && selected().path().endsWith("Alpha.java"));
        waitUntil("the caret is on line 12", () -> onFx(() -> {
            var buffer = selected().buffer();
            return buffer.text().lineOf(buffer.selections().get(0).head()) == 11;
        }));

        write("NewlyCreated.txt", "new\n"); // the workspace root is watched by the file tree
        waitUntil("the watcher brings the new file into the index",
                () -> onFx(() -> workbench.workspaceSearch().quickOpen().statusProperty().get()) != null
                        && indexHas("NewlyCreated.txt"));
        keys(robot, KeyCode.CONTROL, KeyCode.P);
        waitUntil("Quick Open shows again", () -> onFx(() -> robot.lookup("#" + QuickOpenView.ID).query().isVisible()));
        assertEquals("src/main/Alpha.java", quickOpenResults().get(0), "the recently opened file comes first");
        keys(robot, KeyCode.ESCAPE);
    }

    private boolean indexHas(String name) {
        return onFx(() -> {
            var model = workbench.workspaceSearch().quickOpen();
            model.queryProperty().set(name);
            boolean has = model.results().stream().anyMatch(m -> m.item().equals(name));
            model.queryProperty().set("");
            return has;
        });
    }

    @Test
    void searchesAcrossFilesReplacesWithPreviewUndoesAndCancels(FxRobot robot) throws Exception {
        Path a = write("a.txt", "foo bar\nbaz foo\n");
        Path b = write("sub/b.txt", "nothing\nfoo\n");
        write("c.txt", "no match here\n");
        Files.write(workspace.resolve("blob.bin"), new byte[] {'f', 'o', 'o', 0, 1, 2});
        robot.interact(() -> workbench.openFolder(workspace));
        robot.interact(() -> workbench.openFile(a, d -> { }));
        waitUntil("a.txt opens", () -> selected() != null && selected().path().equals(a));
        SearchViewModel model = workbench.workspaceSearch().search();

        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F);
        waitUntil("the Search view shows", () -> onFx(() -> robot.lookup("#" + SearchView.QUERY_ID).query().isVisible()));
        TestWorkbench.clickOn(robot, "#" + SearchView.QUERY_ID).write("foo");
        keys(robot, KeyCode.ENTER);
        waitUntil("the search ends", () -> onFx(() -> model.statusProperty().get()).contains("results"));
        assertEquals("3 results in 2 files", onFx(() -> model.statusProperty().get()));
        assertEquals(List.of("a.txt", "sub/b.txt"), onFx(() -> model.results().stream().map(FileMatches::relative).sorted().toList()));
        assertTrue(onFx(() -> List.copyOf(model.notes())).contains("Skipped binary file blob.bin"));
        waitUntil("the tree shows the matches highlighted", () -> onFx(() ->
                robot.lookup(".search-match").queryAll().stream().filter(Node::isVisible).count() >= 3));

        Node bLine = onFx(() -> robot.lookup(".tree-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TreeCell<?> cell && cell.getItem() instanceof SearchView.LineItem li
                        && li.file().relative().equals("sub/b.txt"))
                .findFirst().orElseThrow());
        TestWorkbench.clickOn(robot, bLine);
        waitUntil("clicking a match opens its file", () -> selected() != null && selected().path().equals(b));
        waitUntil("at the match", () -> onFx(() -> selected().buffer().selections().get(0).head()) == "nothing\n".length());

        TestWorkbench.clickOn(robot, "#" + SearchView.REPLACE_ID).write("qux");
        waitUntil("the preview shows the replaced lines", () -> onFx(() -> robot.lookup(".search-preview").queryAll().stream()
                .map(n -> ((Text) n).getText()).toList()).containsAll(List.of("qux bar", "baz qux", "qux")));
        assertEquals("foo bar\nbaz foo\n", Files.readString(a), "a preview writes nothing");

        TestWorkbench.clickOn(robot, "#" + SearchView.REPLACE_ALL_ID);
        waitUntil("the replace ends", () -> onFx(() -> model.statusProperty().get()).startsWith("Replaced"));
        assertEquals("Replaced 3 matches in 2 files", onFx(() -> model.statusProperty().get()));
        waitUntil("the open a.txt is saved", () -> readQuietly(a).equals("qux bar\nbaz qux\n"));
        assertEquals("nothing\nqux\n", Files.readString(b));
        assertEquals("qux bar\nbaz qux\n", onFx(() -> workbench.tabs().find(a).orElseThrow().text()));

        TestWorkbench.clickOn(robot, "#" + SearchView.UNDO_REPLACE_ID);
        waitUntil("the replace is undone", () -> onFx(() -> model.statusProperty().get()).equals("Replace undone"));
        assertEquals("nothing\nfoo\n", Files.readString(b));
        waitUntil("a.txt is back on disk", () -> readQuietly(a).equals("foo bar\nbaz foo\n"));
        assertEquals("foo bar\nbaz foo\n", onFx(() -> workbench.tabs().find(a).orElseThrow().text()));

        // Once more, then the editor's own Undo reverts the open file in one step.
        robot.interact(model::search);
        waitUntil("the second search ends", () -> onFx(() -> model.statusProperty().get()).contains("results"));
        TestWorkbench.clickOn(robot, "#" + SearchView.REPLACE_ALL_ID);
        waitUntil("the second replace ends", () -> onFx(() -> model.statusProperty().get()).startsWith("Replaced"));
        robot.interact(() -> workbench.openFile(a, d -> { }));
        waitUntil("a.txt is the active editor", () -> workbench.tabsView().activeEditor() != null && selected().path().equals(a));
        TestWorkbench.clickOn(robot, workbench.tabsView().activeEditor().view()); // bounds read on the JavaFX thread
        keys(robot, KeyCode.CONTROL, KeyCode.Z);
        waitUntil("one Undo reverts the whole file", () -> onFx(() -> selected().text()).equals("foo bar\nbaz foo\n"));

        for (int i = 0; i < 400; i++) {
            write("many/f" + i + ".txt", "foo\n".repeat(50));
        }
        robot.interact(() -> {
            model.search();
            model.cancel();
        });
        waitUntil("the cancelled search ends", () -> !onFx(() -> model.runningProperty().get()));
        assertTrue(onFx(() -> model.statusProperty().get()).contains("(cancelled)"), onFx(() -> model.statusProperty().get()));
        assertTrue(onFx(() -> model.results().size()) < 402, "a cancelled search stops early");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
