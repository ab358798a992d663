package dev.symphony.editor.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.text.Rope;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The byte-level replace against {@link LineReplacer} on the decoded text, on seeded UTF-8 inputs. */
class Utf8LineReplaceTest {

    private static final String[][] CASES = {
        {"(\\w+)\\.size\\(\\)", "$1.length()"}, {"size", "\u00e9\u00e9"}, {"^x\\.", "> "}, {"b$", "B"}, {"\u00e9+b", "<$0>"},
        {"(?<w>\\w*)\\.size", "${w}!"}, {"\ud83d\ude00 ?a", "[$0]"}, {"a|size", "_"},
    };

    @Test
    void sameBytesAsTheRopePath() {
        Seeds.run("Utf8LineReplace vs LineReplacer", r -> {
            String[] atoms = {"x.size()", "a", "b", " ", "\u00e9", "\ud83d\ude00", "size", "\u4e2d", "z", ".siz", "e(", "\u00e9\u00e9b"};
            for (int round = 0; round < 300; round++) {
                StringBuilder sb = new StringBuilder();
                int lines = r.nextInt(30);
                for (int i = 0; i < lines; i++) {
                    int n = r.nextInt(10);
                    for (int j = 0; j < n; j++) {
                        sb.append(atoms[r.nextInt(atoms.length)]);
                    }
                    sb.append('\n');
                }
                if (r.nextBoolean()) {
                    sb.append("tail b");
                }
                String[] c = CASES[r.nextInt(CASES.length)];
                LineReplacer replacer = new LineReplacer(Pattern.compile(c[0]), c[1]);
                byte[] in = sb.toString().getBytes(StandardCharsets.UTF_8);
                Utf8LineReplace.Result fast = new Utf8LineReplace(replacer).replace(in, in.length);
                if (in.length == 0) {
                    assertNull(fast);
                    continue;
                }
                if (replacer.prefilterLiteral().isEmpty()) {
                    assertNull(fast, "pattern " + c[0] + " has no required literal");
                    continue;
                }
                assertNotNull(fast, "pattern " + c[0] + " has a literal and the input is plain UTF-8");
                LineReplacer.Result slow = replacer.replaceAll(Rope.of(sb, 16, 4));
                assertEquals(slow.text().toString(), new String(fast.toBytes(), StandardCharsets.UTF_8),
                        "pattern " + c[0] + " on " + sb);
                assertEquals(slow.matches(), fast.matches(), "pattern " + c[0]);
                // one CR or one invalid byte anywhere, even after the last match, sends the file to the rope path
                byte[] spoilt = Arrays.copyOf(in, in.length + 1);
                int at = r.nextInt(spoilt.length);
                System.arraycopy(in, at, spoilt, at + 1, in.length - at);
                spoilt[at] = r.nextBoolean() ? (byte) '\r' : (byte) 0xFF;
                assertNull(new Utf8LineReplace(replacer).replace(spoilt, spoilt.length), "byte " + spoilt[at] + " at " + at + " of " + sb);
            }
        });
    }

    @Test
    void noMatchGivesTheInputBack() {
        byte[] in = "nothing here\n".getBytes(StandardCharsets.UTF_8);
        Utf8LineReplace.Result r = new Utf8LineReplace(new LineReplacer(Pattern.compile("size"), "x")).replace(in, in.length);
        assertEquals(0, r.matches());
        assertArrayEquals(in, r.toBytes());
    }

    @Test
    void leavesEverythingElseToTheRopePath() {
        LineReplacer sized = new LineReplacer(Pattern.compile("size"), "x");
        for (String s : new String[] {"a.size\r\n", "\ufeffa.size\n", "a.size\u0000\n"}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertNull(new Utf8LineReplace(sized).replace(b, b.length), s);
        }
        byte[] latin1 = "caf\u00e9 size\n".getBytes(StandardCharsets.ISO_8859_1);
        assertNull(new Utf8LineReplace(sized).replace(latin1, latin1.length), "invalid UTF-8 takes the fallback decoder");
        byte[] utf16 = "size\n".getBytes(StandardCharsets.UTF_16);
        assertNull(new Utf8LineReplace(sized).replace(utf16, utf16.length));
        byte[] ok = "size\n".getBytes(StandardCharsets.UTF_8);
        assertNull(new Utf8LineReplace(new LineReplacer(Pattern.compile("a\\nb"), "x")).replace(ok, ok.length), "spans lines");
        assertNull(new Utf8LineReplace(new LineReplacer(Pattern.compile("\\w+"), "x")).replace(ok, ok.length), "no literal");
    }

    @Test
    void strictUtf8() {
        assertTrue(Utf8LineReplace.validUtf8("a\u00e9\u4e2d\ud83d\ude00".getBytes(StandardCharsets.UTF_8), 10));
        for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xC3}}) {
            assertFalse(Utf8LineReplace.validUtf8(bad, bad.length), Arrays.toString(bad));
        }
    }
}
