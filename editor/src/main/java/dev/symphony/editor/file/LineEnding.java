package dev.symphony.editor.file;

import dev.symphony.editor.text.Rope;

/** The line terminators a document uses; {@code MIXED} is reported, never silently normalised. */
public enum LineEnding {
    LF("LF", "\n"),
    CRLF("CRLF", "\r\n"),
    CR("CR", "\r"),
    MIXED("mixed", "\n"),
    NONE("none", "\n");

    private final String label;
    private final String newline;

    LineEnding(String label, String newline) {
        this.label = label;
        this.newline = newline;
    }

    public String label() {
        return label;
    }

    /**
     * What pressing Enter inserts: the file's own terminator, or for mixed files and files without
     * any, {@code \n}... unless the caller prefers the majority one (see {@link #detect}).
     */
    public String newline() {
        return newline;
    }

    /** Detects from the rope: O(1) for files without CR (the summary counts them), else one scan. */
    public static LineEnding detect(Rope rope) {
        long breaks = rope.lineBreaks();
        if (breaks == 0) {
            return NONE;
        }
        if (rope.summary().carriageReturns() == 0) {
            return LF;
        }
        long lf = 0;
        long crlf = 0;
        long cr = 0;
        char prev = 0;
        for (String chunk : rope.chunks()) {
            for (int i = 0; i < chunk.length(); i++) {
                char c = chunk.charAt(i);
                if (c == '\n') {
                    if (prev == '\r') {
                        crlf++;
                        cr--;
                    } else {
                        lf++;
                    }
                } else if (c == '\r') {
                    cr++;
                }
                prev = c;
            }
        }
        int kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
        if (kinds > 1) {
            return MIXED;
        }
        return crlf > 0 ? CRLF : cr > 0 ? CR : LF;
    }
}
