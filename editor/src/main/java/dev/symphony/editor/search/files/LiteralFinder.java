package dev.symphony.editor.search.files;

import dev.symphony.editor.search.ByteRarity;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds a byte string in a byte array eight bytes at a time (SWAR), and notices a NUL byte on the
 * way, in one pass. Built for the command-line search, which runs with C1 only: C1 does not
 * vectorise {@code String.indexOf}, and the chunk's copy into a Latin-1 string plus a separate NUL
 * pass cost more than the search itself. Like ripgrep's {@code memchr} prefilter, it looks for the
 * needle's rarest byte ({@link ByteRarity}), then compares the
 * whole needle at each candidate. Stateless apart from the needle; safe to share between threads.
 */
final class LiteralFinder {

    /** Returned by {@link #find} when a NUL byte lies between {@code from} and the match (or the end). */
    static final int NUL = -2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    private final byte[] needle;
    private final int rare;
    private final long rareWord;

    LiteralFinder(byte[] needle) {
        if (needle.length == 0) {
            throw new IllegalArgumentException("empty needle");
        }
        this.needle = needle.clone();
        this.rare = ByteRarity.rarestIndex(needle);
        this.rareWord = ONES * (needle[rare] & 0xFF);
    }

    int length() {
        return needle.length;
    }

    /**
     * The index of the first occurrence of the needle that starts at or after {@code from} and ends
     * at or before {@code to}; -1 if none; {@link #NUL} if a NUL byte was seen first. Every byte of
     * {@code [from, match start)} (of {@code [from, to)} when there is no match) is checked for NUL;
     * bytes after the match may or may not be.
     */
    int find(byte[] b, int from, int to) {
        int m = needle.length;
        int head = Math.min(from + rare, to);
        for (int k = from; k < head; k++) {
            if (b[k] == 0) {
                return NUL;
            }
        }
        int i = from + rare; // where the rare byte may first be: its index in a match is `rare`
        int last = to - (m - rare); // the last index the rare byte may have in a match
        for (; i + 8 <= last + 1; i += 8) {
            long w = (long) LONGS.get(b, i);
            long cand = zeroBytes(w ^ rareWord);
            if (zeroBytes(w) != 0) {
                return NUL;
            }
            while (cand != 0) {
                int start = i + (Long.numberOfTrailingZeros(cand) >>> 3) - rare;
                if (matchesAt(b, start)) {
                    return start;
                }
                cand &= cand - 1;
            }
        }
        for (; i <= last; i++) {
            if (b[i] == 0) {
                return NUL;
            }
            if (b[i] == needle[rare] && matchesAt(b, i - rare)) {
                return i - rare;
            }
        }
        for (int k = Math.max(i, head); k < to; k++) { // the last few bytes, which no match can reach
            if (b[k] == 0) {
                return NUL;
            }
        }
        return -1;
    }

    private boolean matchesAt(byte[] b, int at) {
        for (int k = 0; k < needle.length; k++) {
            if (b[at + k] != needle[k]) {
                return false;
            }
        }
        return true;
    }

    /** The high bit of every zero byte of {@code x}, exactly (no false positives after a zero). */
    private static long zeroBytes(long x) {
        long y = (x & LOW7) + LOW7;
        return ~(y | x | LOW7);
    }
}
