package dev.symphony.ui.extensions;

import dev.symphony.ui.addons.VirtualRenderer;
import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.editor.ChangeMarks;
import dev.symphony.ui.editor.ChangeMarks.Kind;
import dev.symphony.ui.editor.ChangeMarks.Mark;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.diff.DiffView;
import dev.symphony.ui.files.FileDecorations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The git extension through the workbench, in a real host over the bus, on a repository made by the git executable:
 * opening the folder activates it ({@code workspaceContains:.git}), the branch shows in the status bar and the file
 * tree is decorated; in the Source Control view a click stages a file, Diff opens its changes against HEAD, and a
 * message typed with Enter commits — which {@code git log} then shows. The open README's gutter marks its lines added,
 * modified and deleted against HEAD, follows typing, and follows HEAD when the commit moves it; the History view lists
 * the commit and shows its files and patch when it is selected.
 */
@ExtendWith(ApplicationExtension.class)
class SourceControlUiTest {
    private TestWorkbench bench;
    private Kernel kernel;
    private ExtensionsWorkbench extensions;
    private Path bundled;
    private Path userHome;

    @Start
    void start(Stage stage) throws Exception {
        assumeTrue(GitFixture.gitInstalled(), "the git executable makes the repository");
        bench = TestWorkbench.start(stage, "scm");
        Path repo = bench.workspace;
        GitFixture.git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("README.md"), "# Scratch\n\nline two\nline three\n");
        Files.writeString(repo.resolve(".gitignore"), "*.log\n");
        GitFixture.git(repo, "add", "-A");
        GitFixture.git(repo, "commit", "-q", "-m", "first");
        Files.writeString(repo.resolve("README.md"), "# Scratch\n\nline two, edited\nline three\nline four\n");
        Files.writeString(repo.resolve("notes.txt"), "new file\n");
        Files.writeString(repo.resolve("build.log"), "ignored\n");
        bundled = GitFixture.bundledRoot(Files.createTempDirectory("symphony-scm-bundled"));
        // hang checks at 10 s: see GitExtensionBusTest (a loaded two-core machine, JGit's classes loading)
        userHome = Files.createTempDirectory("symphony-scm-home");
        Files.writeString(userHome.resolve(".gitconfig"), "[user]\n\tname = Scm Tester\n\temail = scm@example.org\n");
        kernel = Kernel.start(new KernelContext().paths(bench.paths()).workspace(repo).bundledRoot(bundled).userHome(userHome)
                .hangTimeout(Duration.ofSeconds(10)));
        extensions = ExtensionsWorkbench.attach(bench.workbench, CompletableFuture.completedFuture(kernel), () -> null);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (bench == null) {
            return;
        }
        extensions.close();
        kernel.close();
        bench.close();
        for (Path dir : new Path[] {bundled.getParent(), userHome}) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void stageDiffAndCommitFromTheSourceControlView(FxRobot robot) throws Exception {
        Path repo = bench.workspace;
        Label branch = robot.lookup(id("status:git.branch")).queryAs(Label.class);
        waitLong(robot, "opening a repository activates Git and the branch shows", () -> branch.getText().startsWith("⎇ main"));
        FileDecorations decorations = bench.workbench.fileTree().decorations();
        waitUntil("the file tree is decorated", () -> decorations.of(repo.resolve("notes.txt")) != null);
        assertEquals("U", decorations.of(repo.resolve("notes.txt")).badge());
        assertEquals("M", decorations.of(repo.resolve("README.md")).badge());
        assertEquals(null, decorations.of(repo.resolve("build.log")).badge(), "ignored: greyed, no letter");
        robot.interact(() -> bench.workbench.window().run("workbench.view.explorer"));
        screenshot(robot, "explorer-decorations.png");
        EditorView readme = gutterMarkersFollowTyping(robot, repo.resolve("README.md"));

        robot.interact(() -> bench.workbench.window().run("view.git.scm"));
        waitLong(robot, "the view lists the changes", () -> robot.lookup(VirtualRenderer.withNodeId("stage|changes|README.md")).tryQuery().isPresent());
        click(robot, "stage|changes|README.md");
        waitLong(robot, "staged", () -> robot.lookup(VirtualRenderer.withNodeId("unstage|staged|README.md")).tryQuery().isPresent());
        assertEquals(List.of("!! build.log", "?? notes.txt", "M  README.md"), GitFixture.porcelain(repo));

        click(robot, "diff|staged|README.md");
        waitLong(robot, "the diff against HEAD opens", () -> bench.workbench.diffs().active() != null);
        DiffView diff = bench.workbench.diffs().active();
        assertEquals("# Scratch\n\nline two\nline three\n", diff.model().left().buffer().text().toString(), "HEAD's text on the left");
        assertTrue(diff.model().right().buffer().text().toString().contains("line four"), "the file on the right");
        assertTrue(diff.model().left().title().startsWith("README.md ("), diff.model().left().title());
        robot.interact(() -> bench.workbench.window().run("view.git.scm"));
        screenshot(robot, "source-control.png");

        TextField message = robot.lookup(VirtualRenderer.withNodeId("message")).queryAs(TextField.class);
        TestWorkbench.clickOn(robot, message).write("Edit the README");
        robot.type(KeyCode.ENTER);
        waitLong(robot, "committed", () -> {
            try {
                return GitFixture.git(repo, "log", "-1", "--format=%s").trim().equals("Edit the README");
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals(List.of("!! build.log", "?? notes.txt"), GitFixture.porcelain(repo));
        waitLong(robot, "the view follows", () -> robot.lookup(VirtualRenderer.withNodeId("notice")).tryQueryAs(Label.class)
                .map(l -> l.getText().startsWith("Committed ")).orElse(false)
                && robot.lookup(VirtualRenderer.withNodeId("unstage|staged|README.md")).tryQuery().isEmpty());
        waitUntil("the README is no longer decorated", () -> decorations.of(repo.resolve("README.md")) == null);
        waitLong(robot, "HEAD moved: the gutter shows only the unsaved deletion against the new HEAD",
                () -> marks(new Mark(0, 0, Kind.DELETED)).equals(readme.changeMarks()));

        String head = GitFixture.git(repo, "rev-parse", "HEAD").trim();
        assertEquals("Scm Tester <scm@example.org>", GitFixture.git(repo, "log", "-1", "--format=%an <%ae>").trim(),
                "the identity of the user's ~/.gitconfig, read through the kernel");
        robot.interact(() -> bench.workbench.window().run("view.git.history"));
        waitLong(robot, "the History view lists HEAD", () -> robot.lookup(VirtualRenderer.withNodeId("commit|" + head)).tryQuery().map(n -> n.getScene() != null).orElse(false));
        assertEquals("addon-view:git.history", bench.workbench.mainView().panelView().getId(), "a panel view shows below the editors");
        robot.moveTo(TestWorkbench.pointOn(robot.lookup(VirtualRenderer.withNodeId("commit|" + head)).queryAs(Node.class), javafx.geometry.Pos.CENTER_LEFT,
                new javafx.geometry.Point2D(8, 0)), org.testfx.robot.Motion.DIRECT).clickOn(javafx.scene.input.MouseButton.PRIMARY); // the row's start: a long row runs past the side bar
        try {
            waitLong(robot, "the selected commit's patch shows", () -> robot.lookup(VirtualRenderer.withNodeId("patch")).tryQueryAs(javafx.scene.control.TextArea.class)
                    .map(t -> t.getText().contains("\n+line two, edited\n")).orElse(false)
                    && robot.lookup(VirtualRenderer.withNodeId("shown")).queryAs(Label.class).getText().startsWith(head));
        } catch (AssertionError e) {
            screenshot(robot, "history-failed.png");
            throw new AssertionError(e.getMessage() + "; the view's nodes: " + robot.lookup(n -> VirtualRenderer.nodeIdOf(n) != null)
                    .queryAll().stream().map(n -> VirtualRenderer.nodeIdOf(n) + (n instanceof javafx.scene.control.Labeled l ? "=" + l.getText() : "")).toList(), e);
        }
        assertTrue(robot.lookup(VirtualRenderer.withNodeId("commit|" + GitFixture.git(repo, "rev-parse", "HEAD^").trim())).tryQuery().isPresent(), "the first commit is listed");
        assertEquals("M  README.md", robot.lookup(VirtualRenderer.withNodeId("files")).queryAs(Label.class).getText());
        screenshot(robot, "history.png");
        stageAHunkBlameAndANewBranch(robot, repo);
    }

    /**
     * A file with two changed lines: the caret on the second and Git: Stage Selected Ranges stages only that hunk (git
     * diff --cached shows it alone); Git: Toggle Blame Annotation shows the caret line's blame after the line, and
     * "Not committed yet" on a changed line; a name typed into the view's new-branch field makes the branch and
     * switches to it. The activity bar highlights Source Control while it shows, the Explorer after.
     */
    private void stageAHunkBlameAndANewBranch(FxRobot robot, Path repo) throws Exception {
        Path file = repo.resolve("hunks.txt");
        Files.writeString(file, "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\n");
        GitFixture.git(repo, "add", "hunks.txt");
        GitFixture.git(repo, "commit", "-q", "-m", "hunks base");
        Files.writeString(file, "one\nTWO\nthree\nfour\nfive\nsix\nseven\nEIGHT\nnine\n");
        robot.interact(() -> bench.workbench.openFile(file, d -> {}));
        waitLong(robot, "hunks.txt opens", () -> bench.workbench.tabsView().activeEditor() != null
                && file.equals(bench.workbench.tabsView().activeEditor().file()));
        EditorView view = bench.workbench.tabsView().activeEditor().view();
        waitLong(robot, "its two changes are marked", () -> marks(new Mark(1, 1, Kind.MODIFIED), new Mark(7, 1, Kind.MODIFIED)).equals(view.changeMarks()));
        robot.interact(() -> view.controller().setSelections(SelectionSet.cursorAt(view.buffer().text().lineStart(7) + 2), 0));
        robot.interact(() -> bench.workbench.window().run("git.stageSelectedRanges"));
        waitLong(robot, "only the caret's hunk is staged", () -> {
            try {
                String staged = GitFixture.git(repo, "diff", "--cached", "-U0", "hunks.txt"); // a header may end in git's function context
                String unstaged = GitFixture.git(repo, "diff", "-U0", "hunks.txt");
                return staged.contains("@@ -8 +8 @@") && staged.contains("\n-eight\n+EIGHT\n") && !staged.contains("two")
                        && unstaged.contains("@@ -2 +2 @@") && unstaged.contains("\n-two\n+TWO\n") && !unstaged.contains("eight");
            } catch (Exception e) {
                return false;
            }
        });
        assertTrue(GitFixture.porcelain(repo).contains("MM hunks.txt"), GitFixture.porcelain(repo).toString());
        assertEquals("one\nTWO\nthree\nfour\nfive\nsix\nseven\nEIGHT\nnine\n", Files.readString(file), "the file is not written");

        robot.interact(() -> bench.workbench.window().run("git.toggleBlame"));
        waitLong(robot, "the caret line's blame shows after it", () -> view.lineAnnotation().equals("Not committed yet") && view.lineAnnotationLine() == 7);
        robot.interact(() -> view.controller().setSelections(SelectionSet.cursorAt(0), 0));
        waitLong(robot, "the blame follows the caret", () -> view.lineAnnotation().startsWith("Scratch, ") && view.lineAnnotation().endsWith(" • hunks base")
                && view.lineAnnotationLine() == 0);
        assertTrue(robot.lookup(".line-annotation").tryQuery().isPresent(), "the annotation is painted");
        screenshot(robot, "blame.png");
        robot.interact(() -> bench.workbench.window().run("git.toggleBlame"));
        waitLong(robot, "toggled off, it goes", () -> view.lineAnnotation().isEmpty());

        robot.interact(() -> bench.workbench.window().run("view.git.scm"));
        assertEquals("git.scm", bench.workbench.mainView().activityBar().highlighted(), "the activity bar follows the side bar");
        TextField branch = robot.lookup(VirtualRenderer.withNodeId("newBranch")).queryAs(TextField.class);
        TestWorkbench.clickOn(robot, branch).write("topic");
        robot.type(KeyCode.ENTER);
        waitLong(robot, "the branch is made and checked out", () -> {
            try {
                return GitFixture.git(repo, "branch", "--show-current").trim().equals("topic");
            } catch (Exception e) {
                return false;
            }
        });
        robot.interact(() -> bench.workbench.window().run("workbench.view.explorer"));
        assertEquals("explorer", bench.workbench.mainView().activityBar().highlighted());
    }

    /**
     * README.md against HEAD ("# Scratch", "", "line two", "line three"): line 2 modified, line 4 added; typing a line
     * above adds a mark and moves the others; deleting the first line of HEAD's text leaves a deletion mark.
     */
    private EditorView gutterMarkersFollowTyping(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> bench.workbench.openFile(file, d -> {}));
        waitLong(robot, "README.md opens", () -> bench.workbench.tabsView().activeEditor() != null
                && file.equals(bench.workbench.tabsView().activeEditor().file()));
        EditorView view = bench.workbench.tabsView().activeEditor().view();
        waitLong(robot, "the gutter marks the changes against HEAD",
                () -> marks(new Mark(2, 1, Kind.MODIFIED), new Mark(4, 1, Kind.ADDED)).equals(view.changeMarks()));
        TestWorkbench.clickOn(robot, view); // bounds read on the JavaFX thread
        robot.interact(() -> view.controller().setSelections(SelectionSet.cursorAt(0), 0));
        robot.write("Title");
        robot.type(KeyCode.ENTER);
        waitLong(robot, "a typed line is marked added and the marks below move",
                () -> marks(new Mark(0, 1, Kind.ADDED), new Mark(3, 1, Kind.MODIFIED), new Mark(5, 1, Kind.ADDED)).equals(view.changeMarks()));
        screenshot(robot, "gutter-markers.png");
        robot.interact(() -> view.controller().setSelections(SelectionSet.single(Selection.of(0, "Title\n# Scratch\n".length())), 0));
        robot.type(KeyCode.BACK_SPACE);
        waitLong(robot, "HEAD's first line deleted: a deletion mark",
                () -> marks(new Mark(0, 0, Kind.DELETED), new Mark(1, 1, Kind.MODIFIED), new Mark(3, 1, Kind.ADDED)).equals(view.changeMarks()));
        assertTrue(robot.lookup(".change-mark-deleted").tryQuery().isPresent(), "the deletion is painted in the gutter");
        assertTrue(robot.lookup(".change-mark-modified").tryQuery().isPresent(), "the modified line is painted in the gutter");
        return view;
    }

    private static ChangeMarks marks(Mark... items) {
        return new ChangeMarks(List.of(items));
    }

    /** Clicks a node of the extension's view; the view may re-render in between (a status read finished), so look again. */
    private static void click(FxRobot robot, String nodeId) throws Exception {
        for (int attempt = 0; ; attempt++) {
            waitLong(robot, nodeId + " is on screen", () -> robot.lookup(VirtualRenderer.withNodeId(nodeId)).tryQuery().map(n -> n.getScene() != null).orElse(false));
            try {
                TestWorkbench.clickOn(robot, robot.lookup(VirtualRenderer.withNodeId(nodeId)).queryAs(Node.class));
                return;
            } catch (IllegalStateException | org.testfx.service.query.EmptyNodeQueryException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    private static void waitLong(FxRobot robot, String what, Supplier<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
                try {
                    return condition.get();
                } catch (RuntimeException raced) {
                    return false;
                }
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + "; the status bar says: "
                    + robot.lookup("#" + dev.symphony.ui.shell.StatusBarView.MESSAGE_ID).queryAs(Label.class).getText());
        }
    }

    private void screenshot(FxRobot robot, String name) {
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), name));
    }

    private static java.util.function.Predicate<Node> id(String id) {
        return n -> id.equals(n.getId());
    }
}
