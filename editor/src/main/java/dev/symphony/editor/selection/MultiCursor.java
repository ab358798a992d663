package dev.symphony.editor.selection;

import dev.symphony.editor.search.SearchQuery;
import dev.symphony.editor.search.Searcher;
import dev.symphony.editor.search.TextRange;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands over all cursors at once. Each returns one {@link Transaction}, so a multi-cursor edit is
 * one revision and one undo step.
 */
public final class MultiCursor {

    private MultiCursor() {
    }

    /** Replaces every selection by {@code text} (typing or pasting); carets land after the insertion. */
    public static Transaction type(Rope rope, SelectionSet sels, String text) {
        List<TextEdit> edits = new ArrayList<>(sels.size());
        List<Selection> after = new ArrayList<>(sels.size());
        int delta = 0;
        for (Selection s : sels.all()) {
            edits.add(new TextEdit(s.start(), s.end(), text));
            int caret = s.start() + delta + text.length();
            after.add(Selection.cursor(caret));
            delta += text.length() - (s.end() - s.start());
        }
        return new Transaction(new ChangeSet(edits), SelectionSet.of(after));
    }

    /** Backspace ({@code forward == false}) or Delete: removes selections, or one character at each caret. */
    public static Transaction delete(Rope rope, SelectionSet sels, boolean forward) {
        List<int[]> ranges = new ArrayList<>(sels.size());
        for (Selection s : sels.all()) {
            int from = s.start();
            int to = s.end();
            if (s.isEmpty()) {
                if (forward) {
                    to = Motions.clusterRight(rope, to); // Delete takes the whole character with its marks
                } else {
                    from = Motions.charLeft(rope, from);
                }
            }
            if (!ranges.isEmpty() && from <= ranges.get(ranges.size() - 1)[1]) {
                int[] last = ranges.get(ranges.size() - 1);
                last[1] = Math.max(last[1], to);
            } else {
                ranges.add(new int[] {from, to});
            }
        }
        List<TextEdit> edits = new ArrayList<>(ranges.size());
        List<Selection> after = new ArrayList<>(ranges.size());
        int delta = 0;
        for (int[] r : ranges) {
            if (r[1] > r[0]) {
                edits.add(TextEdit.delete(r[0], r[1]));
            }
            after.add(Selection.cursor(r[0] + delta));
            delta -= r[1] - r[0];
        }
        return new Transaction(new ChangeSet(edits), SelectionSet.of(after));
    }

    /** Moves every caret; {@code extend} keeps anchors (shift+arrow). No text change. */
    public static Transaction move(Rope rope, SelectionSet sels, Motion motion, boolean extend) {
        return move(rope, sels, motion, extend, ShownLines.ALL);
    }

    /** As {@link #move(Rope, SelectionSet, Motion, boolean)}, Up and Down over the lines {@code shown} shows (folds). */
    public static Transaction move(Rope rope, SelectionSet sels, Motion motion, boolean extend, ShownLines shown) {
        List<Selection> out = new ArrayList<>(sels.size());
        int[] goal = new int[1];
        for (Selection s : sels.all()) {
            boolean vertical = motion == Motion.LINE_UP || motion == Motion.LINE_DOWN;
            goal[0] = vertical ? s.goalColumn() : -1;
            int head;
            if (!extend && !s.isEmpty() && (motion == Motion.CHAR_LEFT || motion == Motion.CHAR_RIGHT)) {
                head = motion == Motion.CHAR_LEFT ? s.start() : s.end();
            } else {
                head = Motions.move(rope, s.head(), motion, goal, shown);
            }
            out.add(new Selection(extend ? s.anchor() : head, head, vertical ? goal[0] : -1));
        }
        return new Transaction(ChangeSet.of(), SelectionSet.of(out));
    }

    /** Adds a caret on the line above (or below) every caret, at the same column where it exists. */
    public static SelectionSet addCursorsVertically(Rope rope, SelectionSet sels, boolean above) {
        return addCursorsVertically(rope, sels, above, ShownLines.ALL);
    }

    /** As {@link #addCursorsVertically(Rope, SelectionSet, boolean)}, on the next line {@code shown} shows (past a fold). */
    public static SelectionSet addCursorsVertically(Rope rope, SelectionSet sels, boolean above, ShownLines shown) {
        List<Selection> out = new ArrayList<>(sels.all());
        for (Selection s : sels.all()) {
            int line = rope.lineOf(s.head());
            int target = shown.lineBy(line, above ? -1 : 1);
            if (target < 0 || target >= rope.lineCount()) {
                continue;
            }
            int col = s.goalColumn() >= 0 ? s.goalColumn() : s.head() - rope.lineStart(line);
            int at = Math.min(rope.lineStart(target) + col, rope.lineEnd(target));
            out.add(new Selection(at, at, col));
        }
        return SelectionSet.of(out);
    }

    /**
     * Selects every occurrence of the last selection's text (or of the word at the last caret), like
     * "select all occurrences".
     */
    public static SelectionSet addCursorsAtAllMatches(Rope rope, SelectionSet sels) {
        Selection last = sels.get(sels.size() - 1);
        int from = last.start();
        int to = last.end();
        boolean wholeWord = false;
        if (last.isEmpty()) {
            while (from > 0 && Motions.kind(rope.charAt(from - 1)) == 1) {
                from--;
            }
            while (to < rope.length() && Motions.kind(rope.charAt(to)) == 1) {
                to++;
            }
            wholeWord = true;
        }
        if (from == to) {
            return sels;
        }
        SearchQuery q = SearchQuery.literal(rope.substring(from, to));
        List<Selection> out = new ArrayList<>();
        for (TextRange r : new Searcher(rope, wholeWord ? q.wholeWords() : q).all()) {
            out.add(Selection.of(r.start(), r.end()));
        }
        return SelectionSet.of(out);
    }

    /** Box (column) selection between two points: one selection per line, clipped to short lines. */
    public static SelectionSet column(Rope rope, int anchor, int head) {
        int l1 = rope.lineOf(anchor);
        int l2 = rope.lineOf(head);
        int c1 = anchor - rope.lineStart(l1);
        int c2 = head - rope.lineStart(l2);
        List<Selection> out = new ArrayList<>();
        int step = l2 >= l1 ? 1 : -1;
        for (int line = l1; ; line += step) {
            int start = rope.lineStart(line);
            int end = rope.lineEnd(line);
            out.add(Selection.of(Math.min(start + c1, end), Math.min(start + c2, end)));
            if (line == l2) {
                break;
            }
        }
        return SelectionSet.of(out);
    }
}
