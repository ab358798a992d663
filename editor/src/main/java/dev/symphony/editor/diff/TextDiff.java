package dev.symphony.editor.diff;

import dev.symphony.editor.file.LineDiff;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;

/**
 * The differences between a left and a right text: changed line blocks in order, each with the words
 * that differ inside it. Lines compare by content, so a file whose line endings alone changed shows
 * no change (as in VS Code's diff editor). Computing one reads both texts whole: call it off the UI
 * thread.
 */
public record TextDiff(List<DiffChange> changes) {

    public TextDiff {
        changes = List.copyOf(changes);
    }

    public static TextDiff of(Rope left, Rope right) {
        List<DiffChange> out = new ArrayList<>();
        for (LineDiff.Hunk h : LineDiff.of(left, right).hunks()) {
            List<List<Span>> words = null;
            if (h.countA() > 0 && h.countB() > 0) {
                int a = left.lineStart(h.fromA());
                int b = right.lineStart(h.fromB());
                words = WordDiff.of(left.substring(a, left.lineEnd(h.fromA() + h.countA() - 1)), a,
                        right.substring(b, right.lineEnd(h.fromB() + h.countB() - 1)), b);
            }
            out.add(new DiffChange(h.fromA(), h.countA(), h.fromB(), h.countB(),
                    words == null ? List.of() : words.get(0), words == null ? List.of() : words.get(1)));
        }
        return new TextDiff(out);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Index of the first change that ends at or after right line {@code line} (or is after it); size() when none. */
    public int changeAtOrAfterRight(int line) {
        for (int i = 0; i < changes.size(); i++) {
            DiffChange c = changes.get(i);
            if (c.rightLine() + Math.max(1, c.rightCount()) > line) {
                return i;
            }
        }
        return changes.size();
    }

    /**
     * The left line shown beside right line {@code line}: unchanged lines pair one to one, a line inside a
     * changed block pairs with the same position in the left block (clamped to it).
     */
    public int leftLineFor(int line) {
        int delta = 0;
        for (DiffChange c : changes) {
            if (line < c.rightLine()) {
                break;
            }
            if (line < c.rightLine() + c.rightCount()) {
                return c.leftLine() + Math.min(line - c.rightLine(), Math.max(0, c.leftCount() - 1));
            }
            delta = c.leftLine() + c.leftCount() - (c.rightLine() + c.rightCount());
        }
        return Math.max(0, line + delta);
    }

    /** The right line shown beside left line {@code line} (the mirror of {@link #leftLineFor}). */
    public int rightLineFor(int line) {
        int delta = 0;
        for (DiffChange c : changes) {
            if (line < c.leftLine()) {
                break;
            }
            if (line < c.leftLine() + c.leftCount()) {
                return c.rightLine() + Math.min(line - c.leftLine(), Math.max(0, c.rightCount() - 1));
            }
            delta = c.rightLine() + c.rightCount() - (c.leftLine() + c.leftCount());
        }
        return Math.max(0, line + delta);
    }
}
