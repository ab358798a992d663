package dev.symphony.editor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every rope operation against a StringBuilder, with tiny capacities so every split and merge runs. */
class RopeDifferentialTest {

    @Test
    void randomEditsMatchStringBuilder() {
        Seeds.run("Rope differential", r -> {
            for (int round = 0; round < 40; round++) {
                int maxChunk = 2 + r.nextInt(round < 20 ? 8 : 64);
                int maxChildren = 4 + r.nextInt(4);
                StringBuilder ref = new StringBuilder(Seeds.text(r, 200));
                Rope rope = Rope.of(ref, maxChunk, maxChildren);
                for (int step = 0; step < 200; step++) {
                    int from = r.nextInt(ref.length() + 1);
                    int to = from + r.nextInt(Math.min(ref.length() - from, r.nextBoolean() ? 3 : 80) + 1);
                    String text = r.nextInt(3) == 0 ? "" : Seeds.text(r, r.nextInt(5) == 0 ? 100 : 4);
                    ref.replace(from, to, text);
                    rope = rope.replace(from, to, text);
                    if (step % 10 == 0 || ref.length() < 50) {
                        rope.checkInvariants();
                        assertEquals(ref.toString(), rope.toString());
                    }
                    checkQueries(r, ref.toString(), rope);
                }
                rope.checkInvariants();
                assertEquals(ref.toString(), rope.toString());
            }
        });
    }

    private static void checkQueries(Random r, String s, Rope rope) {
        assertEquals(s.length(), rope.length());
        assertEquals(s.codePointCount(0, s.length()), rope.codePoints());
        List<Integer> starts = lineStarts(s);
        assertEquals(starts.size() - 1, rope.lineBreaks());
        int off = r.nextInt(s.length() + 1);
        assertEquals(lineOf(starts, s, off), rope.lineOf(off), "lineOf(" + off + ")");
        int line = r.nextInt(starts.size());
        assertEquals(starts.get(line), rope.lineStart(line), "lineStart(" + line + ")");
        if (s.length() > 0) {
            int i = r.nextInt(s.length());
            assertEquals(s.charAt(i), rope.charAt(i));
            int j = i + r.nextInt(s.length() - i + 1);
            Rope slice = rope.slice(i, j);
            slice.checkInvariants();
            assertEquals(s.substring(i, j), slice.toString());
            assertEquals(s.substring(i, j), rope.substring(i, j));
            String needle = s.substring(i, Math.min(s.length(), i + 1 + r.nextInt(6)));
            int from = r.nextInt(s.length());
            assertEquals(s.indexOf(needle, from), rope.indexOf(needle, from), "indexOf");
            CharSequence view = rope.asCharSequence();
            int k = r.nextInt(s.length());
            assertEquals(s.charAt(k), view.charAt(k));
            assertEquals(s.substring(i, j), view.subSequence(i, j).toString());
        }
    }

    /** Reference line starts: after every LF, CR not followed by LF, and CRLF. */
    static List<Integer> lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    private static int lineOf(List<Integer> starts, String s, int offset) {
        int line = 0;
        while (line + 1 < starts.size() && starts.get(line + 1) <= offset) {
            line++;
        }
        return line;
    }

    @Test
    void applyAllMatchesSequentialEdits() {
        Seeds.run("Rope applyAll", r -> {
            for (int round = 0; round < 60; round++) {
                String s = Seeds.text(r, 2000);
                Rope rope = Rope.of(s, 2 + r.nextInt(40), 4 + r.nextInt(4));
                List<TextEdit> edits = new ArrayList<>();
                int pos = 0;
                while (pos < s.length() && edits.size() < 300) {
                    int from = pos + r.nextInt(Math.min(30, s.length() - pos) + 1);
                    int to = Math.min(s.length(), from + r.nextInt(4));
                    edits.add(new TextEdit(from, to, Seeds.text(r, 3)));
                    pos = to;
                }
                StringBuilder ref = new StringBuilder(s);
                for (int i = edits.size() - 1; i >= 0; i--) {
                    TextEdit e = edits.get(i);
                    ref.replace(e.from(), e.to(), e.text());
                }
                Rope out = rope.applyAll(edits);
                out.checkInvariants();
                assertEquals(ref.toString(), out.toString());
            }
        });
    }

    @Test
    void crlfAcrossChunkBoundaryCountsOnce() {
        Rope rope = Rope.of("a\r", 2, 4).concat(Rope.of("\nb", 2, 4));
        assertEquals(1, rope.lineBreaks());
        assertEquals(3, rope.lineStart(1));
        assertEquals(0, rope.lineOf(2), "between CR and LF is still line 0");
        assertEquals(1, rope.lineOf(3));
        assertEquals(1, rope.lineEnd(0));
    }
}
