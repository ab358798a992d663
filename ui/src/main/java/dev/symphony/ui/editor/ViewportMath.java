package dev.symphony.ui.editor;

/**
 * The pure geometry of the editor view: tab expansion (offset ↔ display column), which display
 * columns of a line are worth painting, how many wrapped rows a line takes and where the vertical
 * scroll position puts lines. No JavaFX: the view feeds it font metrics.
 */
public final class ViewportMath {
    /** Lines longer than this are painted by window only and treat a tab as one column (no scan of the line). */
    public static final int LONG_LINE = 4096;
    /** Extra columns painted left and right of the visible window of a long line. */
    public static final int COLUMN_MARGIN = 16;

    private ViewportMath() {}

    /** The display column of {@code offset} (0..line.length()) with tabs expanded to {@code tabSize} stops. */
    public static int columnOf(CharSequence line, int offset, int tabSize) {
        if (line.length() > LONG_LINE) {
            return offset;
        }
        int column = 0;
        for (int i = 0; i < offset; i++) {
            column = line.charAt(i) == '\t' ? (column / tabSize + 1) * tabSize : column + 1;
        }
        return column;
    }

    /**
     * The offset whose display column is nearest to {@code column} (a click lands before the
     * character whose left half it hits).
     */
    public static int offsetAtColumn(CharSequence line, double column, int tabSize) {
        if (line.length() > LONG_LINE) {
            return (int) Math.max(0, Math.min(line.length(), Math.round(column)));
        }
        int col = 0;
        for (int i = 0; i < line.length(); i++) {
            int next = line.charAt(i) == '\t' ? (col / tabSize + 1) * tabSize : col + 1;
            if (column < (col + next) / 2.0) {
                return i;
            }
            col = next;
        }
        return line.length();
    }

    /** The line with tabs replaced by spaces up to the next tab stop (short lines only). */
    public static String expandTabs(CharSequence line, int tabSize) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                int spaces = tabSize - out.length() % tabSize;
                out.append(" ".repeat(spaces));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The columns [from, to) to paint for a horizontal scroll of {@code scrollX} pixels over {@code width} pixels. */
    public static int[] paintedColumns(double scrollX, double width, double advance, int lineColumns) {
        int first = Math.max(0, (int) Math.floor(scrollX / advance) - COLUMN_MARGIN);
        int last = (int) Math.ceil((scrollX + width) / advance) + COLUMN_MARGIN;
        first = Math.min(first, lineColumns);
        return new int[] {first, Math.max(first, Math.min(last, lineColumns))};
    }

    /** How many rows a line of {@code columns} display columns takes when wrapped at {@code columnsPerRow} (≥ 1). */
    public static int rows(int columns, int columnsPerRow) {
        if (columnsPerRow <= 0 || columns <= columnsPerRow) {
            return 1;
        }
        return (columns + columnsPerRow - 1) / columnsPerRow;
    }

    /** Columns that fit in {@code width} pixels (at least 1). */
    public static int columnsIn(double width, double advance) {
        return Math.max(1, (int) Math.floor(width / advance));
    }

    /** The first line shown for a scroll position in lines (clamped to the document). */
    public static int topLine(double scrollLines, int lineCount) {
        return (int) Math.max(0, Math.min(lineCount - 1, Math.floor(scrollLines)));
    }

    /**
     * The scroll position (in lines) that shows {@code line} with at least {@code margin} lines
     * around it, moving as little as possible from {@code current}; {@code visible} lines fit.
     */
    public static double revealLine(double current, int line, int visible, int margin, int lineCount) {
        int m = Math.max(0, Math.min(margin, (visible - 1) / 2));
        double top = current;
        if (line < top + m) {
            top = line - m;
        } else if (line > top + visible - 1 - m) {
            top = line - visible + 1 + m;
        }
        return Math.max(0, Math.min(maxScroll(lineCount, visible), top));
    }

    /** The largest scroll position: the last line may scroll up to the top, like most editors allow. */
    public static double maxScroll(int lineCount, int visible) {
        return Math.max(0, lineCount - 1);
    }

    /** Digits of the largest line number, for the gutter's width. */
    public static int gutterDigits(int lineCount) {
        return Math.max(2, Integer.toString(Math.max(1, lineCount)).length());
    }
}
