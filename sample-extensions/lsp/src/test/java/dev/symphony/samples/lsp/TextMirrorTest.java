package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The mirror applies LSP ranges as a server would: seeded random edits against a reference, and LSP's edge rules. */
class TextMirrorTest {
    @Test
    void positionsFollowLspRules() {
        TextMirror m = new TextMirror("ab\r\ncd\ne", 1);
        assertEquals(4, m.offset(1, 0), "\\r\\n is one line break");
        assertEquals(6, m.offset(1, 99), "past a line's end is its end");
        assertEquals(8, m.offset(9, 0), "past the last line is the text's end");
        m.replace(0, 1, 1, 1, "X");
        assertEquals("aXd\ne", m.text());
        assertThrows(IllegalArgumentException.class, () -> m.replace(1, 0, 0, 0, ""));
    }

    @Test
    void randomEditsMatchAStringReference() {
        long seed = Long.getLong("symphony.test.seed", System.nanoTime());
        System.out.println("TextMirrorTest seed " + seed + " (-Dsymphony.test.seed=" + seed + ")");
        Random random = new Random(seed);
        StringBuilder reference = new StringBuilder("first line\nsecond\n\nfourth line here\n");
        TextMirror mirror = new TextMirror(reference.toString(), 1);
        String alphabet = "abc \n\t\u00e9";
        for (int i = 0; i < 2_000; i++) {
            int from = random.nextInt(reference.length() + 1);
            int to = from + random.nextInt(Math.min(8, reference.length() - from) + 1);
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(4); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int[] a = position(reference, from);
            int[] b = position(reference, to);
            mirror.replace(a[0], a[1], b[0], b[1], text.toString());
            reference.replace(from, to, text.toString());
            assertEquals(reference.toString(), mirror.text(), "after edit " + i + " (seed " + seed + ")");
        }
    }

    private static int[] position(CharSequence s, int offset) {
        int line = 0;
        int start = 0;
        for (int i = 0; i < offset; i++) {
            if (s.charAt(i) == '\n') {
                line++;
                start = i + 1;
            }
        }
        return new int[] {line, offset - start};
    }
}
