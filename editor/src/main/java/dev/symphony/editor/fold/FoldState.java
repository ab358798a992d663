package dev.symphony.editor.fold;

import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.MinimalEdit;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * The folded regions of one document, kept as offsets that move through every edit ({@link ChangeSet#map}, as
 * diagnostics move): a fold is the end of its first line (where the hidden text begins) and the end of its last
 * line. An edit that touches hidden text unfolds the region (it never changes text the user cannot see); edits
 * elsewhere, the first line included, carry it along. Single-threaded, like the buffer it follows.
 */
public final class FoldState {
    private record Fold(int headerEnd, int end) {
    }

    private List<Fold> folds = new ArrayList<>();

    /** Folds {@code region} of {@code text}; false when it was folded already or lies outside the text. */
    public boolean fold(FoldRegion region, Rope text) {
        if (region.endLine() >= text.lineCount() || isFolded(region.startLine(), text)) {
            return false;
        }
        folds.add(new Fold(text.lineEnd(region.startLine()), text.lineEnd(region.endLine())));
        return true;
    }

    /** Unfolds the fold starting at {@code startLine}; false when there is none. */
    public boolean unfold(int startLine, Rope text) {
        return folds.removeIf(f -> text.lineOf(f.headerEnd) == startLine);
    }

    public boolean isFolded(int startLine, Rope text) {
        for (Fold f : folds) {
            if (text.lineOf(f.headerEnd) == startLine) {
                return true;
            }
        }
        return false;
    }

    /** Unfolds every fold that hides {@code line}; true when one was unfolded (the line is shown now). */
    public boolean reveal(int line, Rope text) {
        return folds.removeIf(f -> region(f, text).hides(line));
    }

    public void clear() {
        folds.clear();
    }

    public boolean isEmpty() {
        return folds.isEmpty();
    }

    /** The folded regions in {@code text}, sorted by start line (nested folds included). */
    public List<FoldRegion> regions(Rope text) {
        List<FoldRegion> out = new ArrayList<>(folds.size());
        for (Fold f : folds) {
            out.add(region(f, text));
        }
        out.sort(null);
        return out;
    }

    /**
     * The last line of the outermost fold starting at {@code line}, or {@code line} when none starts there: painting
     * goes on after it.
     */
    public int lastHiddenAfter(int line, Rope text) {
        int last = line;
        for (Fold f : folds) {
            if (text.lineOf(f.headerEnd) == line) {
                last = Math.max(last, text.lineOf(f.end));
            }
        }
        return last;
    }

    /** The first line of the outermost fold hiding {@code line}, or {@code line} when it is shown. */
    public int shownLineOf(int line, Rope text) {
        int shown = line;
        for (Fold f : folds) {
            FoldRegion r = region(f, text);
            if (r.hides(line)) {
                shown = Math.min(shown, r.startLine());
            }
        }
        return shown;
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
            if (touchesHidden(change, f)) {
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
