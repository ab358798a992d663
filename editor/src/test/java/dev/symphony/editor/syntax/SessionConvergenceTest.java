package dev.symphony.editor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondsun.tm4e.core.grammar.StackElement;
import dev.symphony.editor.Seeds;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The incremental session converges to exactly what a fresh tokenize gives, on a file larger than the
 * exact pass's reach ({@link SessionState#AHEAD}): random edits anywhere (opening and closing comments and
 * strings), the viewport jumping anywhere (also far below the edit and the frontier, where a 190-line
 * Javadoc comment starts above the viewport), and after each settling every visible line's styles and every
 * known end state are compared with a from-scratch tokenize of the same text. The worker is a queue run on
 * this thread, so "settled" is exact and the test does not depend on timing.
 */
class SessionConvergenceTest {

    private static final String[] SNIPPETS = {"/*", "*/", "/**", "\"", "\"\"\"", "\n", "// c\n", "}\n", "{\n",
        "int a = 2;\n", " ", "\"s\"", " * doc line\n", "String s = \"a\\\"b\";\n", "\"\"\"\n  text\n\"\"\";\n"};

    private final Language java = LanguageRegistry.builtIn().byId("java").orElseThrow();
    private final Theme theme = Themes.defaultDark();

    @Test
    void randomEditsAndJumpsInALargeFileConvergeToAFreshTokenize() {
        Seeds.run("session convergence", r -> {
            Rope text = Rope.of(generated(r, 45_000));
            ArrayDeque<Runnable> queue = new ArrayDeque<>();
            try (SyntaxSession s = SyntaxSession.open(java, theme, text, queue::add, (a, b) -> { })) {
                settle(queue);
                for (int step = 0; step < 12; step++) {
                    int edits = 1 + r.nextInt(3);
                    int near = r.nextInt(text.lineCount());
                    for (int e = 0; e < edits; e++) {
                        int line = Math.min(text.lineCount() - 1, Math.max(0, near + r.nextInt(200) - 100));
                        int at = text.lineStart(line) + r.nextInt(text.lineEnd(line) - text.lineStart(line) + 1);
                        ChangeSet change = randomChange(r, text, at);
                        Rope before = text;
                        text = change.apply(text);
                        s.update(before, text, r.nextInt(4) == 0 ? null : change);
                        if (r.nextBoolean()) {
                            s.setViewport(line, line + 40); // typing where the caret is
                        }
                        if (r.nextInt(3) == 0) {
                            settle(queue);
                        }
                    }
                    // jump: sometimes a little below the edit (a Javadoc comment 2,000 lines down), sometimes anywhere
                    int jump = r.nextBoolean() ? Math.min(text.lineCount() - 1, near + 1_500 + r.nextInt(1_000))
                            : r.nextInt(text.lineCount());
                    s.setViewport(jump, jump + 50);
                    settle(queue);
                    LineTokenizer.Result[] fresh = freshTokenize(text);
                    assertViewportExact(s, text, fresh, jump, Math.min(text.lineCount() - 1, jump + 50));
                    assertKnownEndStatesExact(s, fresh);
                }
                // every line: sweep the viewport through the whole file
                LineTokenizer.Result[] fresh = freshTokenize(text);
                for (int first = 0; first < text.lineCount(); first += 400) {
                    int last = Math.min(text.lineCount() - 1, first + 399);
                    s.setViewport(first, last);
                    settle(queue);
                    assertViewportExact(s, text, fresh, first, last);
                }
                assertTrue(s.fullyTokenized(), "the sweep reached the end");
                assertKnownEndStatesExact(s, fresh);
            }
        });
    }

    /** A Java file of about {@code lines} lines: classes, long Javadoc and block comments, strings, text blocks. */
    static String generated(Random r, int lines) {
        StringBuilder sb = new StringBuilder("package gen;\n\n");
        int n = 2;
        int cls = 0;
        while (n < lines) {
            sb.append("/**\n");
            int doc = r.nextInt(8) == 0 ? 190 : 3 + r.nextInt(12);
            for (int i = 0; i < doc; i++) {
                sb.append(" * Line ").append(i).append(" of the doc: int x = \"not code\"; class Not {}\n");
            }
            sb.append(" */\npublic class C").append(cls++).append(" {\n");
            n += doc + 3;
            int methods = 3 + r.nextInt(10);
            for (int m = 0; m < methods; m++) {
                switch (r.nextInt(4)) {
                    case 0 -> {
                        sb.append("    /* block\n       comment ").append(m).append(" int y = 2;\n    */\n");
                        n += 3;
                    }
                    case 1 -> {
                        sb.append("    String t").append(m).append(" = \"\"\"\n        text block { } /* not a comment\n        \"\"\";\n");
                        n += 3;
                    }
                    default -> { }
                }
                sb.append("    int m").append(m).append("(int a) {\n        String s = \"str \\\" ").append(m)
                        .append("\"; // trailing\n        return a + ").append(m).append(";\n    }\n");
                n += 4;
            }
            sb.append("}\n\n");
            n += 2;
        }
        return sb.toString();
    }

    private static ChangeSet randomChange(Random r, Rope text, int at) {
        int to = Math.min(text.length(), at + (r.nextInt(4) == 0 ? r.nextInt(30) : 0));
        String ins = r.nextInt(5) == 0 ? "" : SNIPPETS[r.nextInt(SNIPPETS.length)];
        if (at == to && ins.isEmpty()) {
            ins = "x";
        }
        return ChangeSet.of(new TextEdit(at, to, ins));
    }

    /** Runs the worker's queue until the session has nothing left to do for this viewport. */
    private static void settle(ArrayDeque<Runnable> queue) {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    private LineTokenizer.Result[] freshTokenize(Rope text) {
        LineTokenizer tk = new LineTokenizer(java, theme);
        LineTokenizer.Result[] out = new LineTokenizer.Result[text.lineCount()];
        StackElement state = null;
        for (int i = 0; i < out.length; i++) {
            out[i] = tk.tokenize(text.substring(text.lineStart(i), text.lineEnd(i)), state);
            state = out[i].endState();
        }
        return out;
    }

    private static void assertViewportExact(SyntaxSession s, Rope text, LineTokenizer.Result[] fresh, int first, int last) {
        for (int i = first; i <= last; i++) {
            LineStyles got = s.styles(i);
            assertNotNull(got, "line " + i + " is styled once the session settled");
            assertEquals(fresh[i].styles(), got, "line " + i + " of " + text.lineCount() + " ("
                    + text.substring(text.lineStart(i), text.lineEnd(i)) + ") differs from a fresh tokenize");
        }
    }

    private static void assertKnownEndStatesExact(SyntaxSession s, LineTokenizer.Result[] fresh) {
        int upTo = s.exactUpTo();
        for (int i = 0; i < upTo; i++) {
            assertTrue(States.equal(fresh[i].endState(), s.exactEndState(i)),
                    "the end state of line " + i + " (exact up to " + upTo + ") differs from a fresh tokenize");
        }
    }
}
