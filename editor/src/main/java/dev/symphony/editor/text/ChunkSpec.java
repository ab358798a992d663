package dev.symphony.editor.text;

import dev.symphony.editor.tree.SummarySpec;

/** The rope's monoid: chunks are Strings (compact Latin-1 storage when possible), summaries {@link TextSummary}. */
final class ChunkSpec implements SummarySpec<String, TextSummary> {

    static final ChunkSpec INSTANCE = new ChunkSpec();

    @Override
    public TextSummary summarize(String chunk) {
        return TextSummary.of(chunk, false);
    }

    @Override
    public TextSummary identity() {
        return TextSummary.EMPTY;
    }

    @Override
    public TextSummary combine(TextSummary left, TextSummary right) {
        return left.plus(right);
    }

    /**
     * O(1) update after one kid changed: subtract the old kid, add the new, and redo the CRLF and
     * surrogate-pair corrections with its two neighbours. Empty summaries (never in a rope) fall back.
     */
    @Override
    public TextSummary replaceKid(TextSummary total, Object[] sums, int i, TextSummary oldKid) {
        TextSummary now = (TextSummary) sums[i];
        if (total.chars == 0 || oldKid.chars == 0 || now.chars == 0) {
            return null;
        }
        if (now.flags == oldKid.flags) {
            // Same edge characters: the joins with the neighbours are unchanged, so they need not be read
            // (each would be a cache miss in a large tree).
            return new TextSummary(total.chars - oldKid.chars + now.chars, total.codePoints - oldKid.codePoints + now.codePoints,
                    total.lineBreaks - oldKid.lineBreaks + now.lineBreaks, total.crs - oldKid.crs + now.crs, total.flags);
        }
        TextSummary prev = i > 0 ? (TextSummary) sums[i - 1] : null;
        TextSummary next = i + 1 < sums.length ? (TextSummary) sums[i + 1] : null;
        if ((prev != null && prev.chars == 0) || (next != null && next.chars == 0)) {
            return null;
        }
        long breaks = total.lineBreaks - oldKid.lineBreaks + now.lineBreaks
                + crlf(prev, oldKid) + crlf(oldKid, next) - crlf(prev, now) - crlf(now, next);
        long cps = total.codePoints - oldKid.codePoints + now.codePoints
                + pair(prev, oldKid) + pair(oldKid, next) - pair(prev, now) - pair(now, next);
        int starts = TextSummary.STARTS_LF | TextSummary.STARTS_LOW_SURROGATE;
        int ends = TextSummary.ENDS_CR | TextSummary.ENDS_HIGH_SURROGATE;
        int flags = ((prev == null ? now.flags : total.flags) & starts) | ((next == null ? now.flags : total.flags) & ends);
        return new TextSummary(total.chars - oldKid.chars + now.chars, cps, breaks, total.crs - oldKid.crs + now.crs, flags);
    }

    private static int crlf(TextSummary a, TextSummary b) {
        return a != null && b != null && (a.flags & TextSummary.ENDS_CR) != 0 && (b.flags & TextSummary.STARTS_LF) != 0 ? 1 : 0;
    }

    private static int pair(TextSummary a, TextSummary b) {
        return a != null && b != null && (a.flags & TextSummary.ENDS_HIGH_SURROGATE) != 0
                && (b.flags & TextSummary.STARTS_LOW_SURROGATE) != 0 ? 1 : 0;
    }

    /** {@code [chars, lineBreaks, flags]} per kid, what {@link Rope.Prefix} seeks by, in one array. */
    @Override
    public Object pack(Object[] sums) {
        int[] p = new int[3 * sums.length];
        for (int i = 0; i < sums.length; i++) {
            put(p, i, (TextSummary) sums[i]);
        }
        return p;
    }

    private static void put(int[] p, int i, TextSummary s) {
        p[3 * i] = (int) s.chars;
        p[3 * i + 1] = (int) s.lineBreaks;
        p[3 * i + 2] = s.flags;
    }

    /** One allocation per node instead of one per kid: this runs on every path copy. */
    @Override
    public TextSummary combineAll(Object[] sums, int from, int to) {
        long chars = 0;
        long cps = 0;
        long breaks = 0;
        long crs = 0;
        int first = -1;
        int lastFlags = 0;
        for (int i = from; i < to; i++) {
            TextSummary s = (TextSummary) sums[i];
            if (s.chars == 0) {
                continue;
            }
            if (first < 0) {
                first = s.flags;
            } else {
                if ((lastFlags & TextSummary.ENDS_CR) != 0 && (s.flags & TextSummary.STARTS_LF) != 0) {
                    breaks--;
                }
                if ((lastFlags & TextSummary.ENDS_HIGH_SURROGATE) != 0 && (s.flags & TextSummary.STARTS_LOW_SURROGATE) != 0) {
                    cps--;
                }
            }
            chars += s.chars;
            cps += s.codePoints;
            breaks += s.lineBreaks;
            crs += s.crs;
            lastFlags = s.flags;
        }
        if (first < 0) {
            return TextSummary.EMPTY;
        }
        int flags = (first & (TextSummary.STARTS_LF | TextSummary.STARTS_LOW_SURROGATE))
                | (lastFlags & (TextSummary.ENDS_CR | TextSummary.ENDS_HIGH_SURROGATE));
        return new TextSummary(chars, cps, breaks, crs, flags);
    }
}
