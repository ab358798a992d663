package dev.symphony.editor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.symphony.editor.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jcodings.specific.UTF8Encoding;
import org.joni.Option;
import org.joni.Regex;
import org.joni.Syntax;
import org.joni.WarnCallback;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {

    private static List<String> of(String pattern) {
        RequiredLiterals r = RequiredLiterals.of(pattern);
        return r == null ? null : r.literals();
    }

    @Test
    void literalsEveryMatchMustContain() {
        assertEquals(List.of("class", "interface", "enum"), of("(?=\\w?[-\\w\\s]*\\b(?:class|(?<!@)interface|enum)\\s+[$\\w]+)"));
        assertEquals(List.of("record"), of("(?=\\w?[\\w\\s]*\\brecord\\s+[$\\w]+)"));
        assertEquals(List.of("("), of("([$A-Z_a-z][$\\w]*)\\s*(\\()"));
        assertEquals(List.of("true", "false", "null"), of("\\b(true|false|null)\\b"));
        assertEquals(List.of("//"), of("(^[\\t ]+)?(?=//)"));
        assertEquals(List.of("abc"), of("x?abc(?!d)e*")); // optional x, e* not required; the look-ahead breaks nothing
        assertEquals(List.of("a"), of("ab?c")); // "a" and "c" are both required; on a tie the first is kept
        assertEquals(List.of("\t=", "->"), of("(?:\\t=|->)+"));
        assertEquals(List.of("named"), of("(?<n>named)\\k<n>"));
        assertEquals(List.of("{"), of("\\{"));
        assertEquals(List.of("x{"), of("x{")); // not an interval: a literal brace
        assertEquals(List.of("é"), of("[a-z]+é"));
        assertEquals(List.of(":", ";", "="), of("\\w+\\s*([:;=])")); // a small class: one-char literals
        assertEquals(List.of("-", "+", "]"), of("x?[-+\\]]"));
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), of("\\b[0-9]"));
        assertEquals(List.of("]", "^", "_", "`", "a"), of("[\\]-a]")); // a range from an escaped char
        assertEquals(List.of("a", "-"), of("[a-]"));
        // code escapes stand for one char that is not their digits: those never count as literals
        assertEquals(List.of("xyz"), of("\\x41xyz"));
        assertEquals(List.of("gz"), of("\\u00e9gz"));
        assertEquals(List.of("qr"), of("\\cAqr"));
        assertEquals(List.of("xy"), of("(a)\\1xy"));
    }

    @Test
    void noFilterWhenNothingIsRequiredOrThePatternIsNotUnderstood() {
        assertNull(of("\\b\\w+\\b"));
        assertNull(of("(?:abc)?\\d"));
        assertNull(of("abc|\\d")); // one alternative has no literal
        assertNull(of("x*"));
        assertNull(of("\\x41"));
        assertNull(of("\\x{41}"));
        assertNull(of("\\0121"));
        assertNull(of("[a-z]")); // a range
        assertNull(of("[^;]"));
        assertNull(of("[\\w;]"));
        assertNull(of("[;:]?"));
        assertNull(of("[!-\\/]")); // a range up to an escaped char: not expanded
        assertNull(of("[a-z0]"));
        assertNull(of("[0-9.]")); // more than MAX_CLASS chars
        assertNull(of("x{0,3}y?"));
        assertNull(of("(?i)select")); // case-insensitive: a literal is not a byte string
        assertNull(of("(?i:select)"));
        assertNull(of("(?x) a b # comment"));
        assertNull(of("(?<=abc)\\d")); // a look-behind reads text before the search position
        assertNull(of("(?(1)a|b)"));
        assertNull(of("\\Qa.b\\E"));
        assertNull(of("a)b")); // unbalanced
        assertNull(of("(?:a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|w|x|y|z|0|1|2|3|4|5|6)")); // too many to check
    }

    @Test
    void mayMatchLooksOnlyAtTheRestOfTheLine() {
        RequiredLiterals r = RequiredLiterals.of("\\b(?:class|interface)\\b");
        byte[] line = "public class A {}\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(r.mayMatch(line, 0, line.length));
        assertTrue(r.mayMatch(line, 7, line.length));
        assertFalse(r.mayMatch(line, 8, line.length));
        assertFalse(r.mayMatch(line, 0, 11)); // "class" ends at 12
    }

    @Test
    void theBuildPutsThisModulesOnigRegExpInPlaceOfTm4es() throws Exception {
        // TM4E's own class has no filter; if it were loaded, highlighting would be correct but ~2x slower
        Class<?> c = Class.forName("dev.secondsun.tm4e.core.internal.oniguruma.OnigRegExp");
        assertEquals(RequiredLiterals.class, c.getDeclaredField("required").getType());
        assertEquals(RequiredLiterals.class.getProtectionDomain().getCodeSource().getLocation(),
                c.getProtectionDomain().getCodeSource().getLocation());
    }

    /**
     * Soundness over every pattern of every shipped grammar: whenever joni finds a match from a position,
     * the filter must say the pattern may match there. Subjects: the grammar's sample, the generic sample,
     * and random splices of their lines with the patterns' own literals (so that matches are frequent).
     */
    @Test
    void neverRulesOutAMatchJoniFinds() {
        Seeds.run("RequiredLiteralsTest.neverRulesOutAMatchJoniFinds", random -> {
            int filters = 0;
            long matchesChecked = 0;
            for (CatalogEntry e : GrammarCatalog.get().all()) {
                List<String> patterns = patterns(GrammarRegistry.rewrittenJson(e.scopeName()));
                List<String> lines = new ArrayList<>();
                String sample = CoreSamples.SAMPLES.containsKey(e.name()) ? CoreSamples.SAMPLES.get(e.name()).text() : "";
                for (String l : (sample + "\n" + GrammarsTest.GENERIC).split("\n")) {
                    lines.add(l + "\n");
                }
                List<String> literals = new ArrayList<>();
                List<Object[]> filtered = new ArrayList<>();
                for (String p : patterns) {
                    RequiredLiterals r = RequiredLiterals.of(p);
                    Regex regex = compile(p);
                    if (r != null && regex != null) {
                        filtered.add(new Object[] {p, r, regex});
                        literals.addAll(r.literals());
                    }
                }
                filters += filtered.size();
                List<String> subjects = new ArrayList<>(lines);
                for (int i = 0; i < 40 && !literals.isEmpty(); i++) {
                    subjects.add(splice(random, lines, literals));
                }
                for (Object[] f : filtered) {
                    for (String s : subjects) {
                        byte[] b = s.getBytes(StandardCharsets.UTF_8);
                        for (int from : new int[] {0, random.nextInt(b.length + 1)}) {
                            int at = ((Regex) f[2]).matcher(b).search(from, b.length, Option.NONE);
                            if (at >= 0) {
                                matchesChecked++;
                                assertTrue(((RequiredLiterals) f[1]).mayMatch(b, from, b.length),
                                        e.name() + ": /" + f[0] + "/ matches \"" + s + "\" from " + from + " but was ruled out");
                            }
                        }
                    }
                }
            }
            System.out.println("RequiredLiteralsTest: " + filters + " patterns with a filter, " + matchesChecked + " joni matches checked");
            assertTrue(filters > 5_000, "patterns with a filter: " + filters);
            assertTrue(matchesChecked > 50_000, "matches checked: " + matchesChecked);
        });
    }

    private static String splice(Random random, List<String> lines, List<String> literals) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + random.nextInt(5);
        for (int k = 0; k < parts; k++) {
            switch (random.nextInt(4)) {
                case 0 -> sb.append(literals.get(random.nextInt(literals.size())));
                case 1 -> sb.append(' ');
                case 2 -> {
                    String l = lines.get(random.nextInt(lines.size()));
                    int a = random.nextInt(l.length());
                    sb.append(l, a, a + random.nextInt(l.length() - a));
                }
                default -> sb.append("x1_(").append(literals.get(random.nextInt(literals.size()))).append(") ");
            }
        }
        return sb.append('\n').toString();
    }

    private static Regex compile(String p) {
        byte[] b = p.getBytes(StandardCharsets.UTF_8);
        try {
            return new Regex(b, 0, b.length, Option.CAPTURE_GROUP, UTF8Encoding.INSTANCE, Syntax.DEFAULT, WarnCallback.NONE);
        } catch (RuntimeException e) {
            return null; // e.g. an end pattern's back-reference to a begin capture: TM4E substitutes those first
        }
    }

    private static List<String> patterns(byte[] json) {
        Set<String> out = new LinkedHashSet<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING && p.currentName() != null && PatternRewriter.isPatternKey(p.currentName())) {
                    out.add(p.getText());
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new ArrayList<>(out);
    }
}
