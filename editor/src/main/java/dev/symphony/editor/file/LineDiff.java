package dev.symphony.editor.file;

import dev.symphony.editor.diff.Myers;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;

/**
 * Line-level difference between two texts ({@link Myers}' O((N+M)·D) algorithm after trimming the common
 * head and tail). Past {@link #MAX_EDIT_DISTANCE} the middle is reported as one replaced block.
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
        String[] x = lines(a);
        String[] y = lines(b);
        int head = 0;
        while (head < x.length && head < y.length && x[head].equals(y[head])) {
            head++;
        }
        int tail = 0;
        while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail].equals(y[y.length - 1 - tail])) {
            tail++;
        }
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

    private static String[] lines(Rope r) {
        String[] out = new String[r.lineCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.substring(r.lineStart(i), r.lineEnd(i));
        }
        return out;
    }
}
