package dev.symphony.editor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.text.Rope;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static void assertReadsAsTheRope(Rope text, int first, int last, String context) {
        LineReader r = new LineReader(text, first, last);
        for (int line = first; line <= last; line++) {
            assertEquals(text.substring(text.lineStart(line), text.lineEnd(line)), r.next(), context + " line " + line);
        }
        assertFalse(r.hasNext(), context);
    }

    @Test
    void lfCrAndCrlfEndLinesAsTheRopeSays() {
        Rope text = Rope.of("a\nb\r\nc\rd\n\n\r\r\nlast");
        assertReadsAsTheRope(text, 0, text.lineCount() - 1, "mixed");
        assertEquals(List.of("a", "b", "c", "d", "", "", "", "last"), List.of(new LineReader(text, 0, 7).next(),
                new LineReader(text, 1, 7).next(), new LineReader(text, 2, 7).next(), new LineReader(text, 3, 7).next(),
                new LineReader(text, 4, 7).next(), new LineReader(text, 5, 7).next(), new LineReader(text, 6, 7).next(),
                new LineReader(text, 7, 7).next()));
    }

    @Test
    void anyRangeOfRandomTextAcrossBlocks() {
        Seeds.run("LineReaderTest.anyRangeOfRandomTextAcrossBlocks", (Random random) -> {
            for (int round = 0; round < 60; round++) {
                StringBuilder sb = new StringBuilder();
                int parts = 1 + random.nextInt(40);
                for (int i = 0; i < parts; i++) {
                    sb.append(Seeds.text(random, 200));
                    if (random.nextInt(4) == 0) {
                        sb.append("\n".repeat(random.nextInt(3 * LineReader.BLOCK))); // many short lines: block ends
                    }
                }
                Rope text = Rope.of(sb.toString(), 64, 4);
                int lines = text.lineCount();
                int first = random.nextInt(lines);
                int last = first + random.nextInt(lines - first);
                assertReadsAsTheRope(text, first, last, "round " + round + " lines " + first + ".." + last);
            }
        });
    }
}
