package dev.symphony.editor.text;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Chunk-level helpers of {@link Rope}: splitting text into chunks, incremental summaries, literal search. */
final class ChunkEdits {

    private ChunkEdits() {
    }

    /** Splits {@code text} into near-equal chunks of at most {@code max} units, never inside a surrogate pair. */
    static List<String> split(CharSequence text, int max) {
        int n = text.length();
        List<String> out = new ArrayList<>(n / max + 1);
        if (n == 0) {
            return out;
        }
        String s = text.toString();
        int start = 0;
        while (start < n) {
            int rest = n - start;
            int pieces = (rest + max - 1) / max;
            int end = start + (rest + pieces - 1) / pieces;
            if (end < n && end > start + 1 && Character.isHighSurrogate(s.charAt(end - 1))
                    && Character.isLowSurrogate(s.charAt(end))) {
                end--;
            }
            out.add(s.substring(start, end));
            start = end;
        }
        return out;
    }

    /**
     * Summary of {@code nc = old[0, la) + text + old[lb, ..)} from the old chunk's summary in
     * O(|deleted| + |inserted|): the keystroke path never rescans the whole chunk.
     */
    static TextSummary summaryAfter(TextSummary old, String ca, int la, int lb, CharSequence text, String nc) {
        char pLast = la > 0 ? ca.charAt(la - 1) : 0;
        char sFirst = lb < ca.length() ? ca.charAt(lb) : 0;
        int tl = text.length();
        long breaks = old.lineBreaks - breaks(ca, la, lb) + breaks(text, 0, tl)
                + joins(pLast, ca, la, lb, sFirst, true) - joins(pLast, text, 0, tl, sFirst, true);
        long cps = old.codePoints - codePoints(ca, la, lb) + codePoints(text, 0, tl)
                + joins(pLast, ca, la, lb, sFirst, false) - joins(pLast, text, 0, tl, sFirst, false);
        char first = nc.charAt(0);
        char last = nc.charAt(nc.length() - 1);
        int flags = (first == '\n' ? TextSummary.STARTS_LF : 0) | (last == '\r' ? TextSummary.ENDS_CR : 0)
                | (Character.isLowSurrogate(first) ? TextSummary.STARTS_LOW_SURROGATE : 0)
                | (Character.isHighSurrogate(last) ? TextSummary.ENDS_HIGH_SURROGATE : 0);
        long crs = old.crs - crs(ca, la, lb) + TextSummary.countCrs(text);
        return new TextSummary(nc.length(), cps, breaks, crs, flags);
    }

    private static long breaks(CharSequence s, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                n++;
                if (c == '\n' && i > from && s.charAt(i - 1) == '\r') {
                    n--;
                }
            }
        }
        return n;
    }

    private static long crs(CharSequence s, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\r') {
                n++;
            }
        }
        return n;
    }

    private static long codePoints(CharSequence s, int from, int to) {
        long n = to - from;
        for (int i = from + 1; i < to; i++) {
            if (Character.isLowSurrogate(s.charAt(i)) && Character.isHighSurrogate(s.charAt(i - 1))) {
                n--;
            }
        }
        return n;
    }

    /** Pairs (CR LF, or high+low surrogate) formed across the two edges of the middle part. */
    private static int joins(char before, CharSequence mid, int from, int to, char after, boolean crlf) {
        if (from == to) {
            return pair(before, after, crlf);
        }
        return pair(before, mid.charAt(from), crlf) + pair(mid.charAt(to - 1), after, crlf);
    }

    private static int pair(char a, char b, boolean crlf) {
        if (crlf) {
            return a == '\r' && b == '\n' ? 1 : 0;
        }
        return Character.isHighSurrogate(a) && Character.isLowSurrogate(b) ? 1 : 0;
    }

    static int indexOf(Rope rope, String needle, int from) {
        int len = rope.length();
        if (from < 0) {
            from = 0;
        }
        if (needle.isEmpty()) {
            return from <= len ? from : -1;
        }
        if (from >= len) {
            return -1;
        }
        int m = needle.length();
        int[] loc = rope.locate(from);
        int start = loc[1];
        Iterator<String> it = rope.tree().iterator(loc[0]);
        String prevTail = "";
        while (it.hasNext()) {
            String c = it.next();
            if (!prevTail.isEmpty()) {
                // A match that starts in the previous chunks' tail and ends in this chunk.
                String window = prevTail + c.substring(0, Math.min(c.length(), m - 1));
                int w = window.indexOf(needle);
                while (w >= 0 && w < prevTail.length()) {
                    int at = start - prevTail.length() + w;
                    if (at >= from && w + m > prevTail.length()) {
                        return at;
                    }
                    w = window.indexOf(needle, w + 1);
                }
            }
            int i = c.indexOf(needle, Math.max(0, from - start));
            if (i >= 0) {
                return start + i;
            }
            String joined = prevTail + c;
            prevTail = joined.substring(Math.max(0, joined.length() - (m - 1)));
            start += c.length();
        }
        return -1;
    }
}
