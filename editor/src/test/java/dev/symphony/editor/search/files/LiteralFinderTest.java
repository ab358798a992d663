package dev.symphony.editor.search.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.Seeds;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The SWAR finder against a plain byte-by-byte search, on seeded inputs with and without NUL bytes. */
class LiteralFinderTest {

    @Test
    void findsWhatAPlainSearchFindsAndStopsAtNul() {
        Seeds.run("LiteralFinder vs naive", r -> {
            byte[] alphabet = "abzyq \n\u00e9".getBytes(StandardCharsets.UTF_8);
            for (int round = 0; round < 5_000; round++) {
                byte[] needle = new byte[1 + r.nextInt(6)];
                for (int i = 0; i < needle.length; i++) {
                    needle[i] = alphabet[r.nextInt(alphabet.length)];
                }
                byte[] hay = new byte[r.nextInt(70)];
                for (int i = 0; i < hay.length; i++) {
                    hay[i] = r.nextInt(60) == 0 ? 0 : alphabet[r.nextInt(alphabet.length)];
                }
                if (hay.length > needle.length && r.nextBoolean()) {
                    System.arraycopy(needle, 0, hay, r.nextInt(hay.length - needle.length + 1), needle.length);
                }
                int from = hay.length == 0 ? 0 : r.nextInt(hay.length + 1);
                int to = from + r.nextInt(hay.length - from + 1);
                int got = new LiteralFinder(needle).find(hay, from, to);
                int want = naive(hay, needle, from, to);
                int nul = firstNul(hay, from, to);
                String where = "needle " + new String(needle, StandardCharsets.ISO_8859_1) + " in "
                        + new String(hay, StandardCharsets.ISO_8859_1) + " [" + from + ", " + to + ")";
                if (nul < 0) {
                    assertEquals(want, got, where);
                } else if (want >= 0 && want < nul) {
                    assertTrue(got == want || got == LiteralFinder.NUL, where + ": got " + got); // NUL after the match may be seen
                } else {
                    assertEquals(LiteralFinder.NUL, got, where);
                }
            }
        });
    }

    @Test
    void anEmptyNeedleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LiteralFinder(new byte[0]));
    }

    private static int naive(byte[] hay, byte[] needle, int from, int to) {
        outer:
        for (int i = from; i + needle.length <= to; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int firstNul(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
