package dev.symphony.editor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.Seeds;
import org.junit.jupiter.api.Test;

/** The eight-bytes-at-a-time scan against a byte-by-byte reference, on bytes near LF, CR and 0x80. */
class AsciiScanTest {

    private static final byte[] ALPHABET = {'\n', '\r', 'a', 0, 0x0B, 0x09, 0x0C, 0x0E, 0x7F, (byte) 0x80, (byte) 0x8A,
        (byte) 0x8D, (byte) 0xFF, 0x1A, 0x2D};

    @Test
    void matchesByteByByteReference() {
        Seeds.run("AsciiScan", r -> {
            for (int round = 0; round < 2000; round++) {
                byte[] b = randomBytes(r, 80);
                int from = b.length == 0 ? 0 : r.nextInt(b.length);
                int to = from + r.nextInt(b.length - from + 1);
                assertEquals(reference(b, from, to), AsciiScan.scan(b, from, to), "slice [" + from + ", " + to + ")");
            }
        });
    }

    /** Lengths past several folds of the per-lane sums (248 bytes each), and runs of nothing but LF that would overflow a lane. */
    @Test
    void lineFeedsOrNulMatchesByteByByteReference() {
        Seeds.run("AsciiScan.lineFeedsOrNul", r -> {
            for (int round = 0; round < 1000; round++) {
                byte[] b = randomBytes(r, 1200);
                if (r.nextInt(5) == 0) {
                    java.util.Arrays.fill(b, (byte) '\n');
                    if (b.length > 0 && r.nextBoolean()) {
                        b[r.nextInt(b.length)] = 0;
                    }
                }
                int from = b.length == 0 ? 0 : r.nextInt(b.length);
                int to = from + r.nextInt(b.length - from + 1);
                long lf = 0;
                boolean nul = false;
                boolean high = false;
                for (int i = from; i < to; i++) {
                    lf += b[i] == '\n' ? 1 : 0;
                    nul |= b[i] == 0;
                    high |= b[i] < 0;
                }
                long expected = lf | (nul ? AsciiScan.HAS_NUL : 0) | (high ? AsciiScan.NON_ASCII : 0);
                assertEquals(expected, AsciiScan.lineFeedsOrNul(b, from, to), "slice [" + from + ", " + to + ") of " + b.length);
            }
        });
    }

    /** Letters, with one in three bytes from a random prefix of {@link #ALPHABET}. */
    private static byte[] randomBytes(java.util.Random r, int maxLength) {
        byte[] b = new byte[r.nextInt(maxLength)];
        int kinds = 1 + r.nextInt(ALPHABET.length);
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextInt(3) == 0 ? ALPHABET[r.nextInt(kinds)] : (byte) ('a' + r.nextInt(26));
        }
        return b;
    }

    private static long reference(byte[] b, int from, int to) {
        long lf = 0;
        boolean cr = false;
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return -1;
            }
            lf += b[i] == '\n' ? 1 : 0;
            cr |= b[i] == '\r';
        }
        return cr ? lf | AsciiScan.HAS_CR : lf;
    }
}
