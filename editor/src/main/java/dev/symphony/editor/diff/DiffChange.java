package dev.symphony.editor.diff;

import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.List;

/**
 * One changed block: lines {@code [leftLine, leftLine + leftCount)} of the left text became lines
 * {@code [rightLine, rightLine + rightCount)} of the right (0-based; a count of 0 is a pure insertion
 * or deletion before that line). {@code leftWords} / {@code rightWords} are the character ranges inside
 * the block that differ (empty for pure insertions and deletions, and for blocks too large to compare
 * word by word).
 */
public record DiffChange(int leftLine, int leftCount, int rightLine, int rightCount, List<Span> leftWords,
                         List<Span> rightWords) {

    public enum Kind { INSERTED, DELETED, MODIFIED }

    public DiffChange {
        leftWords = List.copyOf(leftWords);
        rightWords = List.copyOf(rightWords);
    }

    public Kind kind() {
        return leftCount == 0 ? Kind.INSERTED : rightCount == 0 ? Kind.DELETED : Kind.MODIFIED;
    }

    /** The edit of the right text that puts the left's lines back in place of this block. */
    public TextEdit revertEdit(Rope left, Rope right) {
        return copy(right, rightLine, rightCount, left, leftLine, leftCount);
    }

    /** The edit of the left text that takes the right's lines in place of this block. */
    public TextEdit acceptEdit(Rope left, Rope right) {
        return copy(left, leftLine, leftCount, right, rightLine, rightCount);
    }

    /**
     * Replaces the target's block by the source's. A block that ends both texts has no line break after
     * its last line, so the one before the block goes with it (else reverting an appended last line
     * would leave an extra line break behind).
     */
    private static TextEdit copy(Rope target, int tLine, int tCount, Rope source, int sLine, int sCount) {
        boolean atEnds = tLine + tCount >= target.lineCount() && sLine + sCount >= source.lineCount();
        if (atEnds && tLine > 0 && sLine > 0) {
            return new TextEdit(target.lineEnd(tLine - 1), target.length(),
                    source.substring(source.lineEnd(sLine - 1), source.length()));
        }
        return new TextEdit(startOf(target, tLine), startOf(target, tLine + tCount),
                source.substring(startOf(source, sLine), startOf(source, sLine + sCount)));
    }

    /** Start of a line, or the text's end for the line after the last. */
    static int startOf(Rope text, int line) {
        return line >= text.lineCount() ? text.length() : text.lineStart(line);
    }
}
