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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code stash} capability against the git executable on the same repository: each side reads what the other stashed. */
class GitStashTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @BeforeAll
    static void needsGit() {
        assumeTrue(ScratchRepo.gitInstalled(), "the git executable is needed to compare against");
    }

    @Test
    void pushListAndPopAgreeWithGit() throws Exception {
        ScratchRepo repo = new ScratchRepo(dir);
        repo.write("a.txt", "a\n");
        repo.write("b.txt", "b\n");
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "first");
        repo.write("a.txt", "a changed\n");
        repo.write("b.txt", "b staged\n");
        repo.git("add", "b.txt");
        repo.write("c.txt", "untracked\n");
        List<String> before = repo.porcelain();
        ExtensionHarness h = new ExtensionHarness(Path.of("symphony-extension.json"), new GitExtension(), dir);

        h.call("stash", JSON.readTree("{\"action\":\"push\",\"message\":\"half {0} done, isn't it\",\"includeUntracked\":true}"));
        assertEquals(List.of(), repo.porcelain(), "staged, changed and untracked all stashed");
        assertEquals("stash@{0}: On main: half {0} done, isn't it", repo.git("stash", "list").trim());
        JsonNode list = h.call("stash", JSON.readTree("{\"action\":\"list\"}"));
        assertEquals(repo.git("stash", "list", "--format=%s").trim(), list.at("/entries/0/message").asText());

        repo.git("stash", "pop", "--index"); // git pops what the extension stashed
        assertEquals(before, repo.porcelain());
        assertEquals("untracked\n", Files.readString(dir.resolve("c.txt")));

        repo.git("stash", "push", "-q", "-u", "-m", "by git");
        h.call("stash", JSON.readTree("{\"action\":\"push\"}")); // nothing to stash: no entry
        assertEquals(1, h.call("stash", JSON.readTree("{\"action\":\"list\"}")).path("entries").size());
        h.call("stash", JSON.readTree("{\"action\":\"pop\"}")); // the extension pops what git stashed
        assertEquals(before, repo.porcelain());
        assertEquals("", repo.git("stash", "list"));

        h.call("stash", JSON.readTree("{\"action\":\"push\"}"));
        assertEquals("stash@{0}: WIP on main: " + repo.git("log", "-1", "--format=%h %s").trim(), repo.git("stash", "list").trim());
        repo.write("b.txt", "in the way\n");
        ExtensionException conflict = assertThrows(ExtensionException.class, () -> h.call("stash", JSON.readTree("{\"action\":\"pop\"}")));
        assertTrue(conflict.getMessage().contains("the entry is kept"), conflict.getMessage());
        assertEquals(1, repo.git("stash", "list").lines().count(), "a pop that conflicts keeps the entry, as git does");
        assertEquals("in the way\n", Files.readString(dir.resolve("b.txt")), "nothing the user wrote is lost");
        ExtensionException none = assertThrows(ExtensionException.class, () -> h.call("stash", JSON.readTree("{\"action\":\"pop\",\"index\":3}")));
        assertTrue(none.getMessage().contains("no stash@{3}: the stash has 1 entries"), none.getMessage());
    }
}
