package dev.symphony.samples.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.util.FS;

/** A scratch repository driven by the real {@code git} executable (isolated from the user's config), to compare against. */
final class ScratchRepo {
    static {
        measureTempStore();
    }

    final Path dir;

    /**
     * JGit's timing of the temporary folders' file store, measured once per JVM before a test's repository exists. The
     * extension has JGit measure a store it does not know in the background ({@link FileStoreTiming}), writing probe
     * files into the repository's {@code .git} for seconds; a measurement still writing there while JUnit deleted the
     * test's folder failed the test ("Failed to delete temp directory …/.git/objects", CI of a fresh clone, where the
     * tests' JGit config is new). The extension's own background measuring is {@code FileStoreTimingTest}'s.
     */
    private static void measureTempStore() {
        FS.FileStoreAttributes.setBackground(false);
        FS.FileStoreAttributes.get(Path.of(System.getProperty("java.io.tmpdir")));
    }

    ScratchRepo(Path dir) throws Exception {
        this.dir = dir;
        git("init", "-q", "-b", "main");
    }

    /** The seed of a seeded test: {@code -Dsymphony.test.seed=N} or {@code SYMPHONY_TEST_SEED}, else a new one; printed. */
    static long seed(String test) {
        String configured = System.getProperty("symphony.test.seed", System.getenv("SYMPHONY_TEST_SEED"));
        long seed = configured == null ? System.nanoTime() : Long.parseLong(configured.trim());
        System.out.println(test + " seed = " + seed + " (rerun with -Dsymphony.test.seed=" + seed + ")");
        return seed;
    }

    static boolean gitInstalled() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs git in the repository; returns stdout; fails unless the exit code is in {@code ok} (0 when empty). */
    String git(String... args) throws Exception {
        return gitAllowing(new int[] {0}, args);
    }

    String gitAllowing(int[] ok, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Scratch", "-c", "user.email=scratch@example.org",
                "-c", "core.quotePath=false", "-c", "commit.gpgSign=false", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        pb.environment().put("HOME", dir.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("git " + String.join(" ", args) + " did not finish");
        }
        for (int code : ok) {
            if (p.exitValue() == code) {
                return out;
            }
        }
        throw new AssertionError("git " + String.join(" ", args) + " exited " + p.exitValue() + ": " + out);
    }

    /** {@code git status --porcelain=v1 -uall --ignored=matching}, without the optional index refresh git would write. */
    List<String> porcelain() throws Exception {
        String out = git("--no-optional-locks", "status", "--porcelain=v1", "-uall", "--ignored=matching");
        List<String> lines = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isEmpty()) {
                lines.add(l.endsWith("/") ? l.substring(0, l.length() - 1) : l); // git marks ignored folders with a slash
            }
        }
        lines.sort(null);
        return lines;
    }

    void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** Every file and folder under the repository (its .git included) with size, modification time and content hash. */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                String key = dir.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    out.put(key + "/", Files.getLastModifiedTime(p).toString());
                } else {
                    out.put(key, Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + java.util.Arrays.hashCode(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }

    /**
     * The status fixture: a merge in progress with conflicts of four kinds (UU, AA, DU, UD) and, beside them, a staged
     * rename, a staged rename modified again, a deletion, a path removed from the index but kept, a staged new file
     * changed again, a modification, untracked files in a new folder, ignored files and an ignored folder.
     */
    void buildEverything() throws Exception {
        write(".gitignore", "*.log\nbuild/\n");
        write("conflict.txt", "line 1\nline 2\nline 3\n");
        write("gone-there.txt", "kept on main, deleted on other\n");
        write("gone-here.txt", "deleted on main, kept on other\n");
        write("rename-me.txt", "a file with enough content\nto be recognised\nas renamed\nby both\n");
        write("rename-edit.txt", "one\ntwo\nthree\nfour\nfive\nsix\n");
        write("delete-me.txt", "bye\n");
        write("untrack-me.txt", "tracked for now\n");
        write("dir/edit.txt", "before\n");
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        git("checkout", "-q", "-b", "other");
        write("conflict.txt", "line 1 on other\nline 2\nline 3\n");
        write("gone-there.txt", "changed on other\n");
        Files.delete(dir.resolve("gone-there.txt"));
        write("gone-here.txt", "changed on other\n");
        write("both-added.txt", "other's version\n");
        git("add", "-A");
        git("commit", "-q", "-m", "other");
        git("checkout", "-q", "main");
        write("conflict.txt", "line 1 on main\nline 2\nline 3\n");
        write("gone-there.txt", "changed on main\n");
        Files.delete(dir.resolve("gone-here.txt"));
        write("both-added.txt", "main's version\n");
        git("add", "-A");
        git("commit", "-q", "-m", "main");
        gitAllowing(new int[] {1}, "merge", "-q", "other");
        git("mv", "rename-me.txt", "renamed.txt");
        git("mv", "rename-edit.txt", "renamed-edit.txt");
        write("renamed-edit.txt", "one\ntwo\nthree\nfour\nfive\nsix\nseven\n");
        Files.delete(dir.resolve("delete-me.txt"));
        git("rm", "-q", "--cached", "untrack-me.txt");
        write("new-staged.txt", "new\n");
        git("add", "new-staged.txt");
        write("new-staged.txt", "new, then changed\n");
        write("dir/edit.txt", "after\n");
        write("loose/one.txt", "untracked\n");
        write("loose/deeper/two.txt", "untracked too\n");
        write("top-untracked.txt", "untracked\n");
        write("debug.log", "ignored\n");
        write("dir/trace.log", "ignored\n");
        write("build/out.bin", "ignored folder\n");
    }
}
