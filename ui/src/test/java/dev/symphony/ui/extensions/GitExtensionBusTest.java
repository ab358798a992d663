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
        Path userHome = Files.createDirectories(tmp.resolve("user-home")); // no ~/.gitconfig: not the real user's
        try (Kernel kernel = Kernel.start(new KernelContext().paths(home).workspace(repo).userHome(userHome)
                .hangTimeout(java.time.Duration.ofSeconds(10)).bundledRoot(GitFixture.bundledRoot(tmp)))) {
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
            historyAgreesWithGit(kernel, repo, commit);

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

    /**
     * {@code log} lists what {@code git log} lists (HEAD first; the two parents of a merge may come in either order when
     * their times tie, so the rest is compared as a set), and {@code show} of the merge names the files
     * {@code git diff-tree -r --no-renames} names against its first parent, with the resolved line in its patch.
     */
    private static void historyAgreesWithGit(Kernel kernel, Path repo, String head) throws Exception {
        List<String> gitLog = new ArrayList<>(List.of(GitFixture.git(repo, "log", "--format=%H %P|%an|%ae|%at|%s").trim().split("\n")));
        List<String> ours = new ArrayList<>();
        for (JsonNode c : call(kernel, "log", "{}").path("commits")) {
            List<String> parents = new ArrayList<>();
            c.path("parents").forEach(p -> parents.add(p.asText()));
            ours.add(c.path("id").asText() + " " + String.join(" ", parents) + "|" + c.path("author").asText() + "|"
                    + c.path("email").asText() + "|" + c.path("time").asLong() + "|" + c.path("subject").asText());
        }
        assertEquals(gitLog.get(0), ours.get(0));
        assertTrue(ours.get(0).startsWith(head + " "), ours.get(0));
        assertEquals(new java.util.TreeSet<>(gitLog), new java.util.TreeSet<>(ours));
        JsonNode shown = call(kernel, "show", "{\"commit\":\"" + head.substring(0, 10) + "\"}");
        List<String> files = new ArrayList<>();
        shown.path("files").forEach(f -> files.add(f.path("change").asText() + "\t" + f.path("path").asText()));
        List<String> gitFiles = new ArrayList<>(List.of(GitFixture.git(repo, "diff-tree", "-r", "--no-renames", "--name-status", head + "^1", head)
                .trim().split("\n")));
        files.sort(null);
        gitFiles.sort(null);
        assertEquals(gitFiles, files);
        assertTrue(shown.path("patch").asText().contains("\n+one, resolved\n"), shown.path("patch").asText());
        CallFailedException unknown = assertThrows(CallFailedException.class, () -> call(kernel, "show", "{\"commit\":\"nope\"}"));
        assertEquals(ErrorCode.INVALID_INPUT, unknown.code());
    }

    /**
     * A repository that sets no identity: the commit's author is the user's, from {@code ~/.gitconfig} (its email from
     * {@code ~/.config/git/config}, which ranks below it), read by the kernel under the manifest's grant for those two
     * files only — the same identity the git executable finds with that home.
     */
    @Test
    void theCommitIdentityComesFromTheUsersGitConfigThroughTheKernel() throws Exception {
        assumeTrue(GitFixture.gitInstalled(), "the git executable is needed to compare against");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        GitFixture.git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("a.txt"), "a\n");
        Path userHome = Files.createDirectories(tmp.resolve("user-home"));
        Files.writeString(userHome.resolve(".gitconfig"), "[user]\n\tname = Ada Lovelace\n");
        Files.createDirectories(userHome.resolve(".config/git"));
        Files.writeString(userHome.resolve(".config/git/config"), "[user]\n\tname = Not Ranked First\n\temail = ada@example.org\n");
        SymphonyPaths home = SymphonyPaths.under(Files.createDirectories(tmp.resolve("home")));
        try (Kernel kernel = Kernel.start(new KernelContext().paths(home).workspace(repo).userHome(userHome)
                .hangTimeout(java.time.Duration.ofSeconds(10)).bundledRoot(GitFixture.bundledRoot(tmp)))) {
            call(kernel, "stage", "{\"paths\":[\"a.txt\"]}");
            call(kernel, "commit", "{\"message\":\"first\"}");
        }
        String author = GitFixture.git(repo, "log", "-1", "--format=%an <%ae>|%cn <%ce>").trim();
        assertEquals("Ada Lovelace <ada@example.org>|Ada Lovelace <ada@example.org>", author);
        ProcessBuilder git = new ProcessBuilder("git", "var", "GIT_AUTHOR_IDENT").directory(repo.toFile()).redirectErrorStream(true);
        git.environment().put("HOME", userHome.toString());
        git.environment().remove("XDG_CONFIG_HOME");
        git.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        git.environment().keySet().removeIf(k -> k.startsWith("GIT_AUTHOR") || k.startsWith("GIT_COMMITTER") || k.equals("EMAIL"));
        Process p = git.start();
        String ident = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertTrue(ident.startsWith("Ada Lovelace <ada@example.org> "), "git with that home: " + ident);
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
