package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.List;

/**
 * A buffer change as the ranges {@code documentSync} sends: LSP positions (0-based line, UTF-16 column) in the text
 * before, in descending order so each applies to the text the previous ones left. Undo, redo and history jumps have no
 * change set; for them {@link #diff} finds the one replaced range (common prefix and suffix), never the whole text
 * unless everything changed.
 */
final class ChangeRanges {
    private ChangeRanges() {
    }

    /** {@code change}, or for a change without one the smallest single edit turning {@code before} into {@code after}. */
    static ChangeSet orDiff(Rope before, Rope after, ChangeSet change) {
        return change != null ? change : diff(before, after);
    }

    static ChangeSet diff(Rope before, Rope after) {
        int a = before.length();
        int b = after.length();
        int prefix = 0;
        int max = Math.min(a, b);
        while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix && before.charAt(a - 1 - suffix) == after.charAt(b - 1 - suffix)) {
            suffix++;
        }
        if (prefix == a && prefix == b) {
            return new ChangeSet(List.of());
        }
        return ChangeSet.of(new TextEdit(prefix, a - suffix, after.substring(prefix, b - suffix)));
    }

    /** Appends {@code change}'s edits, as ranges in {@code before}, last edit first, to {@code out}. */
    static void append(Rope before, ChangeSet change, ArrayNode out) {
        List<TextEdit> edits = change.edits();
        for (int i = edits.size() - 1; i >= 0; i--) {
            TextEdit e = edits.get(i);
            int startLine = before.lineOf(e.from());
            int endLine = before.lineOf(e.to());
            out.addObject().put("startLine", startLine).put("startColumn", e.from() - before.lineStart(startLine))
                    .put("endLine", endLine).put("endColumn", e.to() - before.lineStart(endLine)).put("text", e.text());
        }
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }
}
