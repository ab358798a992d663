package dev.symphony.editor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.Seeds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cursor-local typing bursts, the pattern the pending-chunk fast path of {@link Rope#replace} serves:
 * long runs of edits with no read in between, CR/LF and surrogates typed at chunk edges, and every
 * intermediate rope kept as a snapshot that must still read back exactly at the end (persistence).
 */
class RopePendingChunkTest {

    @Test
    void typingBurstsMatchStringBuilderAndKeepSnapshots() {
        Seeds.run("Rope pending chunk", r -> {
            for (int round = 0; round < 30; round++) {
                int maxChunk = 2 + r.nextInt(round < 15 ? 10 : 100);
                StringBuilder ref = new StringBuilder(Seeds.text(r, 300));
                Rope rope = Rope.of(ref, maxChunk, 4 + r.nextInt(4));
                List<Rope> snapshots = new ArrayList<>();
                List<String> expected = new ArrayList<>();
                int cursor = r.nextInt(ref.length() + 1);
                for (int step = 0; step < 400; step++) {
                    if (r.nextInt(20) == 0) {
                        cursor = r.nextInt(ref.length() + 1); // jump elsewhere
                    }
                    cursor = Math.max(0, Math.min(ref.length(), cursor + r.nextInt(5) - 2));
                    int kind = r.nextInt(4);
                    if (kind == 0 && cursor > 0) {
                        int n = Math.min(cursor, 1 + r.nextInt(2)); // backspace
                        ref.delete(cursor - n, cursor);
                        rope = rope.delete(cursor - n, cursor);
                        cursor -= n;
                    } else if (kind == 1 && cursor < ref.length()) {
                        ref.deleteCharAt(cursor);
                        rope = rope.delete(cursor, cursor + 1);
                    } else {
                        String t = typed(r);
                        ref.insert(cursor, t);
                        rope = rope.insert(cursor, t);
                        cursor += t.length();
                    }
                    assertEquals(ref.length(), rope.length());
                    if (r.nextInt(7) == 0) {
                        snapshots.add(rope);
                        expected.add(ref.toString());
                    }
                    if (r.nextInt(50) == 0) {
                        assertEquals(ref.toString(), rope.toString());
                        rope.checkInvariants();
                    }
                    if (ref.length() > 0 && r.nextInt(5) == 0) {
                        int i = r.nextInt(ref.length());
                        assertEquals(ref.charAt(i), rope.charAt(i), "charAt(" + i + ")");
                    }
                }
                assertEquals(ref.codePointCount(0, ref.length()), rope.codePoints());
                assertEquals(RopeDifferentialTest.lineStarts(ref.toString()).size() - 1, rope.lineBreaks());
                for (int i = 0; i < snapshots.size(); i++) {
                    Rope s = snapshots.get(i);
                    s.checkInvariants();
                    assertEquals(expected.get(i), s.toString(), "snapshot " + i);
                    assertEquals(expected.get(i).codePointCount(0, expected.get(i).length()), s.codePoints(), "snapshot " + i);
                }
            }
        });
    }

    /** Mostly one ASCII character; sometimes a line break, a CR alone, half or all of a surrogate pair. */
    private static String typed(java.util.Random r) {
        switch (r.nextInt(12)) {
            case 0:
                return "\n";
            case 1:
                return "\r";
            case 2:
                return "\r\n";
            case 3:
                return "\ud83d";
            case 4:
                return "\ude00";
            case 5:
                return "\ud83d\ude00";
            case 6:
                return "ab";
            default:
                return String.valueOf((char) ('a' + r.nextInt(26)));
        }
    }
}
