package dev.symphony.editor.search.files;

/**
 * The matches on one line: its 1-based number, its text without the line terminator, and each
 * match's [start, end) in UTF-16 units of {@code text}.
 */
public record LineMatch(long line, String text, int[] starts, int[] ends) {

    public int count() {
        return starts.length;
    }

    /** 1-based column (UTF-16 units) of match {@code i}. */
    public int column(int i) {
        return starts[i] + 1;
    }
}
