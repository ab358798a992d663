package dev.symphony.editor.indent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasteIndentTest {
    private static final IndentStyle FOUR = IndentStyle.DEFAULT;

    private static String paste(String marked, String pasted, IndentStyle style) {
        int at = marked.indexOf('|');
        Rope text = Rope.of(marked.replace("|", ""));
        String adjusted = PasteIndent.adjust(text, at, pasted, style);
        return text.substring(0, at) + adjusted + text.substring(at, text.length());
    }

    @Test
    void aBlockCopiedFromTheMiddleOfALineMovesToTheCaretLinesIndentation() {
        String block = "if (x) {\n            f();\n        }";
        assertEquals("    a = 1; if (x) {\n        f();\n    }\n", paste("    a = 1; |\n", block, FOUR));
    }

    @Test
    void wholeLinesPastedInTheIndentationLandAtThatIndentation() {
        String lines = "        g();\n            h();\n";
        assertEquals("{\n    g();\n        h();\n}", paste("{\n    |}", lines, FOUR).replace("    }", "}"));
        assertEquals("  g();\n      h();\n", paste("  |", lines, FOUR));
    }

    @Test
    void tabsFollowTheDocumentsStyleAndOneLineIsUntouched() {
        assertEquals("\tx\n\ty\n\t\t  z", paste("\t|", "x\n    y\n          z", new IndentStyle(true, 4)));
        assertEquals("a  b", paste("a|", "  b", FOUR));
        assertEquals("\n\n", paste("|", "\n\n", FOUR));
    }

    /**
     * Property: only leading whitespace changes (the pasted text without each line's indentation is the
     * same), the number of lines is the same, and the lines keep their indentation relative to each other.
     */
    @Test
    void onlyIndentationChangesAndRelativeIndentationIsKept() {
        Seeds.run("paste indent", r -> {
            for (int round = 0; round < 2_000; round++) {
                List<String> lines = new ArrayList<>();
                int n = 1 + r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    String words = r.nextInt(5) == 0 ? "" : "x" + r.nextInt(100);
                    lines.add(" ".repeat(r.nextInt(3) * 2 + (r.nextBoolean() ? 0 : 4 * r.nextInt(3))) + words);
                }
                String pasted = String.join(r.nextBoolean() ? "\n" : "\r\n", lines);
                String doc = " ".repeat(r.nextInt(9)) + (r.nextBoolean() ? "code " : "") + "\nnext\n";
                int at = r.nextInt(doc.indexOf('\n') + 1);
                String got = PasteIndent.adjust(Rope.of(doc), at, pasted, FOUR);
                String[] in = pasted.split("\r?\n", -1);
                String[] out = got.split("\r?\n", -1);
                assertEquals(in.length, out.length, got);
                Integer shift = null;
                for (int i = 0; i < in.length; i++) {
                    assertEquals(in[i].strip(), out[i].strip(), "line " + i + " of " + pasted + " gave " + got);
                    if (i > 0 && !in[i].isBlank()) {
                        int d = FOUR.columns(lead(out[i])) - FOUR.columns(lead(in[i]));
                        if (shift == null) {
                            shift = d;
                        }
                        assertEquals(shift, d, "every line moves by the same amount: " + pasted + " -> " + got);
                    }
                }
            }
        });
    }

    private static String lead(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }
}
