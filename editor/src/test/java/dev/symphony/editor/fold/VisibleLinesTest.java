package dev.symphony.editor.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VisibleLinesTest {

    @Test
    void aFoldedRegionLeavesItsFirstLineAndTheLinesAfterIt() {
        VisibleLines v = VisibleLines.of(List.of(new FoldRegion(2, 5)), 10);
        assertEquals(7, v.visibleCount());
        assertEquals(List.of(0, 1, 2, 6, 7, 8, 9), lines(v));
        assertEquals(2, v.rowOf(4)); // hidden: the row of its fold's first line
        assertEquals(3, v.rowOf(6));
        assertEquals(6, v.lineBy(2, 1)); // down from the fold's first line: past the fold
        assertEquals(2, v.lineBy(6, -1));
        assertEquals(-1, v.lineBy(0, -1));
        assertEquals(10, v.lineBy(9, 1));
    }

    @Test
    void aMillionLineTextWithAFoldedBlockScrollsOverTheShownLinesOnly() {
        VisibleLines v = VisibleLines.of(List.of(new FoldRegion(10, 500_009), new FoldRegion(600_000, 999_999)), 1_000_000);
        assertEquals(1_000_000 - 499_999 - 399_999, v.visibleCount()); // lines 11..500,009 and 600,001..999,999 hidden
        assertEquals(600_000, v.lineAt(v.visibleCount() - 1));
        assertEquals(500_010, v.lineAt(11));
    }

    /**
     * Random fold sets (nested, overlapping, sharing a first line, past the end) against the plain model: walking the
     * lines as painting does, each shown line followed by the line after the longest fold starting on it.
     */
    @Test
    void everyLookupAgreesWithWalkingTheLines() {
        seeded("VisibleLines vs walking the lines", r -> {
            for (int round = 0; round < 400; round++) {
                int lineCount = 1 + r.nextInt(60);
                List<FoldRegion> folds = randomFolds(r, lineCount + 3);
                check(VisibleLines.of(folds, lineCount), folds, lineCount);
            }
        });
    }

    /** The same through {@link FoldState}, whose folds painting walks with {@link FoldState#lastHiddenAfter}. */
    @Test
    void foldStateGivesTheLinesPaintingShows() {
        seeded("FoldState.visibleLines vs painting", r -> {
            for (int round = 0; round < 200; round++) {
                int lineCount = 2 + r.nextInt(40);
                Rope text = Rope.of("x\n".repeat(lineCount - 1) + "x");
                FoldState state = new FoldState();
                for (FoldRegion f : randomFolds(r, lineCount)) {
                    state.fold(f, text);
                }
                List<Integer> painted = new ArrayList<>();
                for (int line = 0; line < lineCount; line = state.lastHiddenAfter(line, text) + 1) {
                    painted.add(line);
                }
                assertEquals(painted, lines(state.visibleLines(text)), "folds " + state.regions(text));
            }
        });
    }

    /** Runs {@code body} with a seeded Random, printing the seed (rerun with SYMPHONY_TEST_SEED) and naming it on failure. */
    private static void seeded(String name, java.util.function.Consumer<Random> body) {
        long seed = Seeds.seed();
        System.out.println(name + ": seed " + seed);
        try {
            body.accept(new Random(seed));
        } catch (AssertionError e) {
            throw new AssertionError(name + " failed; rerun with SYMPHONY_TEST_SEED=" + seed + ": " + e.getMessage(), e);
        }
    }

    private static List<FoldRegion> randomFolds(Random r, int maxLine) {
        List<FoldRegion> folds = new ArrayList<>();
        int n = r.nextInt(8);
        for (int i = 0; i < n && maxLine >= 2; i++) {
            int start = r.nextInt(maxLine - 1);
            folds.add(new FoldRegion(start, start + 1 + r.nextInt(Math.min(maxLine - 1 - start, 1 + r.nextInt(12)))));
        }
        folds.sort(null);
        return folds;
    }

    private static void check(VisibleLines v, List<FoldRegion> folds, int lineCount) {
        List<Integer> shown = new ArrayList<>();
        int[] shownAs = new int[lineCount];
        for (int line = 0; line < lineCount; ) {
            shown.add(line);
            int last = line;
            for (FoldRegion f : folds) {
                if (f.startLine() == line) {
                    last = Math.max(last, Math.min(f.endLine(), lineCount - 1));
                }
            }
            for (int l = line; l <= last; l++) {
                shownAs[l] = line;
            }
            line = last + 1;
        }
        String what = "folds " + folds + " over " + lineCount + " lines";
        assertEquals(shown.size(), v.visibleCount(), what);
        for (int row = -2; row < shown.size() + 2; row++) {
            int expected = row < 0 ? row : row >= shown.size() ? lineCount + row - shown.size() : shown.get(row);
            assertEquals(expected, v.lineAt(row), what + ": line at row " + row);
        }
        for (int line = 0; line < lineCount; line++) {
            int row = shown.indexOf(shownAs[line]);
            assertEquals(row, v.rowOf(line), what + ": row of " + line);
            assertEquals(shownAs[line], v.shownLineOf(line), what + ": shown line of " + line);
            assertEquals(shownAs[line] != line, v.isHidden(line), what + ": hidden " + line);
            int rows = -3 + (line % 7);
            int target = row + rows;
            int expected = target < 0 ? target : target >= shown.size() ? lineCount + target - shown.size() : shown.get(target);
            assertEquals(expected, v.lineBy(line, rows), what + ": " + rows + " rows from " + line);
        }
    }

    private static List<Integer> lines(VisibleLines v) {
        List<Integer> out = new ArrayList<>();
        for (int row = 0; row < v.visibleCount(); row++) {
            out.add(v.lineAt(row));
        }
        return out;
    }
}
