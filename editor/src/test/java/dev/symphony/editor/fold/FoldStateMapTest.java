package dev.symphony.editor.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.bench.FoldStateBefore;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FoldState#map} moves untouched folds by what the edits before them added and looks lines up only for the
 * folds an edit touches; this checks it, over random texts (LF, CR, CR LF), folds and edits (one or several per change,
 * many of them a character or two from a fold's ends, undos without a change set), against the full recomputation:
 * every fold's offsets mapped through {@link ChangeSet#map} and its lines looked up in the rope, as the state did
 * before ({@link FoldStateBefore}, also the before of the keystroke benchmark).
 */
class FoldStateMapTest {

    @Test
    void movingFoldsThroughEditsAgreesWithRecomputingThem() {
        long seed = Seeds.seed();
        System.out.println("FoldState.map vs recomputing every fold: seed " + seed);
        try {
            rounds(new Random(seed));
        } catch (AssertionError e) {
            throw new AssertionError("FoldState.map vs recomputing every fold failed; rerun with SYMPHONY_TEST_SEED="
                    + seed + ": " + e.getMessage(), e);
        }
    }

    private static void rounds(Random r) {
        for (int round = 0; round < 3000; round++) {
            boolean unfoldOnHiddenEdit = r.nextBoolean();
            Rope text = Rope.of(randomText(r, 1 + r.nextInt(40)));
            FoldState state = new FoldState(unfoldOnHiddenEdit);
            FoldStateBefore reference = new FoldStateBefore(unfoldOnHiddenEdit);
            if (r.nextBoolean()) {
                List<FoldRegion> all = randomRegions(r, text.lineCount());
                state.set(all, text);
                reference.set(all, text);
            }
            for (int step = 0; step < 30; step++) {
                int what = r.nextInt(10);
                if (what == 0 && text.lineCount() > 1) {
                    int start = r.nextInt(text.lineCount() - 1);
                    FoldRegion region = new FoldRegion(start, start + 1 + r.nextInt(text.lineCount() - 1 - start));
                    assertEquals(reference.fold(region, text), state.fold(region, text), "fold " + region);
                } else if (what == 1) {
                    int line = r.nextInt(text.lineCount());
                    assertEquals(reference.unfold(line, text), state.unfold(line, text), "unfold " + line);
                } else if (what == 2) {
                    int line = r.nextInt(text.lineCount());
                    assertEquals(reference.reveal(line, text), state.reveal(line, text), "reveal " + line);
                } else {
                    Rope before = text;
                    ChangeSet change = randomChange(r, before, state.regions(before));
                    text = change.apply(before);
                    ChangeSet given = r.nextInt(8) == 0 && change.edits().size() == 1 ? null : change; // as an undo
                    state.map(before, text, given);
                    reference.map(before, text, given);
                    check(state, reference, text, "after " + change + " on " + quoted(before));
                }
            }
            check(state, reference, text, "at the end of round " + round);
        }
    }

    private static void check(FoldState state, FoldStateBefore reference, Rope text, String when) {
        List<FoldRegion> expected = reference.regions(text);
        String what = when + ": folds " + expected + " in " + quoted(text);
        assertEquals(expected, state.regions(text), what);
        VisibleLines shown = state.visibleLines(text);
        VisibleLines expectedShown = VisibleLines.of(expected, text.lineCount());
        assertEquals(expectedShown.visibleCount(), shown.visibleCount(), what);
        for (int row = 0; row < shown.visibleCount(); row++) {
            assertEquals(expectedShown.lineAt(row), shown.lineAt(row), what + ": line at row " + row);
        }
        for (int line = 0; line < text.lineCount(); line++) {
            assertEquals(expectedShown.rowOf(line), shown.rowOf(line), what + ": row of line " + line);
            assertEquals(expectedShown.shownLineOf(line), shown.shownLineOf(line), what + ": shown line of " + line);
            assertEquals(reference.outermostAt(line, text), state.outermostAt(line, text), what + ": fold at " + line);
        }
    }

    private static int nearFold(Random r, Rope text, List<FoldRegion> folded) {
        FoldRegion f = folded.get(r.nextInt(folded.size()));
        return text.lineEnd(r.nextBoolean() ? f.startLine() : f.endLine()) + r.nextInt(5) - 2;
    }

    private static String quoted(Rope text) {
        return '"' + text.toString().replace("\r", "\\r").replace("\n", "\\n") + '"';
    }

    private static String randomText(Random r, int lines) {
        StringBuilder sb = new StringBuilder();
        String[] breaks = {"\n", "\n", "\n", "\r", "\r\n"};
        for (int i = 0; i < lines; i++) {
            sb.append("abc  x".substring(0, r.nextInt(6)));
            if (i < lines - 1 || r.nextBoolean()) {
                sb.append(breaks[r.nextInt(breaks.length)]);
            }
        }
        return sb.toString();
    }

    private static List<FoldRegion> randomRegions(Random r, int lineCount) {
        List<FoldRegion> out = new ArrayList<>();
        for (int start = 0; start < lineCount - 1; start++) {
            if (r.nextInt(3) > 0) {
                out.add(new FoldRegion(start, start + 1 + r.nextInt(Math.min(lineCount - 1 - start, 6))));
            }
        }
        return out;
    }

    /** One to four edits, most of their ends near a folded line's end (where the boundary cases are). */
    private static ChangeSet randomChange(Random r, Rope text, List<FoldRegion> folded) {
        List<Integer> points = new ArrayList<>();
        int n = 1 + r.nextInt(r.nextBoolean() ? 1 : 4);
        for (int i = 0; i < 2 * n; i++) {
            int p = r.nextInt(3) == 0 || folded.isEmpty() ? r.nextInt(text.length() + 1) : nearFold(r, text, folded);
            points.add(Math.max(0, Math.min(text.length(), p)));
        }
        points.sort(null);
        List<TextEdit> edits = new ArrayList<>();
        String[] inserts = {"", "", "y", "\n", "\r", "\r\n", "z\nq", "\n\n"};
        for (int i = 0; i < points.size(); i += 2) {
            int from = points.get(i);
            int to = r.nextInt(3) == 0 ? from : points.get(i + 1);
            String insert = inserts[r.nextInt(inserts.length)];
            if (from == to && insert.isEmpty()) {
                insert = "w";
            }
            edits.add(new TextEdit(from, to, insert));
        }
        return new ChangeSet(edits);
    }
}
