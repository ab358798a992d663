package dev.symphony.editor.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.text.Rope;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LineDiff#of} skips the lines inside the texts' common first and last characters without making them strings;
 * over seeded random texts (repeated lines, LF, CR and CRLF breaks, edits that split or join a CRLF, texts longer than
 * one compared block) it gives exactly the hunks of the plain algorithm over every line.
 */
class LineDiffPropertyTest {
    private static final String[] LINES = {"alpha", "beta", "", "gamma", "alpha"};
    private static final String[] BREAKS = {"\n", "\r", "\r\n"};

    @Test
    void skippingTheCommonCharactersChangesNoHunk() {
        Seeds.run("LineDiffPropertyTest", random -> {
            for (int round = 0; round < 600; round++) {
                String a = round % 7 == 0 ? Seeds.text(random, 60) : text(random, round % 10 == 0 ? 3000 : 40);
                String b = edit(random, a);
                Rope ra = round % 2 == 0 ? Rope.of(a) : Rope.of(a, 8, 4);
                Rope rb = round % 3 == 0 ? Rope.of(b) : Rope.of(b, 16, 4);
                assertEquals(LineDiff.ofAllLines(ra, rb), LineDiff.of(ra, rb), "round " + round + ": " + show(a) + " -> " + show(b));
            }
        });
    }

    private static String text(Random random, int maxLines) {
        StringBuilder out = new StringBuilder();
        int lines = random.nextInt(maxLines + 1);
        for (int i = 0; i < lines; i++) {
            out.append(LINES[random.nextInt(LINES.length)]).append(BREAKS[random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(2)]);
        }
        if (random.nextBoolean()) {
            out.append(LINES[random.nextInt(LINES.length)]); // no break at the end
        }
        return out.toString();
    }

    private static String edit(Random random, String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(out.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> out.insert(at, "x");
                case 1 -> out.insert(at, BREAKS[random.nextInt(BREAKS.length)]);
                case 2 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(3)));
                default -> out.insert(at, LINES[random.nextInt(LINES.length)] + "\n");
            }
        }
        return out.toString();
    }

    private static String show(String s) {
        String shown = s.length() > 200 ? s.substring(0, 100) + "…" + s.substring(s.length() - 100) : s;
        return "\"" + shown.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
