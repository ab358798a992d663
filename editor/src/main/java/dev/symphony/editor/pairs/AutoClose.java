package dev.symphony.editor.pairs;

import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.selection.Transaction;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * What typing a bracket or quote does at each selection, after VS Code's "languageDefined" defaults:
 * <ul>
 *   <li>a selection and an opening character: the selection is <b>surrounded</b> and stays selected;</li>
 *   <li>a caret before the same closing character (for a quote: one that closes a string on its line):
 *       the caret <b>types over</b> it;</li>
 *   <li>a caret before whitespace, the line end or one of {@code ;:.,=}])>} (a quote: not before a quote,
 *       not right after a word character): the pair is <b>closed</b> and the caret goes between;</li>
 *   <li>anything else: the character is typed.</li>
 * </ul>
 * Backspace between an empty pair removes both sides. One transaction for all carets, so one undo step.
 */
public final class AutoClose {
    private static final String CLOSE_BEFORE = ";:.,=}])> \t";

    private AutoClose() {
    }

    /** The transaction that types {@code c} at every selection. */
    public static Transaction type(Rope text, SelectionSet sels, char c, BracketPairs pairs) {
        List<TextEdit> edits = new ArrayList<>(sels.size());
        List<Selection> after = new ArrayList<>(sels.size());
        int delta = 0;
        char closer = pairs.closerOf(c);
        for (Selection s : sels.all()) {
            int from = s.start();
            int to = s.end();
            if (!s.isEmpty() && closer != 0) {
                String inner = text.substring(from, to);
                edits.add(new TextEdit(from, to, c + inner + closer));
                boolean forward = s.head() >= s.anchor();
                int a = from + delta + 1;
                int b = a + inner.length();
                after.add(forward ? Selection.of(a, b) : Selection.of(b, a));
                delta += 2;
                continue;
            }
            if (s.isEmpty() && pairs.isCloser(c) && from < text.length() && text.charAt(from) == c
                    && (!pairs.isQuote(c) || !opensString(text, from, c))) {
                after.add(Selection.cursor(from + delta + 1)); // type over: no edit
                continue;
            }
            String insert = closer != 0 && s.isEmpty() && closes(text, from, c, pairs) ? "" + c + closer : "" + c;
            edits.add(new TextEdit(from, to, insert));
            after.add(Selection.cursor(from + delta + 1));
            delta += insert.length() - (to - from);
        }
        return new Transaction(new ChangeSet(edits), SelectionSet.of(after));
    }

    /**
     * Backspace when every selection is a caret between an empty pair ({@code (|)}, {@code "|"}): the
     * transaction removing both sides at each; null when any caret is elsewhere (a plain Backspace then).
     */
    public static Transaction deletePair(Rope text, SelectionSet sels, BracketPairs pairs) {
        List<TextEdit> edits = new ArrayList<>(sels.size());
        List<Selection> after = new ArrayList<>(sels.size());
        int delta = 0;
        for (Selection s : sels.all()) {
            int at = s.head();
            if (!s.isEmpty() || at == 0 || at >= text.length()) {
                return null;
            }
            char open = text.charAt(at - 1);
            if (pairs.closerOf(open) == 0 || text.charAt(at) != pairs.closerOf(open)) {
                return null;
            }
            edits.add(TextEdit.delete(at - 1, at + 1));
            after.add(Selection.cursor(at - 1 + delta));
            delta -= 2;
        }
        return new Transaction(new ChangeSet(edits), SelectionSet.of(after));
    }

    private static boolean closes(Rope text, int at, char c, BracketPairs pairs) {
        if (at < text.length()) {
            char next = text.charAt(at);
            boolean lineEnd = next == '\n' || next == '\r';
            if (!lineEnd && CLOSE_BEFORE.indexOf(next) < 0 && !pairs.isCloser(next)
                    || pairs.isQuote(c) && pairs.isQuote(next)) {
                return false;
            }
        }
        if (pairs.isQuote(c) && at > 0) {
            char prev = text.charAt(at - 1);
            return !(Character.isLetterOrDigit(prev) || prev == '_' || prev == c || prev == '\\');
        }
        return true;
    }

    /**
     * Whether the quote at {@code at} opens a string rather than closing one: an even number of the same
     * quote (unescaped) before it on its line. Typing over an opening quote would lose the character typed.
     */
    private static boolean opensString(Rope text, int at, char quote) {
        int start = text.lineStart(text.lineOf(at));
        int count = 0;
        for (int i = start; i < at; i++) {
            char ch = text.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == quote) {
                count++;
            }
        }
        return count % 2 == 0;
    }
}
