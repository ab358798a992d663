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
 * Indentation of pasted lines: a block of several lines is moved as a whole to the indentation where it
 * lands, keeping the lines' indentation relative to each other. Only leading whitespace changes; the
 * first line is pasted at the caret as it is (its leading whitespace dropped when the caret stands in
 * the line's indentation, where that indentation already is).
 */
public final class PasteIndent {
    /** Longer pastes go in as they are: re-indenting them would hold up the UI thread for little gain. */
    public static final int MAX_ADJUSTED = 1 << 20;

    private PasteIndent() {
    }

    /** Pastes {@code pasted} at every selection, adjusted for where each lands: one transaction. */
    public static Transaction paste(Rope text, SelectionSet sels, String pasted, IndentStyle style) {
        List<TextEdit> edits = new ArrayList<>(sels.size());
        List<Selection> after = new ArrayList<>(sels.size());
        int delta = 0;
        for (Selection s : sels.all()) {
            String adjusted = adjust(text, s.start(), pasted, style);
            edits.add(new TextEdit(s.start(), s.end(), adjusted));
            after.add(Selection.cursor(s.start() + delta + adjusted.length()));
            delta += adjusted.length() - (s.end() - s.start());
        }
        return new Transaction(new ChangeSet(edits), SelectionSet.of(after));
    }

    /** {@code pasted} as it should be inserted at {@code at} in {@code text} (unchanged when it is one line). */
    public static String adjust(Rope text, int at, String pasted, IndentStyle style) {
        if (pasted.length() > MAX_ADJUSTED) {
            return pasted;
        }
        String[] lines = pasted.split("(?<=\r\n|\n|\r(?!\n))", -1);
        if (lines.length < 2) {
            return pasted;
        }
        int lineStart = text.lineStart(text.lineOf(at));
        String before = text.substring(lineStart, at);
        boolean inIndent = before.isBlank();
        String target = inIndent ? before : leading(text.substring(lineStart, text.lineEnd(text.lineOf(at))));
        boolean firstCounts = !leading(lines[0]).isEmpty() && !lines[0].isBlank();
        int base = Integer.MAX_VALUE;
        for (int i = firstCounts ? 0 : 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                base = Math.min(base, style.columns(leading(lines[i])));
            }
        }
        if (base == Integer.MAX_VALUE) {
            return pasted; // nothing but blank lines after the first
        }
        StringBuilder out = new StringBuilder(pasted.length() + lines.length * target.length());
        out.append(inIndent && firstCounts ? relative(lines[0], base, "", style) : lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.append(lines[i].isBlank() ? lines[i] : relative(lines[i], base, target, style));
        }
        return out.toString();
    }

    /** The line with its leading whitespace replaced by {@code target} plus what it had beyond {@code base} columns. */
    private static String relative(String line, int base, String target, IndentStyle style) {
        String lead = leading(line);
        int extra = style.columns(lead) - base;
        String indent = style.tabs() ? "\t".repeat(extra / style.width()) + " ".repeat(extra % style.width())
                : " ".repeat(extra);
        return target + indent + line.substring(lead.length());
    }

    private static String leading(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }
}
