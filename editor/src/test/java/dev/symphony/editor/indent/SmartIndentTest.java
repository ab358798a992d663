package dev.symphony.editor.indent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.symphony.editor.text.Rope;
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
}
