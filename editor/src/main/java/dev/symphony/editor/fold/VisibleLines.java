package dev.symphony.editor.fold;

import java.util.Arrays;
import java.util.List;

/**
 * The lines a view shows when some are folded away: visible row ↔ document line. Folded regions collapse into runs
 * of hidden lines (a fold whose first line another fold hides adds nothing, as painting skips it too), kept as sorted
 * arrays with the count of hidden lines before each run, so every lookup is a binary search over the runs — O(log
 * folds), whatever the line count. Built once per fold change (O(folds) integer work); an edit that adds or removes lines
 * between folds moves the runs after it lazily ({@link #shifted}); immutable.
 */
public final class VisibleLines {
    private final int lineCount;
    private final int[] from; // first hidden line of each run, ascending (runs from shiftRun on: less shiftLines)
    private final int[] to; // last hidden line of each run (inclusive; the same)
    private final int[] hiddenBefore; // hidden lines in the runs before run i
    private final int visibleCount;
    private final int shiftRun; // runs from here on are moved by shiftLines: an edit above them added lines
    private final int shiftLines;

    private VisibleLines(int lineCount, int[] from, int[] to, int runs) {
        this.lineCount = lineCount;
        this.from = Arrays.copyOf(from, runs);
        this.to = Arrays.copyOf(to, runs);
        this.hiddenBefore = new int[runs];
        int hidden = 0;
        for (int i = 0; i < runs; i++) {
            hiddenBefore[i] = hidden;
            hidden += this.to[i] - this.from[i] + 1;
        }
        this.visibleCount = lineCount - hidden;
        this.shiftRun = runs;
        this.shiftLines = 0;
    }

    private VisibleLines(VisibleLines runs, int lineCount, int shiftRun, int shiftLines) {
        this.lineCount = lineCount;
        this.from = runs.from;
        this.to = runs.to;
        this.hiddenBefore = runs.hiddenBefore;
        this.visibleCount = runs.visibleCount + lineCount - runs.lineCount;
        this.shiftRun = shiftRun;
        this.shiftLines = shiftLines;
    }

    private int from(int run) {
        return run < shiftRun ? from[run] : from[run] + shiftLines;
    }

    private int to(int run) {
        return run < shiftRun ? to[run] : to[run] + shiftLines;
    }

    /**
     * These lines after an edit that added {@code lines} lines (fewer when negative) below line {@code line} and no
     * folded line between: the runs after it move. Shares the runs (O(log runs)) unless runs elsewhere were moved
     * already, when they are copied once (O(runs)).
     */
    VisibleLines shifted(int line, int lines) {
        if (lines == 0) {
            return this;
        }
        int run = runAtOrBefore(line) + 1;
        if (shiftLines == 0 || run == shiftRun) {
            return new VisibleLines(this, lineCount + lines, run, shiftLines + lines);
        }
        int[] movedFrom = new int[from.length];
        int[] movedTo = new int[to.length];
        for (int i = 0; i < from.length; i++) {
            movedFrom[i] = from(i);
            movedTo[i] = to(i);
        }
        return new VisibleLines(lineCount, movedFrom, movedTo, from.length).shifted(line, lines);
    }

    /** Every line of a {@code lineCount}-line text shown. */
    public static VisibleLines all(int lineCount) {
        return new VisibleLines(lineCount, new int[0], new int[0], 0);
    }

    /** The lines shown when {@code folded} (sorted by start line, as {@link FoldState#regions} gives them) are folded. */
    public static VisibleLines of(List<FoldRegion> folded, int lineCount) {
        int[] starts = new int[folded.size()];
        int[] ends = new int[folded.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = folded.get(i).startLine();
            ends[i] = folded.get(i).endLine();
        }
        return of(starts, ends, starts.length, lineCount, starts.length, 0);
    }

    /**
     * The same from the first {@code n} folds' first and last lines, sorted by first line, those from index
     * {@code shiftFrom} on to be moved by {@code shift} lines.
     */
    static VisibleLines of(int[] starts, int[] ends, int n, int lineCount, int shiftFrom, int shift) {
        int[] from = new int[n];
        int[] to = new int[n];
        int runs = 0;
        int header = -1;
        for (int i = 0; i < n; i++) {
            int moved = i < shiftFrom ? 0 : shift;
            int start = starts[i] + moved;
            int end = Math.min(ends[i] + moved, lineCount - 1);
            if (start >= lineCount - 1) {
                break;
            }
            if (runs > 0 && start == header) {
                to[runs - 1] = Math.max(to[runs - 1], end); // two folds on one line: the longer one counts
            } else if (runs == 0 || start > to[runs - 1]) {
                header = start;
                from[runs] = header + 1;
                to[runs] = end;
                runs++;
            } // else its first line is hidden: it hides nothing more
        }
        return new VisibleLines(lineCount, from, to, runs);
    }

    public int lineCount() {
        return lineCount;
    }

    /** How many lines are shown (the view's scrollable height in lines). */
    public int visibleCount() {
        return visibleCount;
    }

    /** The index of the last run starting at or before {@code line}, or -1. */
    private int runAtOrBefore(int line) {
        int lo = 0;
        int hi = from.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (from(mid) <= line) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    public boolean isHidden(int line) {
        int run = runAtOrBefore(line);
        return run >= 0 && line <= to(run);
    }

    /** {@code line} when shown, else the first line of the fold that hides it (the line shown in its place). */
    public int shownLineOf(int line) {
        int run = runAtOrBefore(line);
        return run >= 0 && line <= to(run) ? from(run) - 1 : line;
    }

    /** The visible row of {@code line} (of the line shown in its place when it is hidden). */
    public int rowOf(int line) {
        int run = runAtOrBefore(line);
        if (run < 0) {
            return line;
        }
        if (line <= to(run)) {
            return from(run) - 1 - hiddenBefore[run];
        }
        return line - hiddenBefore[run] - (to(run) - from(run) + 1);
    }

    /**
     * The document line at visible row {@code row}; past the ends it goes on as plain lines (a negative row gives a
     * negative line, a row past the last gives a line ≥ {@link #lineCount}), so a motion can tell it ran off.
     */
    public int lineAt(int row) {
        if (row < 0) {
            return row;
        }
        if (row >= visibleCount) {
            return lineCount + row - visibleCount;
        }
        // the last run whose header's row is below row: hidden lines before it all count
        int lo = 0;
        int hi = from.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (from(mid) - hiddenBefore[mid] <= row) { // from(mid) - hiddenBefore[mid] = the row after its header
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi < 0 ? row : row + hiddenBefore[hi] + (to(hi) - from(hi) + 1);
    }

    /** The line {@code rows} shown rows below {@code line} (above when negative): a vertical caret motion's target. */
    public int lineBy(int line, int rows) {
        return lineAt(rowOf(line) + rows);
    }

    /** The first shown line after {@code line} (painting goes on there), or {@link #lineCount} past the last. */
    public int nextShown(int line) {
        return lineAt(rowOf(line) + 1);
    }
}
