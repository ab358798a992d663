package dev.symphony.ui.lsp;

import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The tab stops of a snippet a completion inserted, in tab order: {@code $1}, {@code $2} … then {@code $0} (the end of
 * the snippet when it has none). Each stop is one or more ranges (a number used twice is a mirror: its places are
 * selected together, so typing edits them all). Ranges move with every edit (typing in a stop grows it); an edit
 * outside the snippet's span, or a change the session cannot follow (an undo), ends it. No JavaFX: {@link SnippetMode}
 * drives it from the keys.
 */
final class SnippetSession {
    /** Tab stop {@code number} over {@code from}–{@code to} (offsets of the text). */
    record TabStop(int number, int from, int to) {
    }

    private final List<int[][]> groups; // in tab order; each range {from, to}
    private int current;
    private int start;
    private int end;

    private SnippetSession(List<int[][]> groups, int start, int end) {
        this.groups = groups;
        this.start = start;
        this.end = end;
    }

    /**
     * A session over the snippet inserted at {@code start}–{@code end} with {@code stops}, on its first stop; null when
     * there is nothing to tab through (no stop numbered above 0).
     */
    static SnippetSession of(List<TabStop> stops, int start, int end) {
        TreeMap<Integer, List<int[]>> byNumber = new TreeMap<>();
        for (TabStop s : stops) {
            if (s.from() < start || s.to() > end || s.to() < s.from() || s.number() < 0) {
                continue; // outside what was inserted: the server's text was not what it said
            }
            byNumber.computeIfAbsent(s.number(), n -> new ArrayList<>()).add(new int[] {s.from(), s.to()});
        }
        List<int[]> last = byNumber.remove(0);
        if (byNumber.isEmpty()) {
            return null;
        }
        List<int[][]> groups = new ArrayList<>();
        byNumber.values().forEach(ranges -> groups.add(sorted(ranges)));
        groups.add(last == null ? new int[][] {{end, end}} : sorted(last));
        return new SnippetSession(groups, start, end);
    }

    private static int[][] sorted(List<int[]> ranges) {
        ranges.sort(Comparator.comparingInt((int[] r) -> r[0]).thenComparingInt(r -> r[1]));
        return ranges.toArray(new int[0][]);
    }

    /** The current stop's places as selections (each selecting its text, the caret at its end). */
    SelectionSet selection() {
        List<Selection> out = new ArrayList<>();
        for (int[] r : groups.get(current)) {
            out.add(Selection.of(r[0], r[1]));
        }
        return SelectionSet.of(out);
    }

    /** Moves to the next stop; false when already on the last ({@code $0}). */
    boolean next() {
        if (current >= groups.size() - 1) {
            return false;
        }
        current++;
        return true;
    }

    /** Moves to the previous stop; false when on the first. */
    boolean previous() {
        if (current == 0) {
            return false;
        }
        current--;
        return true;
    }

    /** True on {@code $0}, the stop that ends the session. */
    boolean onLastStop() {
        return current == groups.size() - 1;
    }

    /** True when {@code offset} lies in the snippet (its ends included). */
    boolean contains(int offset) {
        return start <= offset && offset <= end;
    }

    /**
     * Carries every range through {@code change}; false when the session cannot follow it (null: an undo or a history
     * jump, or an edit outside the snippet's span), and it should end.
     */
    boolean map(ChangeSet change) {
        if (change == null) {
            return false;
        }
        for (TextEdit e : change.edits()) {
            if (e.from() < start || e.to() > end) {
                return false;
            }
        }
        for (int[][] group : groups) {
            for (int[] r : group) {
                int from = startAfter(change, r[0]);
                r[1] = Math.max(from, change.map(r[1], true));
                r[0] = from;
            }
        }
        start = startAfter(change, start);
        end = change.map(end, true);
        return true;
    }

    /**
     * Where the start of a range ends up: an edit that starts at it (typing over a selected placeholder, or into an
     * empty stop) leaves it before the new text, so the range takes that text in; inside a replaced range it moves to
     * the replacement's start. ({@link ChangeSet#map} moves a position at a replaced range's start to its end.)
     */
    private static int startAfter(ChangeSet change, int pos) {
        int delta = 0;
        for (TextEdit e : change.edits()) {
            if (e.from() >= pos) {
                break;
            }
            if (e.to() > pos) {
                return e.from() + delta;
            }
            delta += e.delta();
        }
        return pos + delta;
    }
}
