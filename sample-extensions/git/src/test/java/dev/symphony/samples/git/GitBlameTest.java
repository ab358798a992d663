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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code blame} capability against {@code git blame --root -l -s} over three commits, a rename and unsaved lines. */
class GitBlameTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_COMMITTED = "0".repeat(40);
    @TempDir
    Path dir;

    @Test
    void eachLinesCommitIsTheOneGitBlames() throws Exception {
        assumeTrue(ScratchRepo.gitInstalled(), "the git executable is needed to compare against");
        ScratchRepo repo = new ScratchRepo(dir);
        repo.write("a.txt", "one\ntwo\nthree\nfour\n");
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "first");
        repo.write("a.txt", "one\nTWO\nthree\nfour\nfive\n");
        repo.git("commit", "-q", "-am", "second");
        repo.git("mv", "a.txt", "b.txt");
        repo.write("b.txt", "zero\none\nTWO\nthree\nfour\nfive\n");
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "third, renamed");
        repo.write("b.txt", "zero\none\nTWO\nnot saved yet\nfour\nfive\n");
        ExtensionHarness h = new ExtensionHarness(Path.of("symphony-extension.json"), new GitExtension(), dir);

        JsonNode blame = h.call("blame", JSON.readTree("{\"file\":\"b.txt\"}"));
        List<String> ours = new ArrayList<>();
        blame.path("lines").forEach(l -> ours.add(l.path("commit").isNull() ? NOT_COMMITTED : l.path("commit").asText()));
        List<String> git = repo.git("blame", "--root", "-l", "-s", "b.txt").lines().map(l -> l.substring(0, 40)).toList();
        assertEquals(git, ours);
        assertEquals(4, new java.util.HashSet<>(ours).size(), "three commits and the unsaved line: " + ours);
        assertEquals("second", blame.at("/lines/2/subject").asText());
        assertEquals("Scratch", blame.at("/lines/2/author").asText());

        ExtensionException missing = assertThrows(ExtensionException.class, () -> h.call("blame", JSON.readTree("{\"file\":\"../x\"}")));
        assertTrue(missing.getMessage().contains("not a file in the open folder"), missing.getMessage());
        Files.writeString(dir.resolve("new.txt"), "new\n");
        ExtensionException untracked = assertThrows(ExtensionException.class, () -> h.call("blame", JSON.readTree("{\"file\":\"new.txt\"}")));
        assertTrue(untracked.getMessage().contains("nothing to blame"), untracked.getMessage());
    }
}
