package dev.symphony.ui.editor;

import dev.symphony.editor.fold.FoldRegion;
import dev.symphony.editor.fold.FoldState;
import dev.symphony.editor.fold.IndentFolding;
import dev.symphony.editor.fold.VisibleLines;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Folding in one view: the foldable regions of the text shown now (a language server's when its owner gives some,
 * otherwise by indentation, computed again once the text rests; between computations they move with the edits) and which of them are folded ({@link FoldState}, moved through every edit).
 * Folds never hide a caret: a fold made over carets moves each to the end of the fold's first line, and a caret that
 * lands in a folded region (a find, go to line, a click on "⋯") unfolds it; Up and Down step over folded lines.
 * A fold change keeps the line at the top of the view where it is (the view scrolls in shown rows).
 * JavaFX thread only.
 */
public final class EditorFolding {
    /** How long the text rests before its indentation regions are computed again (they move with the edits meanwhile). */
    static final int REST_MS = 300;
    private final EditorView view;
    private final FoldState state = new FoldState();
    private final FoldState available = new FoldState(false); // the last regions computed, moved through the edits since
    private final PauseTransition rest = new PauseTransition(Duration.millis(REST_MS));
    private boolean fromServer;
    private Rope computedFor; // null: never computed

    EditorFolding(EditorView view) {
        this.view = view;
        rest.setOnFinished(e -> {
            if (!fromServer) {
                computeByIndentation();
            }
        });
    }

    FoldState state() {
        return state;
    }

    /**
     * Uses {@code computed} (from a language server, for {@code text}) as the foldable regions from now on; null goes
     * back to indentation. Regions for a text the buffer no longer shows are dropped: false. Until the next answer the
     * regions move with the edits (growing or shrinking with an edit inside one).
     */
    public boolean setRegions(Rope text, List<FoldRegion> computed) {
        if (computed != null && text != view.buffer().text()) {
            return false;
        }
        fromServer = computed != null;
        if (computed == null) {
            computeByIndentation();
        } else {
            place(computed, text);
        }
        return true;
    }

    /** Regions by indentation: once per text that rested {@value #REST_MS} ms (one pass over every line). */
    private void computeByIndentation() {
        Rope text = view.buffer().text();
        place(IndentFolding.regions(text, view.tabSize()), text);
    }

    private void ensureComputed() {
        if (computedFor == null) {
            computeByIndentation();
        }
    }

    private void place(List<FoldRegion> computed, Rope text) {
        available.set(computed, text);
        computedFor = text;
        view.invalidate();
    }

    /** Whether the regions are a language server's (not indentation's). */
    public boolean regionsFromServer() {
        return fromServer;
    }

    /** The foldable regions of the text shown now, sorted by start line (the outer first). */
    public List<FoldRegion> regions() {
        ensureComputed();
        return available.regions(view.buffer().text());
    }

    /** The outermost region starting at {@code line}, or null. */
    public FoldRegion regionStartingAt(int line) {
        ensureComputed();
        return available.outermostAt(line, view.buffer().text());
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
        VisibleLines before = state.visibleLines(text);
        if (state.unfold(line, text)) {
            changed(before);
            return;
        }
        FoldRegion region = regionStartingAt(line);
        if (region != null && state.fold(region, text)) {
            changed(before);
            moveCaretsOutOfFolds();
        }
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
        VisibleLines before = state.visibleLines(text);
        if (inner != null && state.fold(inner, text)) {
            changed(before);
            moveCaretsOutOfFolds();
        }
    }

    /** Unfolds the fold on the primary caret's line (VS Code's Unfold). */
    public void unfoldAtCaret() {
        Rope text = view.buffer().text();
        VisibleLines before = state.visibleLines(text);
        if (state.unfold(caretLine(text), text)) {
            changed(before);
        }
    }

    public void foldAll() {
        Rope text = view.buffer().text();
        VisibleLines before = state.visibleLines(text);
        state.set(regions(), text);
        changed(before);
        moveCaretsOutOfFolds();
    }

    public void unfoldAll() {
        VisibleLines before = state.visibleLines(view.buffer().text());
        state.clear();
        changed(before);
    }

    void textChanged(Rope before, Rope after, ChangeSet change) {
        state.map(before, after, change);
        available.map(before, after, change);
        if (!fromServer) {
            rest.playFromStart();
        }
    }

    /** Unfolds the folds that hide a caret (after a motion, a find, go to line or an edit). */
    void revealCarets() {
        if (state.isEmpty()) {
            return;
        }
        Rope text = view.buffer().text();
        VisibleLines before = state.visibleLines(text);
        boolean unfolded = false;
        for (Selection s : view.shownSelections().all()) {
            unfolded |= state.reveal(text.lineOf(s.head()), text);
        }
        if (unfolded) {
            changed(before);
        }
    }

    /**
     * A fold made just now hides carets: each goes to the end of the first line of the fold hiding it, as VS Code does
     * (carets meeting there merge); the others stay.
     */
    private void moveCaretsOutOfFolds() {
        Rope text = view.buffer().text();
        VisibleLines shown = state.visibleLines(text);
        List<Selection> out = new ArrayList<>();
        boolean moved = false;
        for (Selection s : view.shownSelections().all()) {
            int line = text.lineOf(s.head());
            if (shown.isHidden(line)) {
                out.add(Selection.cursor(text.lineEnd(shown.shownLineOf(line))));
                moved = true;
            } else {
                out.add(s);
            }
        }
        if (moved) {
            SelectionSet after = SelectionSet.of(out);
            view.controller().setSelections(after, after.get(after.size() - 1).head());
        }
    }

    private int caretLine(Rope text) {
        return text.lineOf(primary().head());
    }

    private Selection primary() {
        var sels = view.shownSelections();
        return sels.get(sels.size() - 1);
    }

    private void changed(VisibleLines before) {
        view.scroll().foldsChanged(before);
    }
}
