package dev.symphony.editor.bench;

import dev.symphony.editor.fold.FoldRegion;
import dev.symphony.editor.fold.FoldState;
import dev.symphony.editor.fold.VisibleLines;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.MinimalEdit;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link FoldState} as it was before its edits became incremental (commit ae47a94d): every edit maps every fold's
 * offsets through the change and every text looks every fold's lines up again in the rope (O(folds · log lines) a
 * keystroke). Kept as the before of {@link FoldGeometryBench}'s keystroke and as the full recomputation that
 * {@code FoldStateMapTest} checks the incremental state against. Only what those two use.
 */
public final class FoldStateBefore {
    private record Fold(int headerEnd, int end) {
    }

    private final boolean unfoldOnHiddenEdit;
    private List<Fold> folds = new ArrayList<>();
    private Rope cachedFor; // the text cached holds the regions of; null after any change to the folds
    private List<FoldRegion> cached = List.of();
    private Rope visibleFor; // the text visible holds the shown lines of; null after any change to the folds
    private VisibleLines visible;

    /**
     * With {@code unfoldOnHiddenEdit} false, a set of regions that only moves with the edits (a region an edit lands in
     * grows or shrinks with it): the foldable regions between two computations of them.
     */
    public FoldStateBefore(boolean unfoldOnHiddenEdit) {
        this.unfoldOnHiddenEdit = unfoldOnHiddenEdit;
    }

    /** Folds {@code region} of {@code text}; false when it was folded already or lies outside the text. */
    public boolean fold(FoldRegion region, Rope text) {
        if (region.endLine() >= text.lineCount() || isFolded(region.startLine(), text)) {
            return false;
        }
        Fold fold = new Fold(text.lineEnd(region.startLine()), text.lineEnd(region.endLine()));
        folds.add(firstAtOrAfter(fold.headerEnd), fold); // sorted by where the hidden text begins
        cachedFor = null;
        visibleFor = null;
        return true;
    }

    /**
     * Replaces every fold with {@code regions} (sorted by start line, as {@link IndentFolding} gives them) in one pass:
     * of regions starting on the same line the first is kept; regions past the text's end are left out.
     */
    public void set(List<FoldRegion> regions, Rope text) {
        List<Fold> out = new ArrayList<>(regions.size());
        int lastStart = -1;
        for (FoldRegion r : regions) {
            if (r.startLine() != lastStart && r.endLine() < text.lineCount()) {
                out.add(new Fold(text.lineEnd(r.startLine()), text.lineEnd(r.endLine())));
                lastStart = r.startLine();
            }
        }
        out.sort(java.util.Comparator.comparingInt(Fold::headerEnd));
        folds = out;
        cachedFor = null;
        visibleFor = null;
    }

    /** Unfolds the fold starting at {@code startLine}; false when there is none. */
    public boolean unfold(int startLine, Rope text) {
        return changed(folds.removeIf(f -> text.lineOf(f.headerEnd) == startLine));
    }

    public boolean isFolded(int startLine, Rope text) {
        return outermostAt(startLine, text) != null;
    }

    /** Unfolds every fold that hides {@code line}; true when one was unfolded (the line is shown now). */
    public boolean reveal(int line, Rope text) {
        return changed(folds.removeIf(f -> region(f, text).hides(line)));
    }

    private boolean changed(boolean changed) {
        if (changed) {
            cachedFor = null;
            visibleFor = null;
        }
        return changed;
    }

    /** The folded regions in {@code text}, sorted by start line (nested folds included). */
    public List<FoldRegion> regions(Rope text) {
        if (cachedFor != text) {
            List<FoldRegion> out = new ArrayList<>(folds.size());
            for (Fold f : folds) {
                out.add(region(f, text));
            }
            out.sort(null);
            cached = List.copyOf(out);
            cachedFor = text;
        }
        return cached;
    }

    /**
     * The outermost region starting at {@code line}, or null: a binary search of the folds, which stay sorted by where
     * their hidden text begins (edits move offsets in order), without listing the regions.
     */
    public FoldRegion outermostAt(int line, Rope text) {
        int lineEnd = text.lineEnd(line);
        int end = -1;
        for (int i = firstAtOrAfter(text.lineStart(line)); i < folds.size() && folds.get(i).headerEnd <= lineEnd; i++) {
            end = Math.max(end, folds.get(i).end);
        }
        return end < 0 ? null : new FoldRegion(line, Math.max(line + 1, text.lineOf(end)));
    }

    /** The index of the first fold whose hidden text begins at or after {@code offset}. */
    private int firstAtOrAfter(int offset) {
        int lo = 0;
        int hi = folds.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (folds.get(mid).headerEnd < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The lines of {@code text} shown with these folds (visible row ↔ line): built once per text and fold change,
     * O(folds); with no folds, every line.
     */
    public VisibleLines visibleLines(Rope text) {
        if (visibleFor != text) {
            if (!folds.isEmpty()) {
                visible = VisibleLines.of(regions(text), text.lineCount());
            } else if (visible == null || visible.lineCount() != text.lineCount() || visible.visibleCount() != text.lineCount()) {
                visible = VisibleLines.all(text.lineCount()); // typing within a line without folds allocates nothing
            }
            visibleFor = text;
        }
        return visible;
    }

    /**
     * Moves the folds through {@code change} (which turned {@code before} into {@code after}; null: an undo or a
     * jump in history, taken as the one edit between the texts). Folds whose hidden text the change touches, or
     * that no longer span two lines, unfold.
     */
    public void map(Rope before, Rope after, ChangeSet change) {
        if (folds.isEmpty()) {
            return;
        }
        if (change == null) {
            change = MinimalEdit.between(before, after).map(ChangeSet::of).orElse(new ChangeSet(List.of()));
        }
        if (change.isEmpty()) {
            return;
        }
        List<Fold> out = new ArrayList<>(folds.size());
        for (Fold f : folds) {
            if (unfoldOnHiddenEdit && touchesHidden(change, f)) {
                continue;
            }
            int headerEnd = change.map(f.headerEnd, true);
            int end = Math.max(headerEnd, change.map(f.end, false));
            if (after.lineOf(end) > after.lineOf(headerEnd)) {
                out.add(new Fold(headerEnd, end));
            }
        }
        folds = out;
    }

    /** Hidden text is [headerEnd, end): the line break after the first line through the end of the last line. */
    private static boolean touchesHidden(ChangeSet change, Fold f) {
        for (TextEdit e : change.edits()) {
            boolean replaces = e.from() < f.end && e.to() > f.headerEnd;
            boolean insertsInside = e.from() == e.to() && e.from() > f.headerEnd && e.from() <= f.end;
            if (replaces || insertsInside) {
                return true;
            }
        }
        return false;
    }

    private static FoldRegion region(Fold f, Rope text) {
        int start = text.lineOf(f.headerEnd);
        return new FoldRegion(start, Math.max(start + 1, text.lineOf(f.end)));
    }
}
