package dev.symphony.editor.text;

/**
 * Offset ↔ line conversion: one O(log n) descent by the line-break dimension (or by chars), then a
 * scan of one chunk. LF, CR and CRLF end a line; an offset between the CR and LF of a CRLF belongs to
 * the line the terminator ends.
 */
final class Lines {

    private Lines() {
    }

    static int lineOf(Rope rope, int offset) {
        int len = rope.length();
        if (offset < 0 || offset > len) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside [0, " + len + "]");
        }
        Rope.Prefix p = new Rope.Prefix(offset, false);
        int k = rope.tree().seek(p);
        if (k == rope.tree().size()) {
            return (int) p.breaks;
        }
        String c = rope.tree().get(k);
        int local = offset - (int) p.chars;
        long count = p.breaks;
        boolean prevCr = p.endsCr;
        for (int i = 0; i < local; i++) {
            char ch = c.charAt(i);
            if (ch == '\r' || (ch == '\n' && !prevCr)) {
                count++;
            }
            prevCr = ch == '\r';
        }
        if (prevCr && c.charAt(local) == '\n') {
            count--;
        }
        return (int) count;
    }

    static int lineStart(Rope rope, int line) {
        if (line == 0) {
            return 0;
        }
        if (line < 0 || line > rope.lineBreaks()) {
            throw new IndexOutOfBoundsException("line " + line + " outside [0, " + rope.lineBreaks() + "]");
        }
        Rope.Prefix p = new Rope.Prefix(line, true);
        int k = rope.tree().seek(p);
        String c = rope.tree().get(k);
        long count = p.breaks;
        boolean prevCr = p.endsCr;
        int start = (int) p.chars;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == '\r') {
                if (++count == line) {
                    int pos = start + i + 1;
                    return pos < rope.length() && rope.charAt(pos) == '\n' ? pos + 1 : pos;
                }
            } else if (ch == '\n' && !prevCr && ++count == line) {
                return start + i + 1;
            }
            prevCr = ch == '\r';
        }
        throw new IllegalStateException("line index inconsistent with summaries at line " + line);
    }

    static int lineEnd(Rope rope, int line) {
        if (line == rope.lineBreaks()) {
            return rope.length();
        }
        int next = lineStart(rope, line + 1);
        if (next >= 2 && rope.charAt(next - 1) == '\n' && rope.charAt(next - 2) == '\r') {
            return next - 2;
        }
        return next - 1;
    }
}
