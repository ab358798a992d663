package dev.symphony.samples.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension's status against {@code git status --porcelain} after seeded random changes made with the git
 * executable and plain file writes: edits (some keeping the size, which only a content check finds), deletions, new
 * files in new folders, ignored files, {@code git add}, {@code git rm --cached}, {@code git mv} (then edited or not),
 * commits and new branches. Compared after every step, read in one walk and in parts of a single entry and more
 * ({@link WalkPlan}). {@code -Dsymphony.test.seed=N} (or {@code SYMPHONY_TEST_SEED})
 * repeats a run.
 */
class StatusDifferentialTest {
    private static final int STEPS = 40;

    @TempDir
    Path dir;

    @Test
    void statusEqualsGitAfterEveryRandomChange() throws Exception {
        assumeTrue(ScratchRepo.gitInstalled(), "the git executable is needed to compare against");
        long seed = ScratchRepo.seed("StatusDifferentialTest");
        Random random = new Random(seed);
        ScratchRepo repo = new ScratchRepo(dir);
        repo.write(".gitignore", "*.log\nout/\n");
        for (int i = 0; i < 12; i++) {
            repo.write(fileName(random, i), body(i, 0));
        }
        repo.git("add", "-A");
        repo.git("commit", "-q", "-m", "base");
        List<String> done = new ArrayList<>();
        int counter = 100;
        for (int step = 0; step < STEPS; step++) {
            List<String> files = files();
            String pick = files.isEmpty() ? null : files.get(random.nextInt(files.size()));
            int op = random.nextInt(11);
            String what;
            if (pick == null || op == 0) {
                String name = fileName(random, counter++);
                repo.write(name, body(counter, 0));
                what = "new " + name;
            } else if (op == 1) {
                Files.delete(dir.resolve(pick));
                what = "delete " + pick;
            } else if (op == 2) {
                String text = Files.readString(dir.resolve(pick));
                int at = random.nextInt(text.length());
                char c = text.charAt(at) == 'x' ? 'y' : 'x';
                repo.write(pick, text.substring(0, at) + c + text.substring(at + 1)); // same size: found by content only
                what = "same-size edit " + pick;
            } else if (op == 3) {
                repo.write(pick, Files.readString(dir.resolve(pick)) + "appended " + counter++ + "\n");
                what = "append " + pick;
            } else if (op == 4) {
                repo.git("add", "-A", "--", pick);
                what = "add " + pick;
            } else if (op == 5) {
                repo.gitAllowing(new int[] {0, 128}, "rm", "-q", "--cached", "--", pick); // 128: not in the index
                what = "rm --cached " + pick;
            } else if (op == 6 && tracked(repo, pick)) {
                String to = fileName(random, counter++);
                Files.createDirectories(dir.resolve(to).getParent());
                repo.gitAllowing(new int[] {0, 128}, "mv", "--", pick, to); // 128: e.g. a staged rename's source
                if (random.nextBoolean() && Files.exists(dir.resolve(to))) {
                    repo.write(to, Files.readString(dir.resolve(to)) + "after the move\n");
                }
                what = "mv " + pick + " " + to;
            } else if (op == 7) {
                repo.write(random.nextBoolean() ? "d" + random.nextInt(3) + "/trace" + counter++ + ".log" : "out/bin" + counter++, "ignored\n");
                what = "ignored file";
            } else if (op == 8) {
                repo.gitAllowing(new int[] {0, 1}, "commit", "-q", "-m", "step " + step); // 1: nothing staged
                what = "commit";
            } else if (op == 9) {
                repo.git("add", "-A");
                repo.gitAllowing(new int[] {0, 1}, "commit", "-q", "-m", "all at step " + step);
                repo.git("checkout", "-q", "-b", "b" + step);
                what = "commit all, branch b" + step;
            } else {
                repo.write(pick, body(counter++, random.nextInt(4)));
                what = "rewrite " + pick;
            }
            done.add(what);
            List<String> git = repo.porcelain();
            assertEquals(git, StatusReaderTest.ours(dir), "seed " + seed + ", after step " + step + ": " + done);
            assertEquals(git, StatusReaderTest.oursInParts(dir), "in parts: seed " + seed + ", after step " + step + ": " + done);
        }
    }

    /** A path in one of a few folders (some nested), so changes share folders and new folders appear. */
    private static String fileName(Random random, int n) {
        return switch (random.nextInt(4)) {
            case 0 -> "f" + n + ".txt";
            case 1 -> "d" + random.nextInt(3) + "/f" + n + ".txt";
            case 2 -> "d" + random.nextInt(3) + "/e" + random.nextInt(2) + "/f" + n + ".txt";
            default -> "new" + n + "/f" + n + ".txt";
        };
    }

    /** Six lines unique to {@code n}, so a rename's source is found by content and no two files pair up by chance. */
    private static String body(int n, int variant) {
        StringBuilder b = new StringBuilder();
        for (int line = 0; line < 6; line++) {
            b.append("file ").append(n).append(" line ").append(line).append(line == variant ? " changed" : "").append('\n');
        }
        return b.toString();
    }

    private List<String> files() throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/") && !p.equals(".gitignore") && !p.endsWith(".log") && !p.startsWith("out/"))
                    .sorted().toList();
        }
    }

    private static boolean tracked(ScratchRepo repo, String path) throws Exception {
        return !repo.git("ls-files", "--", path).isBlank();
    }
}
