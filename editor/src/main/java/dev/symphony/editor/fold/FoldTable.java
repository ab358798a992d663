package dev.symphony.editor.fold;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The folds of a {@link FoldState} as parallel arrays of ints, sorted by where the hidden text begins: each fold's
 * offsets (the end of its first line, the end of its last line) and its first and last line in the text the state
 * last placed or moved it in. Primitive arrays so that moving thousands of folds through an edit is integer work.
 */
final class FoldTable {
    private int size;
    private int[] headerEnd = new int[8];
    private int[] end = new int[8];
    private int[] startLine = new int[8];
    private int[] endLine = new int[8];

    int size() {
        return size;
    }

    int headerEnd(int i) {
        return headerEnd[i];
    }

    int end(int i) {
        return end[i];
    }

    int startLine(int i) {
        return startLine[i];
    }

    int endLine(int i) {
        return endLine[i];
    }

    void add(int headerEnd, int end, int startLine, int endLine) {
        insert(size, headerEnd, end, startLine, endLine);
    }

    void insert(int at, int headerEnd, int end, int startLine, int endLine) {
        if (size == this.headerEnd.length) {
            int capacity = size * 2;
            this.headerEnd = Arrays.copyOf(this.headerEnd, capacity);
            this.end = Arrays.copyOf(this.end, capacity);
            this.startLine = Arrays.copyOf(this.startLine, capacity);
            this.endLine = Arrays.copyOf(this.endLine, capacity);
        }
        for (int[] a : new int[][] {this.headerEnd, this.end, this.startLine, this.endLine}) {
            System.arraycopy(a, at, a, at + 1, size - at);
        }
        size++;
        set(at, headerEnd, end, startLine, endLine);
    }

    void set(int i, int headerEnd, int end, int startLine, int endLine) {
        this.headerEnd[i] = headerEnd;
        this.end[i] = end;
        setLines(i, startLine, endLine);
    }

    void setLines(int i, int startLine, int endLine) {
        this.startLine[i] = startLine;
        this.endLine[i] = endLine;
    }

    /** Keeps the first {@code n} folds. */
    void truncate(int n) {
        size = n;
    }

    void clear() {
        size = 0;
    }

    /** Removes the folds whose index {@code doomed} accepts, keeping the order of the others; true when one was. */
    boolean removeIf(IntPredicate doomed) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!doomed.test(i)) {
                set(kept++, headerEnd[i], end[i], startLine[i], endLine[i]);
            }
        }
        boolean removed = kept < size;
        size = kept;
        return removed;
    }

    /** Sorts by where the hidden text begins, folds beginning at the same offset keeping their order. */
    void sortByHeaderEnd() {
        Integer[] order = new Integer[size];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(headerEnd[a], headerEnd[b])); // stable for objects
        int[][] columns = {headerEnd, end, startLine, endLine};
        for (int c = 0; c < columns.length; c++) {
            int[] copy = Arrays.copyOf(columns[c], size);
            for (int i = 0; i < size; i++) {
                columns[c][i] = copy[order[i]];
            }
        }
    }

    /** The lines shown in a {@code lineCount}-line text with these folds folded, from the kept lines. */
    VisibleLines visibleLines(int lineCount) {
        return VisibleLines.of(startLine, endLine, size, lineCount);
    }
}
