package dev.symphony.editor.text;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MinimalEditTest {

    static String apply(String text, TextEdit e) {
        return text.substring(0, e.from()) + e.text() + text.substring(e.to());
    }

    @Test
    void equalTextsNeedNoEdit() {
        assertEquals(Optional.empty(), MinimalEdit.between(Rope.of("same\n"), Rope.of("same\n")));
    }

    @Test
    void aChangedLineInTheMiddleIsAllThatIsReplaced() {
        TextEdit e = MinimalEdit.between(Rope.of("a\nold\nz\n"), Rope.of("a\nnew!\nz\n")).orElseThrow();
        assertEquals(new TextEdit(2, 5, "new!"), e);
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String from = "x\uD83D\uDE00y";
        String to = "x\uD83D\uDE01y"; // same high surrogate, other low one
        TextEdit e = MinimalEdit.between(Rope.of(from), Rope.of(to)).orElseThrow();
        assertEquals(1, e.from());
        assertEquals(3, e.to());
        assertEquals(to, apply(from, e));
    }

    /** Seeded: random texts and random changes (across chunk borders too) always round-trip. */
    @Test
    void applyingTheEditAlwaysGivesTheNewText() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        for (int round = 0; round < 300; round++) {
            StringBuilder a = new StringBuilder();
            int len = r.nextInt(round % 10 == 0 ? 40_000 : 300);
            for (int i = 0; i < len; i++) {
                a.append("ab\n\uD83D\uDE00".charAt(r.nextInt(4)));
            }
            String from = a.toString();
            StringBuilder b = new StringBuilder(from);
            int edits = r.nextInt(3);
            for (int k = 0; k < edits; k++) {
                int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
                int to = Math.min(b.length(), at + r.nextInt(20));
                b.replace(at, to, "z".repeat(r.nextInt(5)));
            }
            String to = b.toString();
            Optional<TextEdit> e = MinimalEdit.between(Rope.of(from), Rope.of(to));
            assertEquals(to, e.map(x -> apply(from, x)).orElse(from), "seed " + seed + " round " + round);
            e.ifPresent(x -> assertTrue(x.from() <= x.to(), "seed " + seed));
        }
    }
}
