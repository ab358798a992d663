package dev.symphony.editor.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Myers' O((N+M)·D) difference algorithm over sequences of strings (lines, or the words of a line),
 * bounded by an edit distance so that two unrelated texts cost a bounded time and memory.
 */
public final class Myers {

    private Myers() {
    }

    /**
     * Marks the items of {@code x[xo, xo + n)} and {@code y[yo, yo + m)} that are part of a longest
     * common subsequence ({@code [0]} for x, {@code [1]} for y); null when more than {@code maxEdits}
     * insertions and deletions separate them (the caller then treats the ranges as one replaced block).
     */
    public static boolean[][] commonSubsequence(String[] x, int xo, int n, String[] y, int yo, int m, int maxEdits) {
        int max = Math.min(n + m, maxEdits);
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

}
