package dev.symphony.samples.lsp;

/**
 * The extension's copy of one open document, kept current by the workbench's incremental changes: what a restarted
 * server is opened with, and what a server that wants whole documents ({@code TextDocumentSyncKind.Full}) gets.
 * Positions are LSP's: 0-based line, UTF-16 code units within the line; lines end at {@code \n}, {@code \r\n} or {@code \r}.
 */
final class TextMirror {
    private final StringBuilder text;
    private int version;
    /**
     * A line whose start is known ({@code -1}: none): typing stays on a few lines, so a position is found from here
     * rather than by scanning the document from its start on every keystroke (a 50,000-line file is megabytes).
     */
    private int knownLine = -1;
    private int knownLineStart;

    TextMirror(String text, int version) {
        this.text = new StringBuilder(text);
        this.version = version;
    }

    String text() {
        return text.toString();
    }

    int version() {
        return version;
    }

    /** Replaces the range from ({@code startLine}, {@code startChar}) to ({@code endLine}, {@code endChar}) by {@code with}. */
    void replace(int startLine, int startChar, int endLine, int endChar, String with) {
        int from = offset(startLine, startChar);
        int to = offset(endLine, endChar);
        if (to < from) {
            throw new IllegalArgumentException("a change's range ends (" + endLine + ":" + endChar + ") before it starts ("
                    + startLine + ":" + startChar + ")");
        }
        text.replace(from, to, with);
        if (from <= knownLineStart) {
            knownLine = -1; // the lines before the known start may have changed
        }
    }

    void setVersion(int version) {
        this.version = version;
    }

    void setText(String all) {
        text.setLength(0);
        text.append(all);
        knownLine = -1;
    }

    /** The offset of a position; a character past the line's end means its end (LSP's rule), a line past the last the text's end. */
    int offset(int line, int character) {
        if (line < 0 || character < 0) {
            throw new IllegalArgumentException("a position is not negative: " + line + ":" + character);
        }
        boolean fromKnown = knownLine >= 0 && knownLine <= line;
        int at = fromKnown ? knownLineStart : 0;
        for (int l = fromKnown ? knownLine : 0; l < line; l++) {
            int next = lineEnd(at);
            if (next >= text.length()) {
                return text.length();
            }
            at = next + (text.charAt(next) == '\r' && next + 1 < text.length() && text.charAt(next + 1) == '\n' ? 2 : 1);
        }
        knownLine = line;
        knownLineStart = at;
        return Math.min(at + character, lineEnd(at));
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }
}
