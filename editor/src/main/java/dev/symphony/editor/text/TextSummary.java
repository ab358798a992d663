package dev.symphony.editor.text;

/**
 * Summary of a run of text: UTF-16 units ({@code chars}), code points and line breaks (LF, CR and
 * CRLF each count one). Summaries combine associatively; the edge flags let a CR at the end of one
 * run and an LF at the start of the next count as a single CRLF, and likewise a surrogate pair
 * split across two chunks count as one code point.
 */
public final class TextSummary {

    static final int STARTS_LF = 1;
    static final int ENDS_CR = 2;
    static final int STARTS_LOW_SURROGATE = 4;
    static final int ENDS_HIGH_SURROGATE = 8;

    public static final TextSummary EMPTY = new TextSummary(0, 0, 0, 0, 0);

    final long chars;
    final long codePoints;
    final long lineBreaks;
    /** Number of CR characters: zero for the usual LF file, which makes line-ending detection free. */
    final long crs;
    final int flags;

    TextSummary(long chars, long codePoints, long lineBreaks, long crs, int flags) {
        this.chars = chars;
        this.codePoints = codePoints;
        this.lineBreaks = lineBreaks;
        this.crs = crs;
        this.flags = flags;
    }

    public long carriageReturns() {
        return crs;
    }

    public long chars() {
        return chars;
    }

    public long codePoints() {
        return codePoints;
    }

    public long lineBreaks() {
        return lineBreaks;
    }

    boolean endsWithCr() {
        return (flags & ENDS_CR) != 0;
    }

    boolean startsWithLf() {
        return (flags & STARTS_LF) != 0;
    }

    public static TextSummary of(CharSequence s) {
        return of(s, false);
    }

    /**
     * Summarises {@code s}; {@code knownNoPairs} skips the surrogate scan when the caller knows the
     * text holds no surrogate pair (always true of Latin-1 text, e.g. ASCII source files).
     */
    static TextSummary of(CharSequence s, boolean knownNoPairs) {
        int n = s.length();
        if (n == 0) {
            return EMPTY;
        }
        long breaks;
        long crs;
        long lf = AsciiScan.HAS_CR;
        if (s instanceof String && n >= 16) {
            byte[] b = latin1Bytes((String) s);
            lf = AsciiScan.lineFeeds(b, 0, b.length);
        }
        if ((lf & AsciiScan.HAS_CR) == 0) {
            breaks = lf & (AsciiScan.HAS_CR - 1);
            crs = 0;
        } else {
            breaks = countBreaks(s);
            crs = countCrs(s);
        }
        long cps = n;
        if (!knownNoPairs) {
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
                    cps--;
                }
            }
        }
        char first = s.charAt(0);
        char last = s.charAt(n - 1);
        int flags = (first == '\n' ? STARTS_LF : 0) | (last == '\r' ? ENDS_CR : 0)
                | (Character.isLowSurrogate(first) ? STARTS_LOW_SURROGATE : 0)
                | (Character.isHighSurrogate(last) ? ENDS_HIGH_SURROGATE : 0);
        return new TextSummary(n, cps, breaks, crs, flags);
    }

    /**
     * The string as ISO-8859-1 bytes: a plain copy for the usual compact string, and LF and CR keep
     * their count in any string (other characters become '?', a surrogate pair one '?'), which is all
     * the scan needs.
     * Under C1 this copy plus {@link AsciiScan} beats the scalar {@code indexOf} loops.
     */
    private static byte[] latin1Bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static long countCrs(CharSequence s) {
        long n = 0;
        if (s instanceof String) {
            String str = (String) s;
            for (int i = str.indexOf('\r'); i >= 0; i = str.indexOf('\r', i + 1)) {
                n++;
            }
            return n;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\r') {
                n++;
            }
        }
        return n;
    }

    /** LF, CR and CRLF each count one; uses the vectorised {@code String.indexOf} when possible. */
    static long countBreaks(CharSequence s) {
        if (s instanceof String) {
            String str = (String) s;
            long lf = 0;
            for (int i = str.indexOf('\n'); i >= 0; i = str.indexOf('\n', i + 1)) {
                lf++;
            }
            int cr = str.indexOf('\r');
            if (cr < 0) {
                return lf;
            }
            long extra = 0;
            for (; cr >= 0; cr = str.indexOf('\r', cr + 1)) {
                if (cr + 1 >= str.length() || str.charAt(cr + 1) != '\n') {
                    extra++;
                }
            }
            return lf + extra;
        }
        long breaks = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= n || s.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
    }

    public TextSummary plus(TextSummary b) {
        if (chars == 0) {
            return b;
        }
        if (b.chars == 0) {
            return this;
        }
        long breaks = lineBreaks + b.lineBreaks - ((flags & ENDS_CR) != 0 && (b.flags & STARTS_LF) != 0 ? 1 : 0);
        long cps = codePoints + b.codePoints
                - ((flags & ENDS_HIGH_SURROGATE) != 0 && (b.flags & STARTS_LOW_SURROGATE) != 0 ? 1 : 0);
        int f = (flags & (STARTS_LF | STARTS_LOW_SURROGATE)) | (b.flags & (ENDS_CR | ENDS_HIGH_SURROGATE));
        return new TextSummary(chars + b.chars, cps, breaks, crs + b.crs, f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextSummary && ((TextSummary) o).chars == chars && ((TextSummary) o).codePoints == codePoints
                && ((TextSummary) o).lineBreaks == lineBreaks && ((TextSummary) o).flags == flags
                && ((TextSummary) o).crs == crs;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(chars * 31 + lineBreaks) ^ Long.hashCode(codePoints) ^ flags;
    }

    @Override
    public String toString() {
        return "TextSummary[chars=" + chars + ", codePoints=" + codePoints + ", lineBreaks=" + lineBreaks + "]";
    }
}
