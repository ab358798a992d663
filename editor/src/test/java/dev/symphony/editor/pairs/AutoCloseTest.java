package dev.symphony.editor.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.selection.Transaction;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoCloseTest {
    private static final BracketPairs JAVA = BracketPairs.of("java");

    /** Types {@code c} in {@code text} whose caret is at '|' (or selection between '[' … ']' marks, here '«' '»'). */
    private static String type(String marked, char c, BracketPairs pairs) {
        Rope rope = Rope.of(marked.replace("|", "").replace("«", "").replace("»", ""));
        SelectionSet sels = selections(marked);
        Transaction tx = AutoClose.type(rope, sels, c, pairs);
        return mark(tx.change().apply(rope).toString(), tx.selectionsAfter());
    }

    private static SelectionSet selections(String marked) {
        int caret = marked.indexOf('|');
        if (caret >= 0) {
            return SelectionSet.cursorAt(caret);
        }
        int a = marked.indexOf('«');
        return SelectionSet.single(Selection.of(a, marked.indexOf('»') - 1));
    }

    private static String mark(String text, SelectionSet sels) {
        Selection s = sels.get(0);
        if (s.isEmpty()) {
            return text.substring(0, s.head()) + "|" + text.substring(s.head());
        }
        return text.substring(0, s.start()) + "«" + text.substring(s.start(), s.end()) + "»" + text.substring(s.end());
    }

    @Test
    void closesBracketsAndQuotesBeforeWhitespaceOrAtTheLineEnd() {
        assertEquals("f(|)", type("f|", '(', JAVA));
        assertEquals("a = {|}\n", type("a = |\n", '{', JAVA));
        assertEquals("s = \"|\";", type("s = |;", '"', JAVA));
        assertEquals("g([|])", type("g(|)", '[', JAVA));
    }

    @Test
    void doesNotCloseBeforeAWordOrAQuoteAfterAWord() {
        assertEquals("(|foo", type("|foo", '(', JAVA));
        assertEquals("don'|", type("don|", '\'', JAVA));
        assertEquals("x\"|y", type("x|y", '"', JAVA));
    }

    @Test
    void typesOverTheClosingCharacterAndAClosingQuote() {
        assertEquals("f()|", type("f(|)", ')', JAVA));
        assertEquals("\"ab\"|", type("\"ab|\"", '"', JAVA));
        // before an opening quote the quote is typed (not swallowed); no pair right before a quote
        assertEquals("x = \"|\"a\"", type("x = |\"a\"", '"', JAVA));
    }

    @Test
    void surroundsASelectionAndKeepsItSelected() {
        assertEquals("(«abc»)", type("«abc»", '(', JAVA));
        assertEquals("say \"«hi»\"", type("say «hi»", '"', JAVA));
        assertEquals("*|", type("«x»", '*', JAVA)); // not a pair: replaces as typing does
    }

    @Test
    void replacesTheSelectionWithACharacterThatOpensNothing() {
        Rope rope = Rope.of("abc");
        Transaction tx = AutoClose.type(rope, SelectionSet.single(Selection.of(0, 3)), 'z', JAVA);
        assertEquals("z", tx.change().apply(rope).toString());
    }

    @Test
    void languagesWithoutSingleQuoteStringsDoNotCloseIt() {
        assertEquals("fn f<'|", type("fn f<|", '\'', BracketPairs.of("rust")));
        assertEquals("`|`", type("|", '`', BracketPairs.of("typescript")));
        assertEquals("`|", type("|", '`', JAVA));
    }

    @Test
    void backspaceBetweenAnEmptyPairRemovesBoth() {
        Rope rope = Rope.of("f()");
        Transaction tx = AutoClose.deletePair(rope, SelectionSet.cursorAt(2), JAVA);
        assertEquals("f", tx.change().apply(rope).toString());
        assertNull(AutoClose.deletePair(Rope.of("f(a)"), SelectionSet.cursorAt(3), JAVA));
        assertNull(AutoClose.deletePair(Rope.of("()"), SelectionSet.single(Selection.of(0, 1)), JAVA));
    }

    /**
     * Property: at random carets and selections in random code, typing any character gives exactly one
     * of: plain typing, plain typing plus the closer after the caret, the text unchanged with the caret
     * moved over that same character, or (a selection and an opener) the selection wrapped; all carets at
     * once give the text that typing at each caret alone (right to left) gives; a Backspace right after an
     * auto-close gives back the original text.
     */
    @Test
    void typingIsPlainTypingPlusAtMostAClosingCharacter() {
        Seeds.run("auto-close", r -> {
            String alphabet = "ab_ (){}[]\"'`;.\n\\";
            for (int round = 0; round < 2_000; round++) {
                String text = random(r, alphabet, r.nextInt(30));
                Rope rope = Rope.of(text);
                char c = alphabet.charAt(r.nextInt(alphabet.length() - 1));
                BracketPairs pairs = r.nextBoolean() ? JAVA : BracketPairs.of("typescript");
                int a = r.nextInt(text.length() + 1);
                int b = r.nextInt(4) == 0 ? r.nextInt(text.length() + 1) : a;
                Selection s = Selection.of(a, b);
                Transaction tx = AutoClose.type(rope, SelectionSet.single(s), c, pairs);
                String got = tx.change().apply(rope).toString();
                String before = text.substring(0, s.start());
                String after = text.substring(s.end());
                char closer = pairs.closerOf(c);
                String plain = before + c + after;
                if (!s.isEmpty() && closer != 0) {
                    assertEquals(before + c + text.substring(s.start(), s.end()) + closer + after, got, text);
                    continue;
                }
                assertEquals(s.start() + 1, tx.selectionsAfter().get(0).head(), text);
                boolean overtype = got.equals(text) && s.isEmpty() && after.startsWith("" + c);
                boolean closed = closer != 0 && got.equals(before + c + closer + after);
                assertTrue(got.equals(plain) || overtype || closed, "text " + text + " typing " + c + " gave " + got);
                if (closed) {
                    Rope typed = Rope.of(got);
                    Transaction back = AutoClose.deletePair(typed, tx.selectionsAfter(), pairs);
                    assertEquals(text, back.change().apply(typed).toString());
                }
            }
            for (int round = 0; round < 500; round++) {
                String text = random(r, alphabet, 5 + r.nextInt(40));
                Rope rope = Rope.of(text);
                char c = "([{\"')]}".charAt(r.nextInt(8));
                List<Selection> carets = new ArrayList<>();
                for (int at = r.nextInt(3); at <= text.length(); at += 2 + r.nextInt(6)) {
                    carets.add(Selection.cursor(at));
                }
                if (carets.isEmpty()) {
                    continue;
                }
                String all = AutoClose.type(rope, SelectionSet.of(carets), c, JAVA).change().apply(rope).toString();
                Rope one = rope;
                for (int i = carets.size() - 1; i >= 0; i--) {
                    one = AutoClose.type(one, SelectionSet.single(carets.get(i)), c, JAVA).change().apply(one);
                }
                assertEquals(one.toString(), all, "carets " + carets + " in " + text);
            }
        });
    }

    private static String random(Random r, String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
