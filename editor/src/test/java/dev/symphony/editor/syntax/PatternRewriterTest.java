package dev.symphony.editor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.jcodings.specific.UTF8Encoding;
import org.joni.Matcher;
import org.joni.Option;
import org.joni.Regex;
import org.joni.Syntax;
import org.joni.WarnCallback;
import org.junit.jupiter.api.Test;

class PatternRewriterTest {

    private static int find(String pattern, String text) {
        byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        Regex r = new Regex(p, 0, p.length, Option.CAPTURE_GROUP, UTF8Encoding.INSTANCE, Syntax.DEFAULT, WarnCallback.NONE);
        Matcher m = r.matcher(t);
        return m.search(0, t.length, Option.NONE);
    }

    @Test
    void patternsJoniAcceptsAreLeftAlone() {
        for (String p : new String[] {"\\b(if|else)\\b", "(?<=\\.)\\w+", "[^]]", "a{2,3}", "(?<!\\\\)\"", "\\p{L}+"}) {
            if (PatternRewriter.compiles(p, false) && !p.contains("]")) {
                assertEquals(p, PatternRewriter.rewrite(p, false), p);
            }
        }
    }

    @Test
    void lookBehindAlternativesInsideGroupsAreDistributed() {
        String p = "(?<=(?:\\W|^)x)y";
        assertFalse(PatternRewriter.compiles(p, false), "joni rejects the original");
        String r = PatternRewriter.rewrite(p, false);
        assertTrue(PatternRewriter.compiles(r, false), r);
        assertEquals("(?<=\\Wx|^x)y", r);
        assertEquals(1, find(r, "xy"), "after x at line start");
        assertEquals(2, find(r, " xy"));
        assertEquals(-1, find(r, "axy"), "not after a word character");
    }

    @Test
    void optionalAtomsInLookBehindsBecomeAlternatives() {
        String r = PatternRewriter.rewrite("(?<=:\\s?)v", false);
        assertTrue(PatternRewriter.compiles(r, false), r);
        assertEquals(1, find(r, ":v"));
        assertEquals(2, find(r, ": v"));
        assertEquals(-1, find(r, "v"));
    }

    @Test
    void repeatedWhitespaceInLookBehindsBecomesUpToFourCopies() {
        String r = PatternRewriter.rewrite("(?<=\\bshow\\s*)\\w+", false);
        assertTrue(PatternRewriter.compiles(r, false), r);
        assertEquals(6, find(r, "show  name"));
        assertEquals(4, find(r, "show" + "name"));
        assertEquals(-1, find(r, "shoe name"));
    }

    @Test
    void variableLengthLookBehindsAreDroppedKeepingCaptureNumbers() {
        String r = PatternRewriter.rewrite("(?<=^.*(a))(b)", false);
        assertTrue(PatternRewriter.compiles(r, false), r);
        assertEquals("(?:)()(b)", r, "one empty group stands in for the capture inside");
    }

    @Test
    void caseInsensitiveLookBehindsAreCheckedWithTheirFlags() {
        String p = "(?i)(?<=\\{%\\sincludecss\\s%}|\\{%\\scss\\s%})x";
        assertTrue(PatternRewriter.compiles(PatternRewriter.rewrite(p, false), false));
    }

    @Test
    void possessiveIntervalsAndStrayBrackets() {
        assertEquals("\\s*+(//)", PatternRewriter.rewrite("\\s+{1,0}(//)", false));
        assertEquals("a{0,2}", PatternRewriter.rewrite("a{2,0}", false));
        assertEquals("\\s*x", PatternRewriter.rewrite("\\s+{0,1}x", false));
        assertEquals("[^\\]]+\\]", PatternRewriter.rewrite("[^]]+]", false));
        assertEquals("\\[[a-z]\\]", PatternRewriter.rewrite("\\[[a-z]\\]", false), "escaped brackets untouched");
        assertEquals(3, find(PatternRewriter.rewrite("[^]]+]", false), "]]]ab]"));
    }

    @Test
    void backReferencesInEndPatternsAreLiteralsWhenChecking() {
        String end = "(?<=</\\1>)";
        assertTrue(PatternRewriter.compiles(end, true));
        assertEquals(end, PatternRewriter.rewrite(end, true));
    }
}
