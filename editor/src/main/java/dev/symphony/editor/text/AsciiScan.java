package dev.symphony.editor.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One pass over a slice of bytes that answers "pure ASCII, and how many LF / any CR?", eight bytes
 * at a time (SWAR). The {@code edit} command runs with C1 only, which does not vectorise
 * {@code String.indexOf} or the ASCII check of {@code new String(.., UTF_8)}: on a 100 MB file
 * this one scan replaces three scalar ones. Used by the decoder and by chunk summaries.
 */
public final class AsciiScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LF = ONES * '\n';
    private static final long CR = ONES * '\r';
    /** Set in a {@link #scan} result when the slice holds a CR. */
    public static final long HAS_CR = 1L << 40;
    /** Set in a {@link #lineFeeds} result when the slice holds a byte above 0x7F. */
    public static final long NON_ASCII = 1L << 41;
    /** Set in a {@link #lineFeedsOrNul} result when the slice holds a NUL byte. */
    public static final long HAS_NUL = 1L << 42;
    /** Words summed per byte lane before the lanes are added up: 31 × 8 lanes ≤ 255 fits the top byte. */
    private static final int FOLD_WORDS = 31;

    private AsciiScan() {
    }

    /**
     * -1 if {@code b[from, to)} holds a byte above 0x7F; otherwise the number of LF bytes, plus
     * {@link #HAS_CR} if there is a CR.
     */
    public static long scan(byte[] b, int from, int to) {
        long r = lineFeeds(b, from, to);
        return (r & NON_ASCII) != 0 ? -1 : r;
    }

    /**
     * The number of LF bytes in {@code b[from, to)} (the low 40 bits), plus {@link #HAS_CR} and
     * {@link #NON_ASCII} flags.
     */
    public static long lineFeeds(byte[] b, int from, int to) {
        long lf = 0;
        long cr = 0;
        long any = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(b, i);
            any |= w;
            lf += Long.bitCount(zeroBytes(w ^ LF));
            cr |= zeroBytes(w ^ CR);
        }
        for (; i < to; i++) {
            byte c = b[i];
            any |= c;
            if (c == '\n') {
                lf++;
            } else if (c == '\r') {
                cr = 1;
            }
        }
        return lf | (cr != 0 ? HAS_CR : 0) | ((any & HIGHS) != 0 ? NON_ASCII : 0);
    }

    /**
     * As {@link #lineFeeds} without the CR flag and with {@link #HAS_NUL}: the search across files
     * learns "binary?" and the line count from one pass instead of two. LFs are summed per byte lane
     * and the lanes added by one multiplication every {@value #FOLD_WORDS} words, not by
     * {@link Long#bitCount} per word, which C1 (the {@code search} command's compiler while it
     * warms up) runs as a dozen instructions.
     */
    public static long lineFeedsOrNul(byte[] b, int from, int to) {
        long lf = 0;
        long any = 0;
        long nul = 0;
        int i = from;
        while (i + 8 <= to) {
            long lanes = 0;
            int stop = Math.min(to - 7, i + 8 * FOLD_WORDS);
            for (; i < stop; i += 8) {
                long w = (long) LONGS.get(b, i);
                any |= w;
                nul |= zeroBytes(w);
                lanes += zeroBytes(w ^ LF) >>> 7;
            }
            lf += (lanes * ONES) >>> 56;
        }
        for (; i < to; i++) {
            byte c = b[i];
            any |= c;
            if (c == '\n') {
                lf++;
            } else if (c == 0) {
                nul = 1;
            }
        }
        return lf | (nul != 0 ? HAS_NUL : 0) | ((any & HIGHS) != 0 ? NON_ASCII : 0);
    }

    /** The index of the first byte above 0x7F in {@code b[from, to)}, or {@code to}: eight bytes at a time. */
    public static int firstNonAscii(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (((long) LONGS.get(b, i) & HIGHS) != 0) {
                break;
            }
        }
        for (; i < to; i++) {
            if (b[i] < 0) {
                return i;
            }
        }
        return to;
    }

    /** The high bit of every zero byte of {@code x}, exactly (no false positives after a zero). */
    private static long zeroBytes(long x) {
        long y = (x & LOW7) + LOW7;
        return ~(y | x | LOW7);
    }
}
