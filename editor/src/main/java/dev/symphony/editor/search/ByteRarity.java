package dev.symphony.editor.search;

/**
 * Which byte of a needle to look for first: the one that occurs least often in source text, as
 * ripgrep's {@code memchr} prefilter does (a fixed table of rough byte frequencies). Shared by the
 * search across files ({@code search.files.LiteralFinder}) and {@code edit --replace}'s byte scan
 * ({@link Utf8LineReplace}), which test every candidate of that byte against the whole needle.
 */
public final class ByteRarity {

    /**
     * Printable ASCII from the most to the least common in source code and prose (a rough order:
     * only the choice of the rarest needle byte depends on it). Bytes not listed (controls, non-ASCII)
     * count as rarer than all of them.
     */
    private static final String COMMON = " etnsriaoldcu\n;.()pm\"fg=,hb_y{}vwkST*/ECAIRNLOP:<>x[]DMF-'B0#1UGHj2q+z|&!$@X%WKVYJ?Q^Z~`\\";

    private ByteRarity() {
    }

    /** The index in {@code needle} (not empty) of its rarest byte; the first of equally rare ones. */
    public static int rarestIndex(byte[] needle) {
        int best = 0;
        int bestRank = -1;
        for (int i = 0; i < needle.length; i++) {
            int c = needle[i] & 0xFF;
            int rank = c < 128 && COMMON.indexOf(c) >= 0 ? COMMON.indexOf(c) : COMMON.length();
            if (rank > bestRank) {
                bestRank = rank;
                best = i;
            }
        }
        return best;
    }
}
