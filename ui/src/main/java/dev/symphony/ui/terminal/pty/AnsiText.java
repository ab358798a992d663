package dev.symphony.ui.terminal.pty;

/** Turns what a program wrote to a terminal into plain text. */
public final class AnsiText {
    private static final char ESC = 0x1b;
    private static final char BEL = 0x07;

    private AnsiText() {}

    /**
     * Removes escape sequences (CSI, OSC, DCS and two-character ones), makes line ends {@code \n},
     * and keeps of each line what a carriage return did not overwrite (progress bars keep their last state).
     */
    public static String plain(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int lineStart = 0;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == ESC && i + 1 < raw.length()) {
                i = skipEscape(raw, i);
            } else if (c == '\r') {
                boolean lineEnd = i + 1 < raw.length() && raw.charAt(i + 1) == '\n';
                if (!lineEnd) {
                    out.setLength(lineStart); // the cursor went back to the line's start
                }
                i++;
            } else if (c == '\n') {
                out.append('\n');
                lineStart = out.length();
                i++;
            } else if (c == '\b') {
                if (out.length() > lineStart) {
                    out.setLength(out.length() - 1);
                }
                i++;
            } else {
                if (c >= ' ' || c == '\t') {
                    out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the escape sequence that starts at {@code start}. */
    private static int skipEscape(String s, int start) {
        char kind = s.charAt(start + 1);
        int i = start + 2;
        switch (kind) {
            case '[': // CSI: parameters and intermediates, then one final byte in @..~
                while (i < s.length() && (s.charAt(i) < '@' || s.charAt(i) > '~')) {
                    i++;
                }
                return Math.min(i + 1, s.length());
            case ']': case 'P': case '_': case '^': // OSC, DCS, APC, PM: up to BEL or ST (ESC \)
                while (i < s.length()) {
                    if (s.charAt(i) == BEL) {
                        return i + 1;
                    }
                    if (s.charAt(i) == ESC && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
                        return i + 2;
                    }
                    i++;
                }
                return i;
            case '(': case ')': case '*': case '+': case '#': // charset designation: one more byte
                return Math.min(i + 1, s.length());
            default:
                return i;
        }
    }
}
