package dev.symphony.editor.syntax;

import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;

/**
 * The changed line range between two revisions without a change description (undo, redo, history
 * jumps). Persistent ropes share their unchanged chunks, so comparing chunk references from both ends
 * finds the changed middle in O(chunks) reference compares, with no text compared; a chunk that is
 * equal but not shared just ends the shared run early (conservative: more lines re-tokenized).
 */
final class RopeDiff {

    private RopeDiff() {
    }

    /** {firstChangedLine, oldLastChangedLine, newLastChangedLine}. */
    static int[] changedLines(Rope before, Rope after) {
        List<String> a = chunks(before);
        List<String> b = chunks(after);
        int prefix = 0;
        int prefixChars = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix) == b.get(prefix)) {
            prefixChars += a.get(prefix).length();
            prefix++;
        }
        int suffixChars = 0;
        for (int i = a.size() - 1, j = b.size() - 1; i >= prefix && j >= prefix && a.get(i) == b.get(j); i--, j--) {
            suffixChars += a.get(i).length();
        }
        int first = after.lineOf(Math.min(prefixChars, after.length()));
        int oldLast = before.lineOf(Math.max(prefixChars, before.length() - suffixChars));
        int newLast = after.lineOf(Math.max(prefixChars, after.length() - suffixChars));
        first = Math.min(first, before.lineOf(Math.min(prefixChars, before.length())));
        return new int[] {first, Math.max(first, oldLast), Math.max(first, newLast)};
    }

    private static List<String> chunks(Rope r) {
        List<String> out = new ArrayList<>(r.chunkCount());
        r.chunks().forEach(out::add);
        return out;
    }
}
