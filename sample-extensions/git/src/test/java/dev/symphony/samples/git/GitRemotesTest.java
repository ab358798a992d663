package dev.symphony.samples.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fetch, pull and push against a real bare repository on disk as the remote, with a second clone driven by the git
 * executable as the other user; every result is read back with git.
 */
class GitRemotesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void fetchPullAndPushAgreeWithGit() throws Exception {
        assumeTrue(ScratchRepo.gitInstalled(), "the git executable makes the remote and the other clone");
        ScratchRepo top = new ScratchRepo(Files.createDirectories(dir.resolve("seed")));
        top.write("a.txt", "a\n");
        top.git("add", "-A");
        top.git("commit", "-q", "-m", "first");
        top.git("clone", "-q", "--bare", ".", dir.resolve("remote.git").toString());
        top.git("clone", "-q", dir.resolve("remote.git").toString(), dir.resolve("mine").toString());
        top.git("clone", "-q", dir.resolve("remote.git").toString(), dir.resolve("theirs").toString());
        ScratchRepo mine = new ScratchRepo(dir.resolve("mine"));
        ScratchRepo theirs = new ScratchRepo(dir.resolve("theirs"));
        mine.git("config", "user.name", "Mine");
        mine.git("config", "user.email", "mine@example.org");
        String remoteDir = "--git-dir=" + dir.resolve("remote.git"); // not a ScratchRepo: its git init would make a .git inside
        ExtensionHarness h = new ExtensionHarness(Path.of("symphony-extension.json"), new GitExtension(), dir.resolve("mine"));

        mine.write("mine.txt", "mine\n");
        mine.git("add", "-A");
        mine.git("commit", "-q", "-m", "mine");
        h.call("push", JSON.readTree("{}"));
        assertEquals(mine.git("rev-parse", "HEAD"), top.git(remoteDir, "rev-parse", "main"), "the remote's main is my HEAD");

        theirs.git("pull", "-q");
        theirs.write("theirs.txt", "theirs\n");
        theirs.git("add", "-A");
        theirs.git("commit", "-q", "-m", "theirs");
        theirs.git("push", "-q");
        JsonNode fetched = h.call("fetch", JSON.readTree("{\"remote\":\"origin\"}"));
        assertEquals(List.of("refs/remotes/origin/main"), List.of(fetched.at("/updated/0").asText()));
        assertEquals(theirs.git("rev-parse", "HEAD"), mine.git("rev-parse", "origin/main"));
        assertEquals("## main...origin/main [behind 1]", mine.git("status", "-sb").lines().findFirst().orElseThrow());

        assertEquals("Fast-forward", h.call("pull", JSON.readTree("{}")).path("merge").asText());
        assertEquals(theirs.git("rev-parse", "HEAD"), mine.git("rev-parse", "HEAD"));
        assertEquals(List.of(), mine.porcelain());

        mine.write("mine.txt", "mine again\n");
        mine.git("commit", "-q", "-am", "mine again");
        theirs.write("theirs.txt", "theirs again\n");
        theirs.git("commit", "-q", "-am", "theirs again");
        theirs.git("push", "-q");
        ExtensionException rejected = assertThrows(ExtensionException.class, () -> h.call("push", JSON.readTree("{}")));
        assertTrue(rejected.getMessage().contains("rejected: the remote has commits this branch does not have; pull first"), rejected.getMessage());
        assertTrue(h.events().stream().anyMatch(e -> e.name().equals("workbench.notify") && e.payload().path("message").asText().contains("pull first")),
                "the refusal is shown");
        assertEquals("Merged", h.call("pull", JSON.readTree("{}")).path("merge").asText());
        assertEquals(2, mine.git("log", "-1", "--format=%P").trim().split(" ").length, "a merge commit, as git pull makes");
        h.call("push", JSON.readTree("{}"));
        assertEquals(mine.git("rev-parse", "HEAD"), top.git(remoteDir, "rev-parse", "main"));
        assertEquals("", top.git(remoteDir, "fsck", "--no-progress").trim(), "what JGit pushed is a sound repository for git");

        mine.write("theirs.txt", "a local change in the way\n");
        theirs.git("pull", "-q");
        theirs.write("theirs.txt", "theirs once more\n");
        theirs.git("commit", "-q", "-am", "theirs once more");
        theirs.git("push", "-q");
        mine.git("commit", "-q", "-am", "mine on the same line");
        ExtensionException conflict = assertThrows(ExtensionException.class, () -> h.call("pull", JSON.readTree("{}")));
        assertTrue(conflict.getMessage().contains("conflicts in [theirs.txt]"), conflict.getMessage());
        assertTrue(mine.porcelain().contains("UU theirs.txt"), "the conflict is left for the user, as git leaves it: " + mine.porcelain());

        ExtensionException unknown = assertThrows(ExtensionException.class, () -> h.call("fetch", JSON.readTree("{\"remote\":\"upstream\"}")));
        assertTrue(unknown.getMessage().contains("no remote 'upstream' in this repository: add it with git remote add upstream URL"), unknown.getMessage());
        mine.git("remote", "add", "gone", dir.resolve("nowhere.git").toString());
        ExtensionException unreachable = assertThrows(ExtensionException.class, () -> h.call("fetch", JSON.readTree("{\"remote\":\"gone\"}")));
        assertTrue(unreachable.getMessage().startsWith("could not fetch from 'gone' (" + dir.resolve("nowhere.git") + "): "), unreachable.getMessage());
    }
}
