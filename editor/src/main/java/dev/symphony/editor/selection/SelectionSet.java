package dev.symphony.editor.selection;

import dev.symphony.editor.text.ChangeSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cursors of a view, sorted by start, with overlapping selections merged (touching empty
 * cursors at the same offset become one). Immutable.
 */
public final class SelectionSet {

    private final List<Selection> selections;

    private SelectionSet(List<Selection> sorted) {
        this.selections = sorted;
    }

    public static SelectionSet of(List<Selection> selections) {
        if (selections.isEmpty()) {
            throw new IllegalArgumentException("a view has at least one cursor");
        }
        List<Selection> s = new ArrayList<>(selections);
        boolean sorted = true;
        for (int i = 1; i < s.size() && sorted; i++) {
            sorted = s.get(i - 1).start() <= s.get(i).start();
        }
        if (!sorted) {
            s.sort(Comparator.comparingInt(Selection::start).thenComparingInt(Selection::end));
        }
        List<Selection> merged = new ArrayList<>(s.size());
        for (Selection sel : s) {
            if (!merged.isEmpty()) {
                Selection last = merged.get(merged.size() - 1);
                boolean overlap = sel.start() < last.end() || sel.start() == last.start();
                if (overlap) {
                    int start = Math.min(last.start(), sel.start());
                    int end = Math.max(last.end(), sel.end());
                    boolean forward = last.head() >= last.anchor();
                    merged.set(merged.size() - 1, forward ? new Selection(start, end, -1) : new Selection(end, start, -1));
                    continue;
                }
            }
            merged.add(sel);
        }
        return new SelectionSet(List.copyOf(merged));
    }

    public static SelectionSet single(Selection s) {
        return new SelectionSet(List.of(s));
    }

    public static SelectionSet cursorAt(int offset) {
        return single(Selection.cursor(offset));
    }

    public List<Selection> all() {
        return selections;
    }

    public int size() {
        return selections.size();
    }

    public Selection get(int i) {
        return selections.get(i);
    }

    /**
     * Every selection carried across {@code change} (e.g. an edit by someone else). Text inserted at a selection's
     * anchor goes after the anchor and text inserted at its head before the head, but a caret stays a caret: text
     * inserted where it is goes before it, so it keeps to the text it was at (an import a language server added at
     * the caret became selected, and the next key typed replaced it).
     */
    public SelectionSet map(ChangeSet change) {
        List<Selection> out = new ArrayList<>(selections.size());
        for (Selection s : selections) {
            int head = change.map(s.head(), true);
            out.add(new Selection(s.isEmpty() ? head : change.map(s.anchor(), false), head, -1));
        }
        return of(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SelectionSet && ((SelectionSet) o).selections.equals(selections);
    }

    @Override
    public int hashCode() {
        return selections.hashCode();
    }

    @Override
    public String toString() {
        return selections.toString();
    }
}
