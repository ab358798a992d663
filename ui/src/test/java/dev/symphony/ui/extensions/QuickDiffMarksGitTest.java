package dev.symphony.ui.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.symphony.editor.file.LineDiff;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.editor.ChangeMarks;
import dev.symphony.ui.editor.ChangeMarks.Kind;
import dev.symphony.ui.editor.ChangeMarks.Mark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gutter's change marks: what each kind of change gives, and — over seeded random edits
 * ({@code -Dsymphony.test.seed=N} replays one) — the lines marked against the lines the git executable counts as
 * added and deleted ({@code git diff --minimal --numstat}: both are minimal line diffs, so the counts agree even where
 * the two place an ambiguous change differently).
 */
class QuickDiffMarksGitTest {
    private static final String HEAD = "one\ntwo\nthree\nfour\n";

    private static ChangeMarks marks(String original, String current) {
        return ChangeMarks.of(LineDiff.of(Rope.of(original), Rope.of(current)));
    }

    @Test
    void eachKindOfChangeIsMarkedOnTheCurrentLines() {
        assertEquals(ChangeMarks.NONE, marks(HEAD, HEAD));
        assertEquals(List.of(new Mark(1, 2, Kind.ADDED)), marks(HEAD, "one\nnew\nnewer\ntwo\nthree\nfour\n").items());
        assertEquals(List.of(new Mark(1, 1, Kind.MODIFIED)), marks(HEAD, "one\nTWO\nthree\nfour\n").items());
        assertEquals(List.of(new Mark(1, 0, Kind.DELETED)), marks(HEAD, "one\nthree\nfour\n").items());
        assertEquals(List.of(new Mark(0, 0, Kind.DELETED)), marks(HEAD, "two\nthree\nfour\n").items());
        assertEquals(List.of(new Mark(3, 0, Kind.DELETED)), marks(HEAD, "one\ntwo\nthree\n").items(), "the last line deleted");
        ChangeMarks m = marks(HEAD, "ONE\ntwo\nfour\nfive\n");
        assertEquals(List.of(new Mark(0, 1, Kind.MODIFIED), new Mark(2, 0, Kind.DELETED), new Mark(3, 1, Kind.ADDED)), m.items());
        assertEquals(Kind.MODIFIED, m.at(0));
        assertEquals(null, m.at(1));
        assertEquals(Kind.DELETED, m.at(2), "a deletion is drawn above the line after it");
        assertEquals(1, m.count(Kind.ADDED));
        assertEquals(List.of(new Mark(0, 4, Kind.ADDED)), marks("", "a\nb\nc\nd\n").items(), "a new file: every line added");
    }

    @Test
    void linesMarkedAgreeWithGitOverRandomEdits(@TempDir Path dir) throws Exception {
        assumeTrue(GitFixture.gitInstalled(), "the git executable is the reference");
        long seed = seed();
        Random random = new Random(seed);
        System.out.println("QuickDiffMarksGitTest seed " + seed + " (-Dsymphony.test.seed=" + seed + " replays it)");
        for (int round = 0; round < 40; round++) {
            List<String> original = new ArrayList<>();
            for (int i = random.nextInt(40); i > 0; i--) {
                original.add(line(random));
            }
            List<String> current = edit(random, original);
            String a = String.join("\n", original) + "\n";
            String b = String.join("\n", current) + "\n";
            Files.writeString(dir.resolve("a.txt"), a);
            Files.writeString(dir.resolve("b.txt"), b);
            String numstat = GitFixture.git(dir, true, "diff", "--no-index", "--minimal", "--numstat", "a.txt", "b.txt").trim();
            int gitAdded = numstat.isEmpty() ? 0 : Integer.parseInt(numstat.split("\t")[0]);
            int gitDeleted = numstat.isEmpty() ? 0 : Integer.parseInt(numstat.split("\t")[1]);
            LineDiff diff = LineDiff.of(Rope.of(a), Rope.of(b));
            ChangeMarks marks = ChangeMarks.of(diff);
            String context = "seed " + seed + " round " + round + "\n--- original\n" + a + "--- current\n" + b;
            assertEquals(gitAdded, marks.count(Kind.ADDED) + marks.count(Kind.MODIFIED), "lines marked added or modified; " + context);
            assertEquals(gitDeleted, diff.hunks().stream().mapToInt(LineDiff.Hunk::countA).sum(), "lines deleted; " + context);
            assertEquals(gitAdded == 0 && gitDeleted == 0, marks.items().isEmpty(), context);
            for (Mark mark : marks.items()) {
                assertEquals(mark.kind() == Kind.DELETED, mark.count() == 0, context);
            }
        }
    }

    /** A few edits: lines inserted, deleted, changed, from a small alphabet so equal lines (ambiguous diffs) are common. */
    private static List<String> edit(Random random, List<String> original) {
        List<String> out = new ArrayList<>(original);
        for (int e = random.nextInt(5); e >= 0; e--) {
            int at = random.nextInt(out.size() + 1);
            switch (random.nextInt(3)) {
                case 0 -> out.add(at, line(random));
                case 1 -> {
                    if (at < out.size()) {
                        out.remove(at);
                    }
                }
                default -> {
                    if (at < out.size()) {
                        out.set(at, line(random));
                    }
                }
            }
        }
        return out;
    }

    private static String line(Random random) {
        return random.nextInt(4) == 0 ? "" : String.valueOf((char) ('a' + random.nextInt(6))).repeat(1 + random.nextInt(2));
    }

    private static long seed() {
        String value = System.getProperty("symphony.test.seed", System.getenv("SYMPHONY_TEST_SEED"));
        return value != null ? Long.parseLong(value) : System.nanoTime();
    }
}
