package dev.symphony.editor.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.text.Rope;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The two-thread replace-all (halves cut after an LF) against the one-thread one on random texts. */
class LineReplacerHalvesTest {

    private static final String[][] CASES = {
        {"(\\w+)\\.size\\(\\)", "$1.length()"}, {"a*", "x"}, {"^", "> "}, {"$", ";"}, {"b$", "B"}, {"\\n(a)", "|$1"},
        {"ab|ba", "<$0>"},
    };

    @Test
    void halvesMatchOneThread() {
        Seeds.run("LineReplacer halves", r -> {
            for (int round = 0; round < 60; round++) {
                StringBuilder sb = new StringBuilder();
                int lines = r.nextInt(40);
                for (int i = 0; i < lines; i++) {
                    int n = r.nextInt(12);
                    for (int j = 0; j < n; j++) {
                        sb.append(r.nextInt(4) == 0 ? "x.size()" : String.valueOf("ab c".charAt(r.nextInt(4))));
                    }
                    sb.append(new String[] {"\n", "\r\n", "\r", "\n"}[r.nextInt(4)]);
                }
                if (r.nextBoolean()) {
                    sb.append("tail b");
                }
                Rope rope = Rope.of(sb, 2 + r.nextInt(30), 4 + r.nextInt(4));
                String[] c = CASES[r.nextInt(CASES.length)];
                LineReplacer.Result one = new LineReplacer(Pattern.compile(c[0]), c[1], Integer.MAX_VALUE).replaceAll(rope);
                LineReplacer.Result two = new LineReplacer(Pattern.compile(c[0]), c[1], 1).replaceAll(rope);
                assertEquals(one.text().toString(), two.text().toString(), "pattern " + c[0] + " on " + sb);
                assertEquals(one.matches(), two.matches(), "pattern " + c[0]);
                two.text().checkInvariants();
            }
        });
    }
}
