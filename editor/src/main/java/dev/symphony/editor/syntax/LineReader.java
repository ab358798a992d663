package dev.symphony.editor.syntax;

import dev.symphony.editor.text.Rope;

/**
 * The lines of a rope in order, without terminators, read {@link #BLOCK} lines at a time: one substring
 * per block instead of the several tree descents {@code lineStart}/{@code lineEnd} cost per line (~6 % of
 * tokenizing time). Line breaks are the rope's: LF, CR and CRLF.
 */
final class LineReader {

    static final int BLOCK = 1024;

    private final Rope text;
    private final int last;
    private int nextLine;
    private String block;
    private int pos;
    private int leftInBlock;

    /** Lines {@code first..last} (inclusive) of {@code text}. */
    LineReader(Rope text, int first, int last) {
        this.text = text;
        this.nextLine = first;
        this.last = last;
    }

    boolean hasNext() {
        return nextLine <= last;
    }

    String next() {
        if (leftInBlock == 0) {
            int blockLast = Math.min(last, nextLine + BLOCK - 1);
            block = text.substring(text.lineStart(nextLine), text.lineEnd(blockLast));
            pos = 0;
            leftInBlock = blockLast - nextLine + 1;
        }
        String b = block;
        int n = b.length();
        int end = pos;
        while (end < n) {
            char c = b.charAt(end);
            if (c == '\n' || c == '\r') {
                break;
            }
            end++;
        }
        String line = b.substring(pos, end);
        pos = end + (end + 1 < n && b.charAt(end) == '\r' && b.charAt(end + 1) == '\n' ? 2 : 1);
        leftInBlock--;
        nextLine++;
        return line;
    }
}
