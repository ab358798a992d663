package dev.symphony.kernel.commands;

import java.util.Optional;

/**
 * Palette-style fuzzy matching: every query character must appear in the text in order (case
 * insensitive). Among the ways to place them, the best-scoring one is chosen by dynamic programming:
 * matches at word starts and runs of consecutive characters score higher, gaps cost a little.
 */
public final class FuzzyMatcher {
    private static final int MATCH = 16;
    private static final int WORD_START = 24;
    private static final int CONSECUTIVE = 20;
    private static final int GAP = 1;
    private static final int NONE = Integer.MIN_VALUE / 4;

    private FuzzyMatcher() {}

    public static Optional<FuzzyMatch<String>> match(String query, String text) {
        String q = query.strip().replace(" ", "");
        if (q.isEmpty()) {
            return Optional.of(new FuzzyMatch<>(text, text, 0, new int[0]));
        }
        int n = q.length();
        int m = text.length();
        if (n > m) {
            return Optional.empty();
        }
        // best[i][j]: best score placing q[0..i] with q[i] matched at text[j]
        int[][] best = new int[n][m];
        int[][] from = new int[n][m];
        for (int i = 0; i < n; i++) {
            char qc = Character.toLowerCase(q.charAt(i));
            int runningBest = NONE;
            int runningFrom = -1;
            for (int j = 0; j < m; j++) {
                // candidate predecessors end before j; track the best of best[i-1][k] - gap*(j-k-1), k < j-1
                if (i > 0 && j >= 2 && best[i - 1][j - 2] > NONE) {
                    int candidate = best[i - 1][j - 2];
                    if (candidate > runningBest) {
                        runningBest = candidate;
                        runningFrom = j - 2;
                    }
                }
                if (i > 0 && runningBest > NONE) {
                    runningBest -= GAP;
                }
                best[i][j] = NONE;
                if (Character.toLowerCase(text.charAt(j)) != qc) {
                    continue;
                }
                int bonus = MATCH + (isWordStart(text, j) ? WORD_START : 0);
                if (i == 0) {
                    best[i][j] = bonus - Math.min(j, 8) * GAP;
                    from[i][j] = -1;
                    continue;
                }
                int viaRun = j >= 1 && best[i - 1][j - 1] > NONE ? best[i - 1][j - 1] + CONSECUTIVE : NONE;
                int viaGap = runningBest;
                if (viaRun == NONE && viaGap == NONE) {
                    continue;
                }
                if (viaRun >= viaGap) {
                    best[i][j] = viaRun + bonus;
                    from[i][j] = j - 1;
                } else {
                    best[i][j] = viaGap + bonus;
                    from[i][j] = runningFrom;
                }
            }
        }
        int end = -1;
        for (int j = 0; j < m; j++) {
            if (best[n - 1][j] > NONE && (end < 0 || best[n - 1][j] > best[n - 1][end])) {
                end = j;
            }
        }
        if (end < 0) {
            return Optional.empty();
        }
        int[] positions = new int[n];
        for (int i = n - 1, j = end; i >= 0; i--) {
            positions[i] = j;
            j = from[i][j];
        }
        return Optional.of(new FuzzyMatch<>(text, text, best[n - 1][end] - (m - n) / 4, positions));
    }

    private static boolean isWordStart(String text, int index) {
        if (index == 0) {
            return true;
        }
        char previous = text.charAt(index - 1);
        char current = text.charAt(index);
        return !Character.isLetterOrDigit(previous)
                || (Character.isLowerCase(previous) && Character.isUpperCase(current));
    }
}
