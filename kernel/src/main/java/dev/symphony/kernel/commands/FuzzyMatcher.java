package dev.symphony.kernel.commands;

import java.util.Optional;

/**
 * Palette-style fuzzy matching: every query character must appear in the text in order (case
 * insensitive). Among the ways to place them, the best-scoring one is chosen by dynamic programming:
 * matches at word starts and runs of consecutive characters score higher, gaps cost a little.
 * {@link #scorer} gives the same score without the matched positions and without allocating per
 * text, for ranking many texts (Quick Open's 100,000 paths); {@link #match} adds the positions.
 */
public final class FuzzyMatcher {
    /** What {@link Scorer#score} answers when the text does not hold the query. */
    public static final int NO_MATCH = Integer.MIN_VALUE;

    private static final int MATCH = 16;
    private static final int WORD_START = 24;
    private static final int CONSECUTIVE = 20;
    private static final int GAP = 1;
    private static final int NONE = Integer.MIN_VALUE / 4;

    private FuzzyMatcher() {}

    public static Optional<FuzzyMatch<String>> match(String query, String text) {
        char[] q = normalize(query);
        int n = q.length;
        int m = text.length();
        if (n == 0) {
            return Optional.of(new FuzzyMatch<>(text, text, 0, new int[0]));
        }
        if (n > m) {
            return Optional.empty();
        }
        int[][] best = new int[n][m];
        int[][] from = new int[n][m];
        int end = fill(q, text, best, from);
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

    /** A scorer for one query, to be used on one thread: its two rows are reused from text to text. */
    public static Scorer scorer(String query) {
        return new Scorer(normalize(query));
    }

    /** {@link #match}'s score of texts against one query, without positions and without garbage per text. */
    public static final class Scorer {
        private final char[] q;
        private final int[][] rows = new int[2][64];

        private Scorer(char[] q) {
            this.q = q;
        }

        /**
         * No text of {@code length} characters can score more than this (every character at a word start, all in
         * one run, the first at the start): a ranking that already holds better scores can skip such texts unscored.
         */
        public int bound(int length) {
            int n = q.length;
            return n == 0 ? 0 : MATCH + WORD_START + (n - 1) * (MATCH + WORD_START + CONSECUTIVE) - (length - n) / 4;
        }

        /** The score {@link #match} gives {@code text}, or {@link #NO_MATCH}. */
        public int score(String text) {
            int n = q.length;
            int m = text.length();
            if (n == 0) {
                return 0;
            }
            if (n > m) {
                return NO_MATCH;
            }
            if (rows[0].length < m) {
                int size = Math.max(m, rows[0].length * 2);
                rows[0] = new int[size];
                rows[1] = new int[size];
            }
            int end = fill(q, text, rows, null);
            return end < 0 ? NO_MATCH : rows[(n - 1) & 1][end] - (m - n) / 4;
        }
    }

    /** Blanks out, each character lower-cased on its own (so the query keeps its length). */
    private static char[] normalize(String query) {
        char[] q = query.strip().replace(" ", "").toCharArray();
        for (int i = 0; i < q.length; i++) {
            q[i] = Character.toLowerCase(q[i]);
        }
        return q;
    }

    /**
     * The dynamic programme: {@code best[i][j]} is the best score placing {@code q[0..i]} with {@code q[i]}
     * at {@code text[j]}. With {@code from} (one row per query character) it keeps every row and where each
     * placement came from; without it, {@code best} is two rows used alternately. Answers where the best
     * placement of the last character ends (the first of equals), or -1 when the text does not hold the query.
     */
    private static int fill(char[] q, String text, int[][] best, int[][] from) {
        int n = q.length;
        int m = text.length();
        for (int i = 0; i < n; i++) {
            int[] row = from != null ? best[i] : best[i & 1];
            int[] prev = i == 0 ? null : from != null ? best[i - 1] : best[(i - 1) & 1];
            int[] fromRow = from != null ? from[i] : null;
            char qc = q[i];
            int runningBest = NONE;
            int runningFrom = -1;
            for (int j = 0; j < m; j++) {
                // candidate predecessors end before j; track the best of prev[k] - gap*(j-k-1), k < j-1
                if (i > 0 && j >= 2 && prev[j - 2] > NONE) {
                    int candidate = prev[j - 2];
                    if (candidate > runningBest) {
                        runningBest = candidate;
                        runningFrom = j - 2;
                    }
                }
                if (i > 0 && runningBest > NONE) {
                    runningBest -= GAP;
                }
                row[j] = NONE;
                if (Character.toLowerCase(text.charAt(j)) != qc) {
                    continue;
                }
                int bonus = MATCH + (isWordStart(text, j) ? WORD_START : 0);
                if (i == 0) {
                    row[j] = bonus - Math.min(j, 8) * GAP;
                    if (fromRow != null) {
                        fromRow[j] = -1;
                    }
                    continue;
                }
                int viaRun = j >= 1 && prev[j - 1] > NONE ? prev[j - 1] + CONSECUTIVE : NONE;
                int viaGap = runningBest;
                if (viaRun == NONE && viaGap == NONE) {
                    continue;
                }
                boolean run = viaRun >= viaGap;
                row[j] = (run ? viaRun : viaGap) + bonus;
                if (fromRow != null) {
                    fromRow[j] = run ? j - 1 : runningFrom;
                }
            }
        }
        int[] last = from != null ? best[n - 1] : best[(n - 1) & 1];
        int end = -1;
        for (int j = 0; j < m; j++) {
            if (last[j] > NONE && (end < 0 || last[j] > last[end])) {
                end = j;
            }
        }
        return end;
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
