package dev.symphony.editor.syntax;

import dev.secondsun.tm4e.core.grammar.StackElement;
import dev.symphony.editor.text.Rope;
import java.util.Arrays;

/**
 * The bookkeeping of a {@link SyntaxSession} (not thread-safe: the session's lock guards it).
 *
 * <pre>
 * line:    0 ........ validUpTo ........ convergeFrom ........ staleUpTo ........ lineCount
 * ends[]:  exact      | garbage or tentative | tentative: old end states | unknown
 * </pre>
 * {@code ends[i]} is the grammar state after line i. Below {@code validUpTo} it is exact for this
 * revision. In {@code [convergeFrom, staleUpTo)} it is the state that line had before the last edits
 * (shifted with the line numbers): when the frontier computes an end state equal to it there, every
 * state up to the next <em>break</em> (or {@code staleUpTo}) is exact again. A break is where two tentative
 * chains meet: an edit above a frontier that had not converged leaves the exact states of the previous
 * revision (up to the old frontier) followed by older ones, and convergence in the first chain says nothing
 * about the second. {@code styles[]} is kept only inside a window around the viewport; a style is non-null
 * only when computed for the current revision (exact or provisional).
 */
final class SessionState {

    static final int MARGIN = 300;          // lines kept styled beyond the viewport, each side
    static final int BATCH = 512;           // at most this many lines per job
    static final int CATCH_UP = 3_000;      // viewport this close below the frontier: just advance the frontier
    static final int PROVISIONAL_LEAD = 60; // provisional styles start this many lines above the viewport
    /**
     * The exact frontier runs at most this far past the viewport, then the worker idles: a 100 MB file
     * would otherwise keep a core busy for minutes (and steal it from typing on a 2-core machine). Lines
     * further down are tokenized when scrolled to; a viewport far below the frontier is styled
     * provisionally at once and the frontier follows it, so its styles become exact (a comment that opened
     * thousands of lines above cannot be guessed from a few lines of lead).
     */
    static final int AHEAD = 20_000;

    record Job(Rope text, int revision, int firstLine, int lastLine, StackElement startState, boolean exact) {
    }

    record Batch(Job job, int count, LineStyles[] styles, StackElement[] ends, long nanos) {
    }

    private Rope text;
    private int revision;
    private int lineCount;
    private StackElement[] ends;
    private LineStyles[] styles;
    private boolean[] provisional;
    private int validUpTo;
    private int convergeFrom;
    private int staleUpTo;
    private int[] breaks = new int[0]; // ascending, inside (convergeFrom, staleUpTo): see the class comment
    private int viewFirst;
    private int viewLast;

    SessionState(Rope text) {
        this.text = text;
        this.lineCount = text.lineCount();
        this.ends = new StackElement[lineCount + 16];
        this.styles = new LineStyles[lineCount + 16];
        this.provisional = new boolean[lineCount + 16];
        this.viewLast = Math.min(lineCount - 1, 80);
    }

    int lineCount() {
        return lineCount;
    }

    int validUpTo() {
        return validUpTo;
    }

    /** The grammar state after {@code line} if it is exact for this revision, else null. */
    StackElement exactEndState(int line) {
        return line >= 0 && line < validUpTo ? ends[line] : null;
    }

    LineStyles styles(int line) {
        return line >= 0 && line < lineCount ? styles[line] : null;
    }

    boolean hasWork() {
        return validUpTo < horizon() || firstUnstyledInView() >= 0;
    }

    /**
     * The exact frontier stops here (see {@link #AHEAD}).
     */
    private int horizon() {
        return (int) Math.min(lineCount, (long) viewLast + AHEAD);
    }

    void invalidateAll() {
        revision++;
        Arrays.fill(ends, null);
        Arrays.fill(styles, null);
        Arrays.fill(provisional, false);
        validUpTo = convergeFrom = staleUpTo = 0;
        breaks = new int[0];
    }

    void setViewport(int first, int last) {
        int f = Math.max(0, Math.min(first, lineCount - 1));
        int l = Math.max(f, Math.min(last, lineCount - 1));
        int oldFrom = windowFrom();
        int oldTo = windowTo();
        viewFirst = f;
        viewLast = l;
        for (int i = oldFrom; i <= oldTo; i++) { // forget styles that left the window (memory stays O(window))
            if (i < windowFrom() || i > windowTo()) {
                styles[i] = null;
            }
        }
    }

    void update(Rope newText, int first, int oldLast, int newLast) {
        int newCount = newText.lineCount();
        if (first < 0 || oldLast < first || newLast < first || oldLast >= lineCount || newLast >= newCount
                || newCount - newLast != lineCount - oldLast) {
            throw new IllegalArgumentException("bad change lines " + first + ", " + oldLast + " -> " + newLast
                    + " for " + lineCount + " -> " + newCount + " lines");
        }
        revision++;
        int delta = newLast - oldLast;
        // old ends[oldLast..] (the state after the changed block and after each unchanged line) shift by delta,
        // in place: no allocation per keystroke, a copy of the tail only when the line count changes
        ends = shift(ends, first, oldLast, newLast, newCount);
        styles = shift(styles, first, oldLast, newLast, newCount);
        provisional = shiftFlags(provisional, first, oldLast, newLast, newCount);
        boolean tentativeSurvives = staleUpTo > oldLast;
        int oldConverge = convergeFrom;
        int oldValid = validUpTo;
        validUpTo = Math.min(validUpTo, first);
        int[] oldBreaks = breaks;
        int oldStale = staleUpTo;
        if (tentativeSurvives) {
            staleUpTo += delta;
            // garbage (changed, never re-tokenized lines) lies in [validUpTo, convergeFrom): keep the later end of it
            int c = oldConverge > oldLast && oldConverge > oldValid ? oldConverge + delta : newLast;
            convergeFrom = Math.max(c, newLast);
        } else {
            staleUpTo = Math.min(staleUpTo, first);
            convergeFrom = staleUpTo;
        }
        staleUpTo = Math.max(staleUpTo, validUpTo);
        breaks = shiftedBreaks(oldBreaks, oldLast, delta,
                oldLast < oldValid && oldValid < oldStale && oldConverge <= oldValid ? oldValid + delta : -1);
        text = newText;
        lineCount = newCount;
        viewFirst = Math.min(viewFirst, lineCount - 1);
        viewLast = Math.min(viewLast, lineCount - 1);
        // styles from the change onwards may depend on a state that changed: never show them for this revision
        for (int i = first; i <= Math.min(windowTo(), lineCount - 1); i++) {
            styles[i] = null;
        }
        for (int i = Math.max(windowTo() + 1, first); i < Math.min(lineCount, windowTo() + 1 + Math.abs(delta) + MARGIN); i++) {
            styles[i] = null; // shifted in from below the window
        }
    }

    /** The next piece of work, or null when everything is tokenized and the viewport is styled. */
    Job nextJob() {
        int gap = firstUnstyledInView();
        if (gap >= 0) {
            if (gap <= validUpTo) { // start state known (exact)
                return job(gap, Math.min(viewLast, gap + BATCH - 1), true);
            }
            if (gap - validUpTo <= CATCH_UP) { // close enough: the exact pass reaches it in a few slices
                return job(validUpTo, Math.min(lineCount - 1, validUpTo + BATCH - 1), true);
            }
            int from = Math.max(validUpTo, gap - PROVISIONAL_LEAD);
            return new Job(text, revision, from, Math.min(viewLast, from + BATCH - 1), null, false);
        }
        if (validUpTo < horizon()) {
            return job(validUpTo, Math.min(horizon() - 1, validUpTo + BATCH - 1), true);
        }
        return null;
    }

    private Job job(int from, int to, boolean exact) {
        return new Job(text, revision, from, to, from == 0 ? null : ends[from - 1], exact);
    }

    /** Applies a finished batch; returns the line range to announce, or null if the batch is stale. */
    int[] commit(Batch b) {
        Job j = b.job();
        if (j.revision() != revision) {
            return null;
        }
        int readyFrom = Integer.MAX_VALUE;
        int readyTo = -1;
        int wFrom = windowFrom();
        int wTo = windowTo();
        for (int k = 0; k < b.count(); k++) {
            int line = j.firstLine() + k;
            if (j.exact()) {
                if (line == validUpTo) {
                    boolean converged = line >= convergeFrom && line < staleUpTo && States.equal(b.ends()[k], ends[line]);
                    ends[line] = b.ends()[k];
                    validUpTo = converged ? nextBreakAfter(line) : line + 1;
                }
            } else if (styles[line] != null && !provisional[line]) {
                continue; // never replace exact styles with provisional ones
            }
            if (line >= wFrom && line <= wTo && !b.styles()[k].equals(styles[line]) || line >= wFrom && line <= wTo && provisional[line] != !j.exact()) {
                styles[line] = b.styles()[k];
                provisional[line] = !j.exact();
                readyFrom = Math.min(readyFrom, line);
                readyTo = Math.max(readyTo, line);
            }
        }
        if (validUpTo >= staleUpTo) {
            staleUpTo = convergeFrom = validUpTo;
        }
        dropBreaksUpTo(validUpTo);
        return readyTo < 0 ? new int[] {0, -1} : new int[] {readyFrom, readyTo};
    }

    /**
     * The old breaks after the edit, shifted by {@code delta}, plus {@code added} (or -1), keeping only those
     * where convergence can still happen ({@code (convergeFrom, staleUpTo)}).
     */
    private int[] shiftedBreaks(int[] old, int oldLast, int delta, int added) {
        int[] out = new int[old.length + 1];
        int n = 0;
        for (int b : old) {
            int moved = b > oldLast ? b + delta : -1; // a break inside the edited lines is gone with them
            if (moved > convergeFrom && moved < staleUpTo) {
                out[n++] = moved;
            }
        }
        if (added > convergeFrom && added < staleUpTo) {
            out[n++] = added;
        }
        return Arrays.stream(out, 0, n).sorted().distinct().toArray();
    }

    /** Where exactness reaches when the frontier converged at {@code line}: the next break, else staleUpTo. */
    private int nextBreakAfter(int line) {
        for (int b : breaks) {
            if (b > line) {
                return b;
            }
        }
        return staleUpTo;
    }

    private void dropBreaksUpTo(int line) {
        int k = 0;
        while (k < breaks.length && breaks[k] <= line) {
            k++;
        }
        if (k > 0) {
            breaks = Arrays.copyOfRange(breaks, k, breaks.length);
        }
    }

    /**
     * The first viewport line without styles, or with provisional ones although its start state is exact
     * now (the frontier converged past it: it jumps over lines without tokenizing them), or -1.
     */
    private int firstUnstyledInView() {
        for (int i = viewFirst; i <= viewLast && i < lineCount; i++) {
            if (styles[i] == null || provisional[i] && i <= validUpTo) {
                return i;
            }
        }
        return -1;
    }

    private int windowFrom() {
        return Math.max(0, viewFirst - MARGIN);
    }

    private int windowTo() {
        return Math.min(lineCount - 1, viewLast + MARGIN);
    }

    private static <T> T[] shift(T[] a, int first, int oldLast, int newLast, int newCount) {
        int tail = newCount - newLast; // lines oldLast.. of the old text = newLast.. of the new
        T[] out = a.length >= newCount ? a : Arrays.copyOf(a, newCount + (newCount >> 1));
        if (oldLast != newLast || out != a) { // same line count: nothing moves (a keystroke costs no copy)
            System.arraycopy(a, oldLast, out, newLast, tail);
        }
        Arrays.fill(out, first, newLast, null);
        if (newLast < oldLast) {
            Arrays.fill(out, newCount, Math.min(out.length, newCount + (oldLast - newLast)), null);
        }
        return out;
    }

    private static boolean[] shiftFlags(boolean[] a, int first, int oldLast, int newLast, int newCount) {
        int tail = newCount - newLast;
        boolean[] out = a.length >= newCount ? a : Arrays.copyOf(a, newCount + (newCount >> 1));
        if (oldLast != newLast || out != a) {
            System.arraycopy(a, oldLast, out, newLast, tail);
        }
        Arrays.fill(out, first, newLast, false);
        return out;
    }
}
