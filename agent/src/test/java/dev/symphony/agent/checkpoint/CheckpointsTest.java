package dev.symphony.agent.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.agent.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints over a real git repository and real commands: the bar (an agent script that edits 50 files,
 * creates 5, deletes 5 and runs {@code sed -i}, {@code rm} and {@code git checkout}) restored byte for byte, {@code .git}
 * untouched, and the restore undone byte for byte; the person's own later edits are conflicts, never overwritten
 * unless they say so, and then brought back by undoing the restore.
 */
class CheckpointsTest {
    @TempDir
    Path workspace;
    @TempDir
    Path store;
    Checkpoints checkpoints;
    final CommandRunner shell = new CommandRunner(Duration.ofSeconds(30));
    static final List<Message> ASKED = List.of(Message.user("edit everything"));

    @BeforeEach
    void setUp() throws Exception {
        checkpoints = new Checkpoints(new WorkspaceFiles(workspace, new BlobStore(store, BlobStore.newKey())));
        for (int i = 0; i < 60; i++) {
            write("src/f" + i + ".txt", "file " + i + "\nline two\n");
        }
        write("bin/run.sh", "#!/bin/sh\necho run\n");
        run("git init -q . && git add -A && git -c user.email=a@b -c user.name=a commit -qm init && git status --porcelain");
    }

    @Test
    void anAgentScriptIsRestoredByteForByteAndTheRestoreIsUndone() throws Exception {
        Map<String, String> start = files(workspace);
        int first = 0;
        for (int i = 0; i < 50; i++) { // 50 edits of files, one step each, as edit_file makes them
            String rel = "src/f" + i + ".txt";
            Checkpoints.Pending step = checkpoints.begin("Edit " + rel, List.of(rel), ASKED);
            write(rel, "edited " + i + "\n");
            int id = step.end().orElseThrow().id();
            first = first == 0 ? id : first;
        }
        for (int i = 0; i < 5; i++) {
            String rel = "new/n" + i + ".txt";
            Checkpoints.Pending step = checkpoints.begin("Create " + rel, List.of(rel), ASKED);
            write(rel, "new " + i + "\n");
            step.end().orElseThrow();
        }
        command("rm src/f50.txt src/f51.txt src/f52.txt src/f53.txt src/f54.txt");
        command("sed -i 's/line two/LINE 2/' src/f55.txt src/f56.txt");
        command("echo scratch > src/f57.txt && git checkout -- src/f57.txt src/f0.txt");
        Map<String, String> end = files(workspace);
        assertNotEquals(start, end);
        assertEquals(58, checkpoints.steps().size(), "every step that changed a file is a checkpoint");

        Map<String, String> gitBefore = files(workspace.resolve(".git"));
        Checkpoints.Plan plan = checkpoints.plan(first, p -> false);
        assertTrue(plan.conflicts().isEmpty(), "nobody else changed a file: " + plan.conflicts());
        Checkpoints.Step restore = checkpoints.restore(plan, false, List.of(), p -> false);
        assertEquals(start, files(workspace), "restored byte for byte");
        assertEquals(gitBefore, files(workspace.resolve(".git")), ".git is never copied nor touched by a restore");
        assertTrue(Files.isExecutable(workspace.resolve("bin/run.sh")));

        checkpoints.restore(checkpoints.plan(restore.id(), p -> false), false, List.of(), p -> false);
        assertEquals(end, files(workspace), "the restore is undone byte for byte");
    }

    @Test
    void filesChangedSinceTheStepAreConflictsAndOverwritingThemCanBeUndone() throws Exception {
        Checkpoints.Pending step = checkpoints.begin("Run", null, ASKED);
        run("printf 'agent\\n' > src/f1.txt && printf 'agent\\n' > src/f2.txt && rm src/f3.txt");
        int id = step.end().orElseThrow().id();
        write("src/f2.txt", "the person's own edit\n"); // after the agent's step

        Checkpoints.Plan plan = checkpoints.plan(id, p -> false);
        assertEquals(Set.of("src/f2.txt"), plan.conflicts().keySet());
        assertEquals("changed since the agent's step", plan.conflicts().get("src/f2.txt"));
        checkpoints.restore(plan, false, List.of(), p -> false);
        assertEquals("file 1\nline two\n", read("src/f1.txt"));
        assertEquals("file 3\nline two\n", read("src/f3.txt"));
        assertEquals("the person's own edit\n", read("src/f2.txt"), "a conflict is left alone unless the person says so");

        Checkpoints.Plan again = checkpoints.plan(id, p -> false);
        assertEquals(Set.of("src/f2.txt"), again.conflicts().keySet());
        Checkpoints.Step overwrite = checkpoints.restore(again, true, List.of(), p -> false);
        assertEquals("file 2\nline two\n", read("src/f2.txt"));
        checkpoints.restore(checkpoints.plan(overwrite.id(), p -> false), false, List.of(), p -> false);
        assertEquals("the person's own edit\n", read("src/f2.txt"), "undoing the restore brings the person's edit back");
    }

    @Test
    void unsavedBuffersAreConflictsAndAFileChangedWhileAskingIsRefused() throws Exception {
        Checkpoints.Pending step = checkpoints.begin("Edit", List.of("src/f1.txt", "src/f2.txt"), ASKED);
        write("src/f1.txt", "agent 1\n");
        write("src/f2.txt", "agent 2\n");
        int id = step.end().orElseThrow().id();
        Checkpoints.Plan plan = checkpoints.plan(id, "src/f1.txt"::equals);
        assertEquals(Map.of("src/f1.txt", "has unsaved changes"), plan.conflicts());
        assertEquals(ASKED, plan.conversation(), "the conversation before the request comes back with the files");
        write("src/f2.txt", "typed while the person was asked\n");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> checkpoints.restore(plan, false, List.of(), "src/f1.txt"::equals));
        assertTrue(e.getMessage().contains("src/f2.txt"), e.getMessage());
        assertEquals("typed while the person was asked\n", read("src/f2.txt"));
        assertEquals("agent 1\n", read("src/f1.txt"));
    }

    @Test
    void aStepThatChangesNothingIsNoCheckpointAndContentsAreStoredOnce() throws Exception {
        Checkpoints.Pending step = checkpoints.begin("Run", null, ASKED);
        run("cat src/f1.txt > /dev/null");
        assertFalse(step.end().isPresent());
        long blobs;
        try (Stream<Path> s = Files.walk(store)) {
            blobs = s.filter(Files::isRegularFile).count();
        }
        assertEquals(61, blobs, "60 files of two lines each differ, the script is one more");
    }

    @Test
    void ignoredFoldersAreLeftOutAndAnIgnoreFileTheStepChangesCannotHideItsEdits() throws Exception {
        write(".gitignore", "target/\n*.log\n");
        write("target/classes/A.class", "built before\n");
        Checkpoints.Pending build = checkpoints.begin("Run the build", null, ASKED);
        run("mkdir -p target/classes node && head -c 100000 /dev/zero > target/classes/B.class && echo x > build.log"
                + " && echo 'edited by the build' > src/f1.txt");
        Checkpoints.Step step = build.end().orElseThrow();
        assertEquals(Set.of("src/f1.txt"), step.after().keySet(), "build output and logs the .gitignore names are no checkpoint's");
        try (Stream<Path> s = Files.walk(store)) {
            assertTrue(s.filter(Files::isRegularFile).noneMatch(p -> {
                try {
                    return Files.size(p) == 100_000;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }), "the ignored output was not copied");
        }

        Checkpoints.Pending hide = checkpoints.begin("Run", null, ASKED);
        run("echo 'src/f2.txt' >> .gitignore && echo 'hidden edit' > src/f2.txt");
        Checkpoints.Step hidden = hide.end().orElseThrow();
        assertEquals(Set.of(".gitignore", "src/f2.txt"), hidden.after().keySet(), "the edit of a file it made ignored is recorded");
        checkpoints.restore(checkpoints.plan(step.id(), p -> false), false, List.of(), p -> false);
        assertEquals("file 2\nline two\n", read("src/f2.txt"));
        assertEquals("file 1\nline two\n", read("src/f1.txt"));
        assertEquals("target/\n*.log\n", read(".gitignore"));
        assertEquals("x\n", read("build.log"), "what the checkpoint never recorded is left alone");
    }

    private void command(String line) throws IOException {
        Checkpoints.Pending step = checkpoints.begin("Run " + line, null, ASKED);
        run(line);
        step.end().orElseThrow(() -> new AssertionError(line + " changed nothing"));
    }

    private void run(String line) throws IOException {
        CommandRunner.Result r = shell.run(line, workspace, () -> false);
        assertEquals(0, r.exitCode(), line + ": " + r.output());
    }

    private void write(String rel, String text) throws IOException {
        Path p = workspace.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        if (rel.endsWith(".sh")) {
            p.toFile().setExecutable(true);
        }
    }

    private String read(String rel) throws IOException {
        return Files.readString(workspace.resolve(rel));
    }

    /** Every regular file under {@code root} (outside .git unless root is it) with its bytes' SHA-256. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        boolean git = root.getFileName().toString().equals(".git");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (git || !rel.startsWith(".git/")) {
                    out.put(rel, BlobStore.hash(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }
}
