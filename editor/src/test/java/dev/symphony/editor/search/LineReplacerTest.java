package dev.symphony.editor.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.symphony.editor.text.Rope;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineReplacerTest {

    private static String replace(String text, String regex, String repl, int maxChunk) {
        return new LineReplacer(Pattern.compile(regex), repl).replaceAll(Rope.of(text, maxChunk, 4)).text().toString();
    }

    @Test
    void groupsAnchorsAndEmptyMatchesFollowSed() {
        for (int chunk : new int[] {2, 3, 7, 1024}) {
            assertEquals("a.length();\nb.length()\n", replace("a.size();\nb.size()\n", "(\\w+)\\.size\\(\\)", "$1.length()", chunk));
            assertEquals("xbxcx\n", replace("baaac\n", "a*", "x", chunk));
            assertEquals("> one\n> two\n", replace("one\ntwo\n", "^", "> ", chunk));
            assertEquals("one;\ntwo;", replace("one\ntwo", "$", ";", chunk));
            assertEquals("one two\n", replace("one\ntwo\n", "\\n(t)", " $1", chunk));
            assertEquals("", replace("", "^", "x", chunk));
            assertEquals("a\r\nb!\r\n", replace("a\r\nb\r\n", "b$", "b!", chunk));
        }
    }

    @Test
    void countsMatches() {
        LineReplacer r = new LineReplacer(Pattern.compile("o"), "0");
        assertEquals(3, r.replaceAll(Rope.of("foo\nbo\n")).matches());
        assertEquals(0, r.replaceAll(Rope.of("bar\n")).matches());
    }

    @Test
    void prefilterFindsRequiredLiterals() {
        assertEquals(Optional.of(".size()"), LiteralPrefilter.requiredLiteral(Pattern.compile("(\\w+)\\.size\\(\\)")));
        assertEquals(Optional.of("abc"), LiteralPrefilter.requiredLiteral(Pattern.compile("x?abcd*")));
        assertEquals(Optional.empty(), LiteralPrefilter.requiredLiteral(Pattern.compile("foo|bar")));
        assertEquals(Optional.empty(), LiteralPrefilter.requiredLiteral(Pattern.compile("(?i)foo")));
        assertEquals(Optional.of("foo"), LiteralPrefilter.requiredLiteral(Pattern.compile("[|(]foo(a|b)+")));
        assertEquals(Optional.of("xya"), LiteralPrefilter.requiredLiteral(Pattern.compile("xyab{2,3}")));
    }

    @Test
    void badGroupReferencesAreRejectedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> new LineReplacer(Pattern.compile("(a)"), "$2"));
        assertThrows(IllegalArgumentException.class, () -> new LineReplacer(Pattern.compile("(a)"), "${x}"));
        assertThrows(IllegalArgumentException.class, () -> new LineReplacer(Pattern.compile("a"), "cost $"));
        assertEquals("$5", replace("a", "a", "\\$5", 1024));
        assertEquals("<a>", replace("a", "(?<x>a)", "<${x}>", 1024));
    }
}
