package dev.symphony.editor.fold;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The folds of a {@link FoldState} as parallel arrays of ints, sorted by where the hidden text begins: each fold's
 * offsets (the end of its first line, the end of its last line) and its first and last line in the text the state
 * last placed or moved it in.
 *
 * <p>An edit moves the folds after it lazily, as a gap buffer moves text: the folds from index {@code gap} on are
 * stored without the offset and lines the edits since added ({@code pendingOffset}, {@code pendingLines}), which the
 * getters add. The next edit elsewhere moves the gap there, settling only the folds in between. A max tree over the
 * stored ends finds the folds before the gap whose hidden text reaches an offset ({@link #reaching}) without a scan.
 * Bulk changes (folding, unfolding, a change of several edits) settle every fold first.
 */
final class FoldTable {
    private int size;
    private int[] headerEnd = new int[8];
    private int[] end = new int[8];
    private int[] startLine = new int[8];
    private int[] endLine = new int[8];
    private int gap; // folds from here on are stored without the pending shift
    private int pendingOffset;
    private int pendingLines;
    private int[] maxEnd; // a max tree over end[]: leaves at leaves + i; null until asked for after a bulk change
    private int leaves;

    int size() {
        return size;
    }

    int headerEnd(int i) {
        return i < gap ? headerEnd[i] : headerEnd[i] + pendingOffset;
    }

    int end(int i) {
        return i < gap ? end[i] : end[i] + pendingOffset;
    }

    int startLine(int i) {
        return i < gap ? startLine[i] : startLine[i] + pendingLines;
    }

    int endLine(int i) {
        return i < gap ? endLine[i] : endLine[i] + pendingLines;
    }

    void add(int headerEnd, int end, int startLine, int endLine) {
        insert(size, headerEnd, end, startLine, endLine);
    }

    void insert(int at, int headerEnd, int end, int startLine, int endLine) {
        settleAll();
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

    /** Sets fold {@code i} to these offsets and lines (as they are, the pending shift included). */
    void set(int i, int headerEnd, int end, int startLine, int endLine) {
        boolean pending = i >= gap;
        this.headerEnd[i] = pending ? headerEnd - pendingOffset : headerEnd;
        this.end[i] = pending ? end - pendingOffset : end;
        this.startLine[i] = pending ? startLine - pendingLines : startLine;
        this.endLine[i] = pending ? endLine - pendingLines : endLine;
        updateTree(i);
    }

    /** Every fold stored as it is: no pending shift; the tree is built again when next asked for. */
    void settleAll() {
        if (pendingOffset != 0 || pendingLines != 0) {
            for (int i = gap; i < size; i++) {
                headerEnd[i] += pendingOffset;
                end[i] += pendingOffset;
                startLine[i] += pendingLines;
                endLine[i] += pendingLines;
            }
        }
        pendingOffset = 0;
        pendingLines = 0;
        gap = 0;
        maxEnd = null;
    }

    /**
     * Moves every fold from index {@code from} on by {@code offset} and {@code lines}: the gap moves to {@code from}
     * (settling or unsettling only the folds between), the pending shift grows.
     */
    void shiftFrom(int from, int offset, int lines) {
        moveGap(from);
        pendingOffset += offset;
        pendingLines += lines;
    }

    /** Makes the folds before {@code to} stored as they are and those from it on pending. */
    void moveGap(int to) {
        if (pendingOffset == 0 && pendingLines == 0) {
            gap = to;
            return;
        }
        int sign = to > gap ? 1 : -1; // settling folds that were pending, or making pending folds that were settled
        for (int i = Math.min(gap, to); i < Math.max(gap, to); i++) {
            headerEnd[i] += sign * pendingOffset;
            end[i] += sign * pendingOffset;
            startLine[i] += sign * pendingLines;
            endLine[i] += sign * pendingLines;
            updateTree(i);
        }
        gap = to;
    }

    /**
     * The folds before {@code before} (which must not be past the gap) whose end is at {@code offset} or after,
     * ascending: O((found + 1) · log folds).
     */
    int[] reaching(int before, int offset) {
        if (maxEnd == null) {
            buildTree();
        }
        int[] found = new int[4];
        int n = 0;
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = 1;
        while (top > 0) {
            int node = stack[--top];
            int span = Integer.highestOneBit(node); // nodes on this level
            int width = leaves / span;
            int first = (node - span) * width;
            if (first >= before || maxEnd[node] < offset) {
                continue;
            }
            if (node >= leaves) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = node - leaves;
            } else {
                stack[top++] = 2 * node + 1; // right popped after left: ascending
                stack[top++] = 2 * node;
            }
        }
        return Arrays.copyOf(found, n);
    }

    private void buildTree() {
        leaves = Integer.highestOneBit(Math.max(1, size - 1)) * 2;
        maxEnd = new int[2 * leaves];
        Arrays.fill(maxEnd, Integer.MIN_VALUE);
        System.arraycopy(end, 0, maxEnd, leaves, size);
        for (int node = leaves - 1; node > 0; node--) {
            maxEnd[node] = Math.max(maxEnd[2 * node], maxEnd[2 * node + 1]);
        }
    }

    private void updateTree(int i) {
        if (maxEnd == null || i >= leaves) {
            maxEnd = null;
            return;
        }
        int node = leaves + i;
        maxEnd[node] = end[i];
        for (node >>>= 1; node > 0; node >>>= 1) {
            maxEnd[node] = Math.max(maxEnd[2 * node], maxEnd[2 * node + 1]);
        }
    }

    /** Keeps the first {@code n} folds. */
    void truncate(int n) {
        settleAll();
        size = n;
    }

    void clear() {
        truncate(0);
    }

    /** Removes the folds whose index {@code doomed} accepts, keeping the order of the others; true when one was. */
    boolean removeIf(IntPredicate doomed) {
        settleAll();
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
        settleAll();
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
        return VisibleLines.of(startLine, endLine, size, lineCount, gap, pendingLines);
    }
}
