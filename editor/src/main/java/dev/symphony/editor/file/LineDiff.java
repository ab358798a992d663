package dev.symphony.editor.file;

import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;

/**
 * Line-level difference between two texts (Myers' O((N+M)·D) algorithm after trimming the common
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
        boolean[][] keep = myers(x, head, n, y, head, m);
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

    /** Marks the lines of each side that are part of a longest common subsequence; null if too different. */
    private static boolean[][] myers(String[] x, int xo, int n, String[] y, int yo, int m) {
        int max = Math.min(n + m, MAX_EDIT_DISTANCE);
        int off = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int xi = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
                int yi = xi - k;
                while (xi < n && yi < m && x[xo + xi].equals(y[yo + yi])) {
                    xi++;
                    yi++;
                }
                v[off + k] = xi;
                if (xi >= n && yi >= m) {
                    return backtrack(trace, off, n, m, d, x, xo, y, yo);
                }
            }
        }
        return null;
    }

    private static boolean[][] backtrack(List<int[]> trace, int off, int n, int m, int dEnd, String[] x, int xo, String[] y, int yo) {
        boolean[][] keep = {new boolean[n], new boolean[m]};
        int xi = n;
        int yi = m;
        for (int d = dEnd; d >= 0; d--) {
            int[] v = trace.get(d);
            int k = xi - yi;
            int prevK = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? k + 1 : k - 1;
            int prevX = d == 0 ? 0 : v[off + prevK];
            int prevY = prevX - prevK;
            while (xi > prevX && yi > prevY && xi > 0 && yi > 0 && x[xo + xi - 1].equals(y[yo + yi - 1])) {
                keep[0][--xi] = true;
                keep[1][--yi] = true;
            }
            if (d > 0) {
                xi = prevX;
                yi = prevY;
            }
        }
        return keep;
    }

    private static String[] lines(Rope r) {
        String[] out = new String[r.lineCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.substring(r.lineStart(i), r.lineEnd(i));
        }
        return out;
    }
}
