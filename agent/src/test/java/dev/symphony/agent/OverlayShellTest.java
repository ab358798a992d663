package dev.symphony.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overlay against the real thing: the same command line run in the workspace itself (a twin repository) and in
 * the overlay; while it runs in the overlay the workspace — {@code .git} included — is untouched, and applying what
 * the overlay recorded gives the twin's files, branch and status.
 */
class OverlayShellTest {
    @TempDir
    Path dir;
    Path workspace;
    Path twin;
    OverlayShell overlay;
    final CommandRunner shell = new CommandRunner(Duration.ofSeconds(60));

    static final String SCRIPT = "sed -i 's/two/2/' a.txt && rm b.txt && mkdir -p d && echo new > d/new.txt"
            + " && rm -rf old && mkdir old && echo fresh > old/only.txt && chmod +x run.sh && ln -s a.txt link"
            + " && rm -rf build/old && mkdir -p build && echo out > build/out.o"
            + " && git checkout -q -b feature && git add -A && git -c user.email=a@b -c user.name=a commit -qm agent";

    @BeforeEach
    void setUp() throws IOException {
        overlay = new OverlayShell(dir.resolve("scratch"));
        workspace = Files.createDirectories(dir.resolve("ws"));
        twin = Files.createDirectories(dir.resolve("twin"));
        for (Path w : List.of(workspace, twin)) {
            Files.writeString(w.resolve("a.txt"), "one\ntwo\n");
            Files.writeString(w.resolve("b.txt"), "bee\n");
            Files.writeString(w.resolve("run.sh"), "echo run\n");
            Files.writeString(w.resolve(".gitignore"), "build/\n");
            Files.createDirectories(w.resolve("build/old"));
            Files.writeString(w.resolve("build/old/stale.o"), "o\n");
            Files.createDirectories(w.resolve("old/deep"));
            Files.writeString(w.resolve("old/deep/x.txt"), "x\n");
            Files.writeString(w.resolve("old/y.txt"), "y\n");
            ok(w, "git init -q -b main . && git add -A && git -c user.email=a@b -c user.name=a commit -qm init");
        }
    }

    @Test
    void aCommandInTheOverlayChangesNothingUntilAppliedAndThenWhatItWouldHaveChanged() throws IOException {
        Optional<String> why = overlay.unavailable(workspace);
        System.out.println("overlay: " + why.orElse("available"));
        assumeTrue(why.isEmpty(), "no overlay on this machine: " + why.orElse(""));
        Map<String, String> before = tree(workspace, true);
        ok(twin, SCRIPT);
        try (OverlayRun run = overlay.run(SCRIPT, workspace, shell, () -> false)) {
            assertEquals(0, run.result().exitCode(), run.result().output());
            assertEquals(before, tree(workspace, true), "nothing of the workspace, .git included, changed while it ran");
            Map<String, OverlayRun.Kind> changes = run.changes();
            assertEquals(OverlayRun.Kind.WRITTEN, changes.get("a.txt"));
            assertEquals(OverlayRun.Kind.DELETED, changes.get("b.txt"));
            assertEquals(OverlayRun.Kind.REPLACED_FOLDER, changes.get("old"), run.describe());
            assertEquals(OverlayRun.Kind.WRITTEN, changes.get("d/new.txt"));
            assertTrue(changes.keySet().stream().anyMatch(p -> p.startsWith(".git/")), "git's own changes are in the layer");
            assertEquals(List.of("a.txt", "b.txt", "d/new.txt", "link", "old/deep/x.txt", "old/only.txt", "old/y.txt", "run.sh"),
                    run.files(), "the files a checkpoint must hold: written, deleted, and those of the replaced folder;"
                            + " not the ignored build output nor .git");
            assertEquals(OverlayRun.Kind.WRITTEN, changes.get("build/out.o"), "ignored output is applied all the same");
            run.apply();
        }
        assertEquals(tree(twin, false), tree(workspace, false), "applied, the workspace is what the command made of its twin");
        assertTrue(Files.isExecutable(workspace.resolve("run.sh")));
        assertTrue(Files.isSymbolicLink(workspace.resolve("link")));
        assertEquals(out(twin, "git rev-parse --abbrev-ref HEAD && git status --porcelain && git log --format=%s"),
                out(workspace, "git rev-parse --abbrev-ref HEAD && git status --porcelain && git log --format=%s"));
        try (Stream<Path> left = Files.list(dir.resolve("scratch"))) {
            assertEquals(List.of(), left.toList(), "the layer is gone once the run is closed");
        }
    }

    @Test
    void aRunThatIsNotAppliedLeavesTheWorkspaceAsItWas() throws IOException {
        assumeTrue(overlay.unavailable(workspace).isEmpty(), "no overlay on this machine");
        Map<String, String> before = tree(workspace, true);
        try (OverlayRun run = overlay.run("rm -rf ./* .git && echo gone > x", workspace, shell, () -> false)) {
            assertNotEquals(Map.of(), run.changes());
        }
        assertEquals(before, tree(workspace, true));
    }

    private void ok(Path w, String line) throws IOException {
        CommandRunner.Result r = shell.run(line, w, () -> false);
        assertEquals(0, r.exitCode(), line + ": " + r.output());
    }

    private String out(Path w, String line) throws IOException {
        return shell.run(line, w, () -> false).output();
    }

    /** Every file (and link, by its target) under {@code root}: its content; {@code .git} too when asked. */
    private static Map<String, String> tree(Path root, boolean withGit) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString();
                if (rel.isEmpty() || !withGit && (rel.equals(".git") || rel.startsWith(".git/"))) {
                    continue;
                }
                out.put(rel, Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1)
                        + (Files.isExecutable(p) ? " +x" : ""));
            }
        }
        return out;
    }
}
