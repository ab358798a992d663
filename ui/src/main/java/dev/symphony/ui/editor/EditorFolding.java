package dev.symphony.ui.editor;

import dev.symphony.editor.fold.FoldRegion;
import dev.symphony.editor.fold.FoldState;
import dev.symphony.editor.fold.IndentFolding;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import java.util.List;

/**
 * Folding in one view: the foldable regions of the text shown now (a language server's when its owner gives some,
 * otherwise by indentation) and which of them are folded ({@link FoldState}, moved through every edit).
 * Folds never hide a caret: a caret that lands in a folded region (a motion, a find, go to line) unfolds it.
 * JavaFX thread only.
 */
public final class EditorFolding {
    private final EditorView view;
    private final FoldState state = new FoldState();
    private final FoldState given = new FoldState(); // a server's regions, moved through the edits since its answer
    private boolean fromServer;
    private Rope regionsText;
    private List<FoldRegion> regions = List.of();

    EditorFolding(EditorView view) {
        this.view = view;
    }

    FoldState state() {
        return state;
    }

    /**
     * Uses {@code computed} (from a language server, for {@code text}) as the foldable regions from now on; null goes
     * back to indentation. Regions for a text the buffer no longer shows are dropped: false. Until the next answer the
     * regions move with the edits, and one whose hidden lines an edit touches is left out.
     */
    public boolean setRegions(Rope text, List<FoldRegion> computed) {
        if (computed != null && text != view.buffer().text()) {
            return false;
        }
        given.clear();
        fromServer = computed != null;
        if (computed != null) {
            for (FoldRegion r : computed) {
                given.fold(r, text);
            }
        }
        regionsText = null;
        view.invalidate();
        return true;
    }

    /** Whether the regions are a language server's (not indentation's). */
    public boolean regionsFromServer() {
        return fromServer;
    }

    /** The foldable regions of the text shown now, sorted by start line (the outer first). */
    public List<FoldRegion> regions() {
        Rope text = view.buffer().text();
        if (regionsText != text) {
            regions = fromServer ? given.regions(text) : IndentFolding.regions(text, view.tabSize());
            regionsText = text;
        }
        return regions;
    }

    /** The outermost region starting at {@code line}, or null. */
    public FoldRegion regionStartingAt(int line) {
        List<FoldRegion> all = regions();
        int lo = 0;
        int hi = all.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).startLine() < line) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < all.size() && all.get(lo).startLine() == line ? all.get(lo) : null;
    }

    public boolean isFolded(int startLine) {
        return state.isFolded(startLine, view.buffer().text());
    }

    /** The regions folded now, sorted by start line. */
    public List<FoldRegion> folded() {
        return state.regions(view.buffer().text());
    }

    /** Folds or unfolds the region starting at {@code line} (the gutter's chevron). */
    public void toggle(int line) {
        Rope text = view.buffer().text();
        if (!state.unfold(line, text)) {
            FoldRegion region = regionStartingAt(line);
            if (region == null) {
                return;
            }
            state.fold(region, text);
            moveCaretsOutOf(region);
        }
        changed();
    }

    /** Folds the innermost open region around the primary caret's line (VS Code's Fold). */
    public void foldAtCaret() {
        Rope text = view.buffer().text();
        int line = caretLine(text);
        FoldRegion inner = null;
        for (FoldRegion r : regions()) {
            if (r.startLine() > line) {
                break;
            }
            if (r.contains(line) && !state.isFolded(r.startLine(), text)) {
                inner = r;
            }
        }
        if (inner != null) {
            state.fold(inner, text);
            moveCaretsOutOf(inner);
            changed();
        }
    }

    /** Unfolds the fold on the primary caret's line (VS Code's Unfold). */
    public void unfoldAtCaret() {
        if (state.unfold(caretLine(view.buffer().text()), view.buffer().text())) {
            changed();
        }
    }

    public void foldAll() {
        Rope text = view.buffer().text();
        for (FoldRegion r : regions()) {
            state.fold(r, text);
        }
        for (FoldRegion r : regions()) {
            moveCaretsOutOf(r);
        }
        changed();
    }

    public void unfoldAll() {
        state.clear();
        changed();
    }

    void textChanged(Rope before, Rope after, ChangeSet change) {
        state.map(before, after, change);
        given.map(before, after, change);
    }

    /** Unfolds the folds that hide a caret (after a motion, a find, go to line or an edit). */
    void revealCarets() {
        if (state.isEmpty()) {
            return;
        }
        Rope text = view.buffer().text();
        boolean unfolded = false;
        for (Selection s : view.shownSelections().all()) {
            unfolded |= state.reveal(text.lineOf(s.head()), text);
        }
        if (unfolded) {
            view.invalidate();
        }
    }

    private void moveCaretsOutOf(FoldRegion region) {
        Rope text = view.buffer().text();
        Selection primary = primary();
        if (region.hides(text.lineOf(primary.head()))) {
            int at = text.lineEnd(region.startLine());
            view.controller().setSelections(dev.symphony.editor.selection.SelectionSet.single(Selection.of(at, at)), at);
        }
    }

    private int caretLine(Rope text) {
        return text.lineOf(primary().head());
    }

    private Selection primary() {
        var sels = view.shownSelections();
        return sels.get(sels.size() - 1);
    }

    private void changed() {
        view.invalidate();
    }
}
