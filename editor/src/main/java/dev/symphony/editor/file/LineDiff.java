package dev.symphony.editor.file;

import dev.symphony.editor.diff.Myers;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;

/**
 * Line-level difference between two texts ({@link Myers}' O((N+M)·D) algorithm after trimming the common
 * head and tail; lines inside the texts' common first and last characters are not even made into strings, so one
 * keystroke in a 10 MB file costs a block-wise character compare and the lines around it). Past
 * {@link #MAX_EDIT_DISTANCE} the middle is reported as one replaced block.
 */
public record LineDiff(List<Hunk> hunks) {

    static final int MAX_EDIT_DISTANCE = 4000;

    /** Lines {@code [fromA, fromA + countA)} of the old text became {@code [fromB, fromB + countB)} of the new. */
    public record Hunk(int fromA, int countA, int fromB, int countB) {
    }

    public boolean isEmpty() {
        return hunks.isEmpty();
    }

    public static LineDiff of(Rope a, Rope b) {
        // Lines wholly inside the texts' common first and last characters are equal: found by comparing characters in
        // blocks, so a keystroke in a 10 MB file makes only the lines around it into strings (a gutter-marker update).
        // From there the equal head and tail are extended line by line exactly as over all lines (equal lines may
        // differ in their breaks, CR against CRLF), so the hunks are the same as ofAllLines'.
        int prefix = commonPrefix(a, b);
        int suffix = commonSuffix(a, b, Math.min(a.length(), b.length()) - prefix);
        int lengthA = a.lineCount();
        int lengthB = b.lineCount();
        int head = Math.min(a.lineOf(prefix), b.lineOf(prefix)); // both, for a CR whose LF differs
        while (head < lengthA && head < lengthB && line(a, head).equals(line(b, head))) {
            head++;
        }
        int tail = Math.min(Math.min(lengthA - (a.lineOf(a.length() - suffix) + 1), lengthB - (b.lineOf(b.length() - suffix) + 1)),
                Math.min(lengthA, lengthB) - head);
        while (tail < lengthA - head && tail < lengthB - head && line(a, lengthA - 1 - tail).equals(line(b, lengthB - 1 - tail))) {
            tail++;
        }
        LineDiff middle = middle(lines(a, head, lengthA - tail), lines(b, head, lengthB - tail), 0, 0);
        if (head == 0) {
            return middle;
        }
        List<Hunk> shifted = new ArrayList<>(middle.hunks().size());
        for (Hunk h : middle.hunks()) {
            shifted.add(new Hunk(h.fromA() + head, h.countA(), h.fromB() + head, h.countB()));
        }
        return new LineDiff(shifted);
    }

    private static String line(Rope r, int line) {
        return r.substring(r.lineStart(line), r.lineEnd(line));
    }

    /** The same difference with every line made a string first: what {@link #of} must equal (its tests). */
    static LineDiff ofAllLines(Rope a, Rope b) {
        return ofLines(lines(a, 0, a.lineCount()), lines(b, 0, b.lineCount()));
    }

    private static LineDiff ofLines(String[] x, String[] y) {
        int head = 0;
        while (head < x.length && head < y.length && x[head].equals(y[head])) {
            head++;
        }
        int tail = 0;
        while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail].equals(y[y.length - 1 - tail])) {
            tail++;
        }
        return middle(x, y, head, tail);
    }

    private static LineDiff middle(String[] x, String[] y, int head, int tail) {
        int n = x.length - head - tail;
        int m = y.length - head - tail;
        List<Hunk> hunks = new ArrayList<>();
        if (n == 0 && m == 0) {
            return new LineDiff(hunks);
        }
        boolean[][] keep = Myers.commonSubsequence(x, head, n, y, head, m, MAX_EDIT_DISTANCE);
        if (keep == null) {
            hunks.add(new Hunk(head, n, head, m));
            return new LineDiff(hunks);
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && keep[0][i] && keep[1][j]) {
                i++;
                j++;
                continue;
            }
            int si = i;
            int sj = j;
            while (i < n && !keep[0][i]) {
                i++;
            }
            while (j < m && !keep[1][j]) {
                j++;
            }
            hunks.add(new Hunk(head + si, i - si, head + sj, j - sj));
        }
        return new LineDiff(hunks);
    }

    private static String[] lines(Rope r, int from, int to) {
        String[] out = new String[Math.max(0, to - from)];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.substring(r.lineStart(from + i), r.lineEnd(from + i));
        }
        return out;
    }

    /** The largest block compared at once (the last, differing block is then searched char by char). */
    private static final int MAX_BLOCK = 1 << 18;

    /** How many first characters {@code a} and {@code b} share. */
    static int commonPrefix(Rope a, Rope b) {
        int max = Math.min(a.length(), b.length());
        int done = 0;
        for (int block = 4096; done < max; block = Math.min(block * 2, MAX_BLOCK)) {
            int end = Math.min(max, done + block);
            String x = a.substring(done, end);
            String y = b.substring(done, end);
            if (!x.equals(y)) {
                int i = 0;
                while (x.charAt(i) == y.charAt(i)) {
                    i++;
                }
                return done + i;
            }
            done = end;
        }
        return max;
    }

    /** How many last characters {@code a} and {@code b} share, at most {@code max}. */
    static int commonSuffix(Rope a, Rope b, int max) {
        int done = 0;
        for (int block = 4096; done < max; block = Math.min(block * 2, MAX_BLOCK)) {
            int size = Math.min(max - done, block);
            String x = a.substring(a.length() - done - size, a.length() - done);
            String y = b.substring(b.length() - done - size, b.length() - done);
            if (!x.equals(y)) {
                int i = 0;
                while (x.charAt(size - 1 - i) == y.charAt(size - 1 - i)) {
                    i++;
                }
                return done + i;
            }
            done += size;
        }
        return max;
    }
}
