package dev.symphony.samples.git;

import static dev.symphony.samples.git.GitExtensionTest.event;
import static dev.symphony.samples.git.GitExtensionTest.find;
import static dev.symphony.samples.git.GitExtensionTest.ids;
import static dev.symphony.samples.git.GitExtensionTest.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Source Control view's toolbar by view events, each result read back with the git executable: Stash (untracked
 * files too) and Pop Stash, Push to a real bare repository, Fetch and Pull of what a second clone pushed there, and a
 * new branch typed into the view.
 */
class ScmToolbarTest {
    @TempDir
    Path dir;

    @Test
    void stashFetchPullPushAndANewBranchFromTheView() throws Exception {
        assumeTrue(ScratchRepo.gitInstalled(), "the git executable makes the repositories and checks the results");
        ScratchRepo mine = new ScratchRepo(Files.createDirectories(dir.resolve("mine")));
        mine.write("a.txt", "a\n");
        mine.git("add", "-A");
        mine.git("commit", "-q", "-m", "first");
        mine.git("init", "-q", "--bare", dir.resolve("remote.git").toString());
        mine.git("remote", "add", "origin", dir.resolve("remote.git").toString());
        ExtensionHarness h = new ExtensionHarness(Path.of("symphony-extension.json"), new GitExtension(), mine.dir);
        JsonNode view = render(h, null);
        for (long end = System.currentTimeMillis() + 20_000; find(view, "reading") != null && System.currentTimeMillis() < end; ) {
            Thread.sleep(50);
            view = render(h, null);
        }
        assertTrue(ids(view).containsAll(List.of("stash", "fetch", "pull", "push", "newBranch")), ids(view).toString());
        assertFalse(ids(view).contains("stashPop"), "no stash entry, no Pop");

        view = render(h, event("stash", "click", "stash", null));
        assertEquals("No local changes to stash", find(view, "notice").at("/props/text").asText());
        mine.write("a.txt", "a changed\n");
        mine.write("b.txt", "untracked\n");
        view = render(h, event("stash", "click", "stash", null));
        assertEquals(List.of(), mine.porcelain(), "stashed, untracked files too");
        assertEquals(1, mine.git("stash", "list").lines().count());
        assertEquals("Pop Stash (1)", find(view, "stashPop").at("/props/text").asText());
        view = render(h, event("stashPop", "click", "stashPop", null));
        assertEquals(List.of(" M a.txt", "?? b.txt"), mine.porcelain());
        assertEquals("", mine.git("stash", "list"));
        mine.git("checkout", "-q", "--", "a.txt");
        Files.delete(mine.dir.resolve("b.txt"));

        view = render(h, event("push", "click", "push", null));
        assertEquals("Pushed main to origin", find(view, "notice").at("/props/text").asText());
        String remote = "--git-dir=" + dir.resolve("remote.git");
        assertEquals(mine.git("rev-parse", "HEAD"), mine.git(remote, "rev-parse", "main"));

        mine.git("clone", "-q", dir.resolve("remote.git").toString(), dir.resolve("theirs").toString());
        ScratchRepo theirs = new ScratchRepo(dir.resolve("theirs"));
        theirs.write("c.txt", "theirs\n");
        theirs.git("add", "-A");
        theirs.git("commit", "-q", "-m", "theirs");
        theirs.git("push", "-q", "origin", "main");
        mine.git("config", "branch.main.remote", "origin"); // the upstream a pull merges (git push -u would set it)
        mine.git("config", "branch.main.merge", "refs/heads/main");
        view = render(h, event("fetch", "click", "fetch", null));
        assertTrue(find(view, "notice").at("/props/text").asText().contains("origin/main"), find(view, "notice").toString());
        assertEquals(theirs.git("rev-parse", "HEAD"), mine.git("rev-parse", "origin/main"));
        view = render(h, event("pull", "click", "pull", null));
        assertTrue(find(view, "notice").at("/props/text").asText().startsWith("Pulled from origin"), find(view, "notice").toString());
        assertEquals(theirs.git("rev-parse", "HEAD"), mine.git("rev-parse", "HEAD"), "a fast-forward to their commit");

        view = render(h, event("newBranch", "change", "createBranch", new TextNode("topic")));
        assertEquals("Created branch topic and switched to it", find(view, "notice").at("/props/text").asText());
        assertEquals("topic", mine.git("branch", "--show-current").trim());
        view = render(h, event("newBranch", "change", "createBranch", new TextNode("topic")));
        assertTrue(find(view, "notice").at("/props/text").asText().contains("a branch named 'topic' exists"), find(view, "notice").toString());
        view = render(h, event("newBranch", "change", "createBranch", new TextNode("  ")));
        assertTrue(find(view, "notice").at("/props/text").asText().contains("type the new branch's name"), find(view, "notice").toString());
    }
}
