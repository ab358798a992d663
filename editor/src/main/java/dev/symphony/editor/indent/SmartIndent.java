package dev.symphony.editor.indent;

import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.selection.Transaction;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * What Enter and a closing bracket insert. Enter keeps the current line's indentation, adds a level
 * after an opening bracket, and when the caret sits between a bracket pair puts the closing bracket
 * on its own line at the original level.
 */
public final class SmartIndent {

    /** Text to insert at the caret and where the caret goes, relative to the insertion start. */
    public record Insertion(String text, int caret) {
    }

    private SmartIndent() {
    }

    /** Enter at every selection (a selection is replaced): one transaction, each line break indented by {@link #onEnter}. */
    public static Transaction enter(Rope text, SelectionSet sels, IndentStyle style, String newline) {
        List<TextEdit> edits = new ArrayList<>(sels.size());
        List<Selection> after = new ArrayList<>(sels.size());
        int delta = 0;
        for (Selection s : sels.all()) {
            Rope context = s.isEmpty() ? text : ChangeSet.of(TextEdit.delete(s.start(), s.end())).apply(text);
            Insertion ins = onEnter(context, s.start(), style, newline);
            edits.add(new TextEdit(s.start(), s.end(), ins.text()));
            after.add(Selection.cursor(s.start() + delta + ins.caret()));
            delta += ins.text().length() - (s.end() - s.start());
        }
        return new Transaction(new ChangeSet(edits), SelectionSet.of(after));
    }

    public static Insertion onEnter(Rope text, int caret, IndentStyle style, String newline) {
        int line = text.lineOf(caret);
        int start = text.lineStart(line);
        int end = text.lineEnd(line);
        int i = start;
        while (i < caret && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        String indent = text.substring(start, i);
        char before = lastNonBlank(text, start, caret);
        char after = firstNonBlank(text, caret, end);
        if (isOpen(before)) {
            String inner = newline + indent + style.unit();
            if (after == closing(before)) {
                return new Insertion(inner + newline + indent, inner.length());
            }
            return new Insertion(inner, inner.length());
        }
        String s = newline + indent;
        return new Insertion(s, s.length());
    }

    /**
     * A closing bracket typed at one caret on a line of only indentation: the transaction typing it one
     * level less indented; null when that does not apply (several selections, a selection, not a closing
     * bracket, text before the caret, or the same closer right after the caret, which is typed over).
     */
    public static Transaction typeCloser(Rope text, SelectionSet sels, char c, IndentStyle style) {
        if (sels.size() != 1 || !sels.get(0).isEmpty()) {
            return null;
        }
        int caret = sels.get(0).head();
        if (caret < text.length() && text.charAt(caret) == c) {
            return null;
        }
        int[] cut = dedentOnClose(text, caret, c, style);
        return cut == null ? null : new Transaction(ChangeSet.of(new TextEdit(cut[0], cut[1], String.valueOf(c))),
                SelectionSet.cursorAt(cut[0] + 1));
    }

    /**
     * When {@code closer} is typed on a line holding only whitespace before the caret, the edit that
     * removes one level of indentation first: {@code [from, to)} to delete, or null for no change.
     */
    public static int[] dedentOnClose(Rope text, int caret, char closer, IndentStyle style) {
        if (closer != '}' && closer != ')' && closer != ']') {
            return null;
        }
        int start = text.lineStart(text.lineOf(caret));
        for (int i = start; i < caret; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return null;
            }
        }
        if (caret == start) {
            return null;
        }
        if (text.charAt(caret - 1) == '\t') {
            return new int[] {caret - 1, caret};
        }
        int cols = style.columns(text.substring(start, caret));
        int remove = cols % style.width() == 0 ? style.width() : cols % style.width();
        int from = caret;
        while (from > start && caret - from < remove && text.charAt(from - 1) == ' ') {
            from--;
        }
        return new int[] {from, caret};
    }

    private static char lastNonBlank(Rope text, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return c;
            }
        }
        return 0;
    }

    private static char firstNonBlank(Rope text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return c;
            }
        }
        return 0;
    }

    private static boolean isOpen(char c) {
        return c == '{' || c == '(' || c == '[';
    }

    private static char closing(char open) {
        return open == '{' ? '}' : open == '(' ? ')' : ']';
    }
}
