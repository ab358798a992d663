package dev.symphony.editor.indent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmartIndentTest {

    @Test
    void detectsTabsSpacesAndWidth() {
        assertEquals(new IndentStyle(false, 2), IndentDetector.detect(Rope.of("a {\n  b {\n    c\n  }\n}\n"), IndentStyle.DEFAULT));
        assertEquals(new IndentStyle(false, 4), IndentDetector.detect(Rope.of("a {\n    b\n    c {\n        d\n"), new IndentStyle(false, 2)));
        assertEquals(new IndentStyle(true, 4), IndentDetector.detect(Rope.of("a {\n\tb\n\tc {\n\t\td\n"), IndentStyle.DEFAULT));
        assertEquals(IndentStyle.DEFAULT, IndentDetector.detect(Rope.of("no\nindent\n"), IndentStyle.DEFAULT));
    }

    @Test
    void enterKeepsAndExtendsIndentation() {
        IndentStyle four = IndentStyle.DEFAULT;
        Rope r = Rope.of("    foo();\n    if (x) {}\n");
        assertEquals(new SmartIndent.Insertion("\n    ", 5), SmartIndent.onEnter(r, 10, four, "\n"));
        int between = r.toString().indexOf("{}") + 1;
        assertEquals(new SmartIndent.Insertion("\r\n        \r\n    ", 10), SmartIndent.onEnter(r, between, four, "\r\n"));
        Rope open = Rope.of("\tcall(");
        assertEquals(new SmartIndent.Insertion("\n\t\t", 3), SmartIndent.onEnter(open, 6, new IndentStyle(true, 4), "\n"));
    }

    @Test
    void closingBracketDedents() {
        Rope r = Rope.of("if (x) {\n        ");
        assertArrayEquals(new int[] {13, 17}, SmartIndent.dedentOnClose(r, 17, '}', IndentStyle.DEFAULT));
        assertNull(SmartIndent.dedentOnClose(Rope.of("  x"), 3, '}', IndentStyle.DEFAULT));
        assertNull(SmartIndent.dedentOnClose(r, 17, 'a', IndentStyle.DEFAULT));
    }

    @Test
    void aClosingBracketIsTypedOneLevelLessUnlessItIsTypedOver() {
        Rope r = Rope.of("if (x) {\n        ");
        dev.symphony.editor.selection.Transaction tx = SmartIndent.typeCloser(r, SelectionSet.cursorAt(17), '}', IndentStyle.DEFAULT);
        assertEquals("if (x) {\n    }", tx.change().apply(r).toString());
        assertEquals(14, tx.selectionsAfter().get(0).head());
        assertNull(SmartIndent.typeCloser(Rope.of("{\n    }"), SelectionSet.cursorAt(6), '}', IndentStyle.DEFAULT));
        assertNull(SmartIndent.typeCloser(r, SelectionSet.single(Selection.of(9, 17)), '}', IndentStyle.DEFAULT));
    }

    /**
     * Property: Enter at several carets inserts only a line break and indentation at each (one edit each),
     * every caret lands at the end of its new line's indentation, and that indentation is at least the
     * indentation of the line the caret was on.
     */
    @Test
    void enterAtEveryCaretInsertsALineBreakAndAtLeastTheLinesIndentation() {
        Seeds.run("enter at every caret", r -> {
            String alphabet = "ab {}()\n    \t";
            for (int round = 0; round < 1_000; round++) {
                StringBuilder sb = new StringBuilder();
                for (int i = 5 + r.nextInt(40); i > 0; i--) {
                    sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                Rope text = Rope.of(sb.toString());
                List<Selection> carets = new ArrayList<>();
                for (int at = r.nextInt(3); at <= text.length(); at += 1 + r.nextInt(8)) {
                    carets.add(Selection.cursor(at));
                }
                if (carets.isEmpty()) {
                    continue;
                }
                dev.symphony.editor.selection.Transaction tx = SmartIndent.enter(text, SelectionSet.of(carets), IndentStyle.DEFAULT, "\n");
                assertEquals(carets.size(), tx.change().edits().size());
                Rope out = tx.change().apply(text);
                for (int i = 0; i < carets.size(); i++) {
                    String inserted = tx.change().edits().get(i).text();
                    assertTrue(inserted.matches("(\n[ \t]*)+"), "inserted " + inserted);
                    int was = carets.get(i).head();
                    String oldIndent = lead(text.substring(text.lineStart(text.lineOf(was)), was));
                    int caret = tx.selectionsAfter().get(i).head();
                    String before = out.substring(out.lineStart(out.lineOf(caret)), caret);
                    assertTrue(before.isBlank() && before.startsWith(oldIndent), "caret " + was + " in " + text + ": " + before);
                }
            }
        });
    }

    private static String lead(String s) {
        return s.substring(0, s.length() - s.stripLeading().length());
    }
}
