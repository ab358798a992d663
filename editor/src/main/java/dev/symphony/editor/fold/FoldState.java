package dev.symphony.editor.fold;

import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.MinimalEdit;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * The folded regions of one document, kept as offsets that move through every edit (as {@link ChangeSet#map} moves
 * diagnostics): a fold is the end of its first line (where the hidden text begins) and the end of its last line. An
 * edit that touches hidden text unfolds the region (it never changes text the user cannot see); edits elsewhere, the
 * first line included, carry it along. Single-threaded, like the buffer it follows.
 *
 * <p>Each fold also keeps its first and last line in the text it was last placed in or moved to, so an edit costs
 * rope lookups only for the folds it touches (see {@link #map}) and {@link #visibleLines} is built from the kept
 * lines without asking the rope. Asked about another text, the lines are computed again from the offsets.
 */
public final class FoldState {
    private final boolean unfoldOnHiddenEdit;
    private final FoldTable folds = new FoldTable();
    private Rope linesFor; // the text the folds' kept lines belong to
    private List<FoldRegion> cached; // null after any change to the folds or their text
    private Rope visibleFor; // the text visible holds the shown lines of; null after any change to the folds
    private VisibleLines visible;

    /** Folded regions: an edit in hidden text unfolds its region. */
    public FoldState() {
        this(true);
    }

    /**
     * With {@code unfoldOnHiddenEdit} false, a set of regions that only moves with the edits (a region an edit lands in
     * grows or shrinks with it): the foldable regions between two computations of them.
     */
    public FoldState(boolean unfoldOnHiddenEdit) {
        this.unfoldOnHiddenEdit = unfoldOnHiddenEdit;
    }

    /** Folds {@code region} of {@code text}; false when it was folded already or lies outside the text. */
    public boolean fold(FoldRegion region, Rope text) {
        if (region.endLine() >= text.lineCount() || isFolded(region.startLine(), text)) {
            return false;
        }
        int headerEnd = text.lineEnd(region.startLine());
        folds.insert(firstAtOrAfter(headerEnd), headerEnd, text.lineEnd(region.endLine()), region.startLine(),
                region.endLine()); // sorted by where the hidden text begins
        linesFor = text;
        return changed(true);
    }

    /**
     * Replaces every fold with {@code regions} (sorted by start line, as {@link IndentFolding} gives them) in one pass:
     * of regions starting on the same line the first is kept; regions past the text's end are left out.
     */
    public void set(List<FoldRegion> regions, Rope text) {
        folds.clear();
        int lastStart = -1;
        boolean sorted = true;
        for (FoldRegion r : regions) {
            if (r.startLine() != lastStart && r.endLine() < text.lineCount()) {
                sorted &= r.startLine() > lastStart;
                folds.add(text.lineEnd(r.startLine()), text.lineEnd(r.endLine()), r.startLine(), r.endLine());
                lastStart = r.startLine();
            }
        }
        if (!sorted) {
            folds.sortByHeaderEnd();
        }
        linesFor = text;
        changed(true);
    }

    /** Unfolds the fold starting at {@code startLine}; false when there is none. */
    public boolean unfold(int startLine, Rope text) {
        linesIn(text);
        return changed(folds.removeIf(i -> folds.startLine(i) == startLine));
    }

    public boolean isFolded(int startLine, Rope text) {
        return outermostAt(startLine, text) != null;
    }

    /** Unfolds every fold that hides {@code line}; true when one was unfolded (the line is shown now). */
    public boolean reveal(int line, Rope text) {
        linesIn(text);
        return changed(folds.removeIf(i -> folds.startLine(i) < line && line <= folds.endLine(i)));
    }

    public void clear() {
        changed(folds.size() > 0);
        folds.clear();
    }

    private boolean changed(boolean changed) {
        if (changed) {
            cached = null;
            visibleFor = null;
        }
        return changed;
    }

    public boolean isEmpty() {
        return folds.size() == 0;
    }

    /** The folded regions in {@code text}, sorted by start line (nested folds included). */
    public List<FoldRegion> regions(Rope text) {
        linesIn(text);
        if (cached == null) {
            List<FoldRegion> out = new ArrayList<>(folds.size());
            for (int i = 0; i < folds.size(); i++) {
                out.add(new FoldRegion(folds.startLine(i), folds.endLine(i)));
            }
            out.sort(null);
            cached = List.copyOf(out);
        }
        return cached;
    }

    /**
     * The outermost region starting at {@code line}, or null: a binary search of the folds, which stay sorted by where
     * their hidden text begins (edits move offsets in order), without listing the regions.
     */
    public FoldRegion outermostAt(int line, Rope text) {
        if (folds.size() == 0) {
            return null;
        }
        linesIn(text);
        int lineEnd = text.lineEnd(line);
        int endLine = -1;
        for (int i = firstAtOrAfter(text.lineStart(line)); i < folds.size() && folds.headerEnd(i) <= lineEnd; i++) {
            endLine = Math.max(endLine, folds.endLine(i));
        }
        return endLine < 0 ? null : new FoldRegion(line, Math.max(line + 1, endLine));
    }

    /** The index of the first fold whose hidden text begins at or after {@code offset}. */
    private int firstAtOrAfter(int offset) {
        int lo = 0;
        int hi = folds.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (folds.headerEnd(mid) < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The last line of the outermost fold starting at {@code line}, or {@code line} when none starts there: painting
     * goes on after it.
     */
    public int lastHiddenAfter(int line, Rope text) {
        FoldRegion r = outermostAt(line, text);
        return r == null ? line : r.endLine();
    }

    /** The first line of the outermost fold hiding {@code line}, or {@code line} when it is shown. */
    public int shownLineOf(int line, Rope text) {
        return visibleLines(text).shownLineOf(line);
    }

    /**
     * The lines of {@code text} shown with these folds (visible row ↔ line): after a fold change built from the folds'
     * kept lines (O(folds) integer work, no rope lookup), after an edit that only moved lines shifted by {@link #map};
     * with no folds, every line.
     */
    public VisibleLines visibleLines(Rope text) {
        if (visibleFor != text) {
            if (folds.size() > 0) {
                linesIn(text);
                visible = folds.visibleLines(text.lineCount());
            } else if (visible == null || visible.lineCount() != text.lineCount() || visible.visibleCount() != text.lineCount()) {
                visible = VisibleLines.all(text.lineCount()); // typing within a line without folds allocates nothing
            }
            visibleFor = text;
        }
        return visible;
    }

    /** Makes the kept lines those of {@code text}: computed again from the offsets when they belong to another text. */
    private void linesIn(Rope text) {
        if (linesFor != text) {
            folds.settleAll();
            for (int i = 0; i < folds.size(); i++) {
                int headerEnd = folds.headerEnd(i);
                int start = text.lineOf(headerEnd);
                folds.set(i, headerEnd, folds.end(i), start, Math.max(start + 1, text.lineOf(folds.end(i))));
            }
            linesFor = text;
            cached = null;
        }
    }

    /**
     * Moves the folds through {@code change} (which turned {@code before} into {@code after}; null: an undo or a
     * jump in history, taken as the one edit between the texts). Folds whose hidden text the change touches, or
     * that no longer span two lines, unfold.
     *
     * <p>Only the folds an edit touches (it reaches or borders their hidden text) are mapped through it and have their
     * lines looked up; the others move by the length and the lines the edits before them added: lazily for one edit
     * ({@link #mapOne}: what it costs is what it touches), in one pass beside the edits for several ({@link #mapEach}).
     * When the lines only moved, the shown lines are moved too instead of built again ({@link VisibleLines#shifted}).
     */
    public void map(Rope before, Rope after, ChangeSet change) {
        if (folds.size() == 0) {
            return;
        }
        if (change == null) {
            change = MinimalEdit.between(before, after).map(ChangeSet::of).orElse(new ChangeSet(List.of()));
        }
        if (change.isEmpty()) {
            return;
        }
        linesIn(before);
        VisibleLines shown = visibleFor == before ? visible : null;
        boolean linesOnlyMoved = change.edits().size() == 1 && mapOne(change, before, after);
        if (change.edits().size() > 1) {
            mapEach(change, after);
        }
        linesFor = after;
        changed(true);
        if (linesOnlyMoved && shown != null) {
            TextEdit edit = change.edits().get(0);
            visible = shown.shifted(before.lineOf(edit.from()), after.lineCount() - before.lineCount());
            visibleFor = after;
        }
    }

    /**
     * One edit: the folds from the first whose hidden text begins two characters or more after it are shifted lazily
     * by its length and the lines it added; of those before, only the ones whose end it reaches or borders, found in
     * the table's max tree, are mapped and looked up. O((touched + 1) · log folds) and the distance the table's gap
     * moves since the last edit. True when every fold kept its lines, those starting on the edit's line or below moved
     * by the lines it added (the shown lines can then be moved instead of built again).
     */
    private boolean mapOne(ChangeSet change, Rope before, Rope after) {
        TextEdit edit = change.edits().get(0);
        int next = firstAtOrAfter(edit.to() + 2);
        int lines = after.lineCount() - before.lineCount(); // what every line after the edit moves by
        folds.moveGap(next);
        int[] touched = folds.reaching(next, edit.from() - 1);
        int editLine = before.lineOf(edit.from());
        // each fold's lines as before, those starting on the edit's line or below moved by lines; with lines, the folds
        // ending above that line and those starting on it or below kept apart: the untouched ones before the edit end
        // above it (none ends on its line) and the break before the edit is not joined or split
        boolean linesOnlyMoved = lines == 0 || (after.lineOf(edit.from()) == editLine
                && (before.lineStart(editLine) >= edit.from() - 1
                        || folds.reaching(next, before.lineStart(editLine)).length == touched.length));
        boolean unfolded = false;
        for (int i : touched) {
            int startLine = folds.startLine(i);
            int endLine = folds.endLine(i);
            boolean kept = mapTouched(change, 0, 0, i, after);
            unfolded |= !kept;
            if (kept && linesOnlyMoved && (lines != 0 || startLine != folds.startLine(i) || endLine != folds.endLine(i))) {
                boolean above = endLine < editLine && startLine == folds.startLine(i) && endLine == folds.endLine(i);
                boolean below = startLine >= editLine && folds.startLine(i) == startLine + lines && folds.endLine(i) == endLine + lines;
                linesOnlyMoved = above || below;
            }
        }
        folds.shiftFrom(next, edit.delta(), lines);
        if (unfolded) {
            folds.removeIf(i -> folds.headerEnd(i) < 0);
        }
        return linesOnlyMoved && !unfolded;
    }

    /**
     * Maps touched fold {@code i} through {@code change} from edit {@code first} on ({@code shift}: what the edits before
     * added) and looks its lines up; false when it unfolds (marked by a negative offset, removed by the caller).
     */
    private boolean mapTouched(ChangeSet change, int first, int shift, int i, Rope after) {
        int headerEnd = folds.headerEnd(i);
        int end = folds.end(i);
        if (!(unfoldOnHiddenEdit && touchesHidden(change.edits(), first, headerEnd, end))) {
            int movedHeaderEnd = change.map(headerEnd, true, first, shift);
            int movedEnd = Math.max(movedHeaderEnd, change.map(end, false, first, shift));
            int startLine = after.lineOf(movedHeaderEnd);
            int endLine = after.lineOf(movedEnd);
            if (endLine > startLine) {
                folds.set(i, movedHeaderEnd, movedEnd, startLine, endLine);
                return true;
            }
        }
        folds.set(i, -1, -1, 0, 1);
        return false;
    }

    /** Several edits: one pass over the folds beside the edits (both sorted), every fold settled. */
    private void mapEach(ChangeSet change, Rope after) {
        List<TextEdit> edits = change.edits();
        folds.settleAll();
        int next = 0; // the first edit that does not end two characters or more before the fold's hidden text
        int shift = 0; // what the edits before it added to the length
        int lineShift = 0;
        boolean lineShiftKnown = false; // lineShift is that of the edits before next
        int kept = 0;
        for (int i = 0; i < folds.size(); i++) {
            int headerEnd = folds.headerEnd(i);
            int end = folds.end(i);
            while (next < edits.size() && edits.get(next).to() + 2 <= headerEnd) {
                shift += edits.get(next++).delta();
                lineShiftKnown = false;
            }
            if (next == edits.size() || edits.get(next).from() > end + 1) { // untouched: the text around it is the same
                int movedHeaderEnd = headerEnd + shift;
                if (!lineShiftKnown) {
                    lineShift = after.lineOf(movedHeaderEnd) - folds.startLine(i);
                    lineShiftKnown = true;
                }
                folds.set(kept++, movedHeaderEnd, end + shift, folds.startLine(i) + lineShift, folds.endLine(i) + lineShift);
            } else if (mapTouched(change, next, shift, i, after)) {
                folds.set(kept++, folds.headerEnd(i), folds.end(i), folds.startLine(i), folds.endLine(i));
            }
        }
        folds.truncate(kept);
    }

    /**
     * Hidden text is [headerEnd, end): the line break after the first line through the end of the last line. Edits
     * before {@code first} end before it.
     */
    private static boolean touchesHidden(List<TextEdit> edits, int first, int headerEnd, int end) {
        for (int k = first; k < edits.size() && edits.get(k).from() <= end; k++) {
            TextEdit e = edits.get(k);
            boolean replaces = e.from() < end && e.to() > headerEnd;
            boolean insertsInside = e.from() == e.to() && e.from() > headerEnd;
            if (replaces || insertsInside) {
                return true;
            }
        }
        return false;
    }
}
