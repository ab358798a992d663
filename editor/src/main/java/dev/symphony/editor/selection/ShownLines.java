package dev.symphony.editor.selection;

/**
 * Where a vertical caret motion lands when the view hides some lines (folds): the line a number of shown rows away,
 * so Up and Down step over a folded region as over one line.
 */
@FunctionalInterface
public interface ShownLines {
    /** Every line shown. */
    ShownLines ALL = (line, rows) -> line + rows;

    /**
     * The line {@code rows} shown rows below {@code line} (above when negative); below 0 or at/after the text's
     * line count when the motion runs off an end.
     */
    int lineBy(int line, int rows);
}
