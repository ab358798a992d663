package dev.symphony.ui.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git extension in a real host over the real bus (sandboxed where bubblewrap works: the workspace is then bound
 * into the sandbox by its manifest's grant), on a scratch repository made by the git executable: its status equals
 * {@code git status --porcelain} with a merge conflict, renames, deletions, untracked and ignored files, and what it
 * stages, commits and switches is what git then sees.
 */
class GitExtensionBusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    @Test
    void statusStageCommitAndSwitchAgreeWithGit() throws Exception {
        assumeTrue(GitFixture.gitInstalled(), "the git executable is needed to compare against");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        GitFixture.git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".gitignore"), "*.log\n");
        Files.writeString(repo.resolve("a.txt"), "one\ntwo\n");
        Files.writeString(repo.resolve("b.txt"), "a file long enough\nto be seen as renamed\nby git and JGit\n");
        Files.writeString(repo.resolve("c.txt"), "c\n");
        GitFixture.git(repo, "add", "-A");
        GitFixture.git(repo, "commit", "-q", "-m", "first");
        GitFixture.git(repo, "checkout", "-q", "-b", "topic");
        Files.writeString(repo.resolve("a.txt"), "one on topic\ntwo\n");
        GitFixture.git(repo, "commit", "-q", "-am", "topic");
        GitFixture.git(repo, "checkout", "-q", "main");
        Files.writeString(repo.resolve("a.txt"), "one on main\ntwo\n");
        GitFixture.git(repo, "commit", "-q", "-am", "main");
        GitFixture.git(repo, true, "merge", "-q", "topic"); // conflict in a.txt
        GitFixture.git(repo, "mv", "b.txt", "b-renamed.txt");
        Files.delete(repo.resolve("c.txt"));
        Files.writeString(repo.resolve("new.txt"), "new\n");
        Files.writeString(repo.resolve("debug.log"), "ignored\n");
        SymphonyPaths home = SymphonyPaths.under(Files.createDirectories(tmp.resolve("home")));
        // hang checks at 10 s, not 0.8: on a two-core machine under a load of 30 a niced host's heartbeat thread can
        // wait longer than that for a core while JGit's classes load; this test is about agreeing with git
        try (Kernel kernel = Kernel.start(new KernelContext().paths(home).workspace(repo).hangTimeout(java.time.Duration.ofSeconds(10)).bundledRoot(GitFixture.bundledRoot(tmp)))) {
            assertEquals(GitFixture.porcelain(repo), porcelainOf(call(kernel, "status", "{}")));
            assertTrue(GitFixture.porcelain(repo).contains("UU a.txt"));

            CallFailedException refused = assertThrows(CallFailedException.class, () -> call(kernel, "commit", "{\"message\":\"x\"}"));
            assertEquals(ErrorCode.INVALID_INPUT, refused.code());
            assertTrue(refused.getMessage().contains("unresolved conflicts"), refused.getMessage());

            Files.writeString(repo.resolve("a.txt"), "one, resolved\ntwo\n");
            call(kernel, "stage", "{\"paths\":[\"a.txt\",\"c.txt\",\"new.txt\"]}");
            assertEquals(GitFixture.porcelain(repo), porcelainOf(call(kernel, "status", "{}")));
            assertEquals(List.of("!! debug.log", "A  new.txt", "D  c.txt", "M  a.txt", "R  b.txt -> b-renamed.txt"), GitFixture.porcelain(repo));

            call(kernel, "unstage", "{\"paths\":[\"new.txt\"]}");
            assertTrue(GitFixture.porcelain(repo).contains("?? new.txt"), GitFixture.porcelain(repo).toString());
            String commit = call(kernel, "commit", "{\"message\":\"Merge topic, resolved\"}").path("commit").asText();
            assertEquals(commit, GitFixture.git(repo, "rev-parse", "HEAD").trim());
            assertEquals("Merge topic, resolved", GitFixture.git(repo, "log", "-1", "--format=%s").trim());
            assertEquals(2, GitFixture.git(repo, "log", "-1", "--format=%P").trim().split(" ").length, "a merge commit");
            assertEquals(List.of("!! debug.log", "?? new.txt"), GitFixture.porcelain(repo));

            JsonNode base = call(kernel, "base-text", "{\"file\":\"a.txt\"}");
            assertEquals("one, resolved\ntwo\n", base.path("text").asText());
            assertTrue(call(kernel, "base-text", "{\"file\":\"new.txt\"}").path("text").isNull());
            assertThrows(CallFailedException.class, () -> call(kernel, "base-text", "{\"file\":\"../outside.txt\"}"));

            assertEquals("main", call(kernel, "branches", "{}").path("current").asText());
            call(kernel, "switch", "{\"branch\":\"topic\"}");
            assertEquals("topic", GitFixture.git(repo, "branch", "--show-current").trim());
            assertNotEquals("one, resolved\ntwo\n", Files.readString(repo.resolve("a.txt")));
            assertEquals(GitFixture.porcelain(repo), porcelainOf(call(kernel, "status", "{}")));
        }
    }

    private static JsonNode call(Kernel kernel, String capability, String input) throws Exception {
        try {
            return kernel.call(new CapabilityCall("test", GitFixture.ID, capability, JSON.readTree(input))).output();
        } catch (CallFailedException e) {
            Path log = kernel.logFile(GitFixture.ID);
            if (e.code() != ErrorCode.INVALID_INPUT && Files.exists(log)) {
                System.err.println("host log " + log + ":\n" + Files.readString(log));
            }
            throw e;
        }
    }

    private static List<String> porcelainOf(JsonNode status) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : status.path("entries")) {
            out.add(e.path("code").asText() + " " + (e.has("from") ? e.get("from").asText() + " -> " : "") + e.path("path").asText());
        }
        out.sort(null);
        return out;
    }
}
