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
 * commits, new branches, switches to an earlier branch (so branches diverge) and merges of one into another, whose
 * conflicts stay for the steps after them to edit, stage or commit. Compared after every step, read in one walk and in
 * parts of a single entry and more ({@link WalkPlan}). {@code -Dsymphony.test.seed=N} (or {@code SYMPHONY_TEST_SEED})
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
        List<String> branches = new ArrayList<>(List.of("main"));
        int counter = 100;
        int conflictedSteps = 0;
        for (int step = 0; step < STEPS; step++) {
            List<String> files = files();
            String pick = files.isEmpty() ? null : files.get(random.nextInt(files.size()));
            int op = random.nextInt(13);
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
                // 128: not in the index; 1: git refuses, the staged content differing from both the file and HEAD (a no-op)
                repo.gitAllowing(new int[] {0, 1, 128}, "rm", "-q", "--cached", "--", pick);
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
                // 1: nothing staged; 128: a merge's conflicts not all staged yet
                repo.gitAllowing(new int[] {0, 1, 128}, "commit", "-q", "-m", "step " + step);
                what = "commit";
            } else if (op == 9) {
                repo.git("add", "-A");
                repo.gitAllowing(new int[] {0, 1}, "commit", "-q", "-m", "all at step " + step);
                repo.git("checkout", "-q", "-b", "b" + step);
                branches.add("b" + step);
                what = "commit all, branch b" + step;
            } else if (op == 11 && branches.size() > 1) {
                String to = branches.get(random.nextInt(branches.size()));
                repo.git("add", "-A");
                repo.gitAllowing(new int[] {0, 1}, "commit", "-q", "-m", "all at step " + step); // a merge's conflicts too
                repo.gitAllowing(new int[] {0, 1}, "checkout", "-q", to); // 1: an untracked file in the way
                what = "commit all, switch to " + to; // its own commits after this make the branches diverge
            } else if (op == 12 && branches.size() > 1) {
                String other = branches.get(random.nextInt(branches.size()));
                repo.git("add", "-A");
                repo.gitAllowing(new int[] {0, 1}, "commit", "-q", "-m", "all at step " + step);
                // 1: conflicts, left in the index and the files for the next steps (or an untracked file in the way)
                repo.gitAllowing(new int[] {0, 1}, "merge", "-q", "--no-edit", other);
                what = "commit all, merge " + other;
            } else {
                repo.write(pick, body(counter++, random.nextInt(4)));
                what = "rewrite " + pick;
            }
            done.add(what);
            List<String> git = repo.porcelain();
            assertEquals(git, StatusReaderTest.ours(dir), "seed " + seed + ", after step " + step + ": " + done);
            assertEquals(git, StatusReaderTest.oursInParts(dir), "in parts: seed " + seed + ", after step " + step + ": " + done);
            conflictedSteps += git.stream().anyMatch(l -> l.matches("(UU|AA|DD|AU|UA|DU|UD) .*")) ? 1 : 0;
        }
        System.out.println("StatusDifferentialTest: " + done.stream().filter(w -> w.contains("merge ")).count() + " merges, "
                + conflictedSteps + " steps compared with conflicts in the index");
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
