package dev.symphony.editor.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The words that differ between two blocks of text: both are cut into words (letters, digits and
 * {@code _}), runs of blanks, and single other characters; {@link Myers} pairs the common ones, and
 * each run of unpaired tokens becomes one {@link Span}.
 */
final class WordDiff {
    /** Blocks longer than this (either side) are not compared word by word: the line colours say enough. */
    static final int MAX_CHARS = 20_000;
    private static final int MAX_EDITS = 4_000;

    private WordDiff() {
    }

    /** {@code [0]}: spans of {@code a} (offset by {@code aBase}), {@code [1]}: of {@code b}; null when too large or too different. */
    static List<List<Span>> of(String a, int aBase, String b, int bBase) {
        if (a.length() > MAX_CHARS || b.length() > MAX_CHARS) {
            return null;
        }
        List<int[]> ta = tokens(a);
        List<int[]> tb = tokens(b);
        String[] x = texts(a, ta);
        String[] y = texts(b, tb);
        boolean[][] keep = Myers.commonSubsequence(x, 0, x.length, y, 0, y.length, MAX_EDITS);
        if (keep == null) {
            return null;
        }
        return List.of(joined(a, spans(ta, keep[0], 0), aBase), joined(b, spans(tb, keep[1], 0), bBase));
    }

    /**
     * Joins spans separated only by blanks or one punctuation character: in a rewritten line, a lone
     * matched "(" or space between two changes is noise, not information.
     */
    private static List<Span> joined(String s, List<Span> spans, int base) {
        List<Span> out = new ArrayList<>();
        for (Span span : spans) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && isFiller(s, last.end() - base, span.start())) {
                out.set(out.size() - 1, new Span(last.start(), base + span.end()));
            } else {
                out.add(new Span(base + span.start(), base + span.end()));
            }
        }
        return out;
    }

    private static boolean isFiller(String s, int from, int to) {
        String gap = s.substring(from, to);
        return gap.isBlank() && gap.indexOf('\n') < 0 || gap.length() == 1 && !isWord(gap.charAt(0)) && gap.charAt(0) != '\n';
    }

    private static List<Span> spans(List<int[]> tokens, boolean[] keep, int base) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (keep[i]) {
                i++;
                continue;
            }
            int start = tokens.get(i)[0];
            while (i < tokens.size() && !keep[i]) {
                i++;
            }
            out.add(new Span(base + start, base + tokens.get(i - 1)[1]));
        }
        return out;
    }

    private static String[] texts(String s, List<int[]> tokens) {
        String[] out = new String[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.substring(tokens.get(i)[0], tokens.get(i)[1]);
        }
        return out;
    }

    /** {start, end} of each token. */
    static List<int[]> tokens(String s) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int start = i;
            char c = s.charAt(i);
            if (isWord(c)) {
                while (i < s.length() && isWord(s.charAt(i))) {
                    i++;
                }
            } else if (c == ' ' || c == '\t') {
                while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                }
            } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
            } else {
                i += Character.isHighSurrogate(c) && i + 1 < s.length() ? 2 : 1;
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
