package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * LSP positions (0-based line, UTF-16 column: the rope's chars) as offsets, and offsets of an older version carried
 * to the text shown now through the edits made since. What a server sends is hostile: positions past a line's end
 * mean its end, past the last line the text's end; edits that overlap are refused.
 */
final class Positions {
    private Positions() {
    }

    static int offset(Rope text, int line, int column) {
        if (line < 0 || column < 0) {
            return 0;
        }
        if (line >= text.lineCount()) {
            return text.length();
        }
        int start = text.lineStart(line);
        return (int) Math.min((long) start + column, text.lineEnd(line));
    }

    /** {@code {startLine, startColumn}} (or {@code end…}) of {@code range} as an offset in {@code text}. */
    static int offset(Rope text, JsonNode range, boolean end) {
        return offset(text, range.path(end ? "endLine" : "startLine").asInt(-1), range.path(end ? "endColumn" : "startColumn").asInt(-1));
    }

    /** {@code offset} of an older text carried through {@code since} (oldest first). */
    static int map(int offset, List<ChangeSet> since, boolean afterInserts) {
        int at = offset;
        for (ChangeSet c : since) {
            at = c.map(at, afterInserts);
        }
        return at;
    }

    /** The 0-based line and UTF-16 column of {@code offset}: {@code {line, column}}. */
    static int[] position(Rope text, int offset) {
        int line = text.lineOf(offset);
        return new int[] {line, offset - text.lineStart(line)};
    }

    /**
     * {@code edits} ({@code [{startLine, …, text}]} about {@code then}) as edits of the text shown now, sorted; null
     * when two of them overlap (a server's mistake: nothing is applied).
     */
    static List<TextEdit> edits(JsonNode edits, Rope then, List<ChangeSet> since) {
        List<TextEdit> out = new ArrayList<>();
        for (JsonNode e : edits) {
            int from = map(offset(then, e, false), since, false);
            int to = Math.max(from, map(offset(then, e, true), since, true));
            out.add(new TextEdit(from, to, e.path("text").asText("")));
        }
        out.sort(Comparator.comparingInt(TextEdit::from).thenComparingInt(TextEdit::to));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).from() < out.get(i - 1).to()) {
                return null;
            }
        }
        return out;
    }

    /** Java identifier characters: what completion's word is made of. */
    static boolean wordChar(char c) {
        return Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
    }

    /** The start of the word that ends at {@code caret}. */
    static int wordStart(Rope text, int caret) {
        int at = caret;
        while (at > 0 && wordChar(text.charAt(at - 1))) {
            at--;
        }
        return at;
    }
}
