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
