package dev.symphony.editor.indent;

import dev.symphony.editor.text.Rope;

/**
 * Guesses tabs vs spaces and the width from the first lines of a file, as VS Code does: count lines
 * indented with tabs vs spaces, and the most common increase in leading spaces between consecutive
 * lines (2, 4 or 8; 3 only when clearly dominant). Falls back to the given default.
 */
public final class IndentDetector {

    private static final int SAMPLE_LINES = 10_000;

    private IndentDetector() {
    }

    public static IndentStyle detect(Rope text, IndentStyle fallback) {
        int lines = Math.min(text.lineCount(), SAMPLE_LINES);
        int tabLines = 0;
        int spaceLines = 0;
        int[] deltas = new int[9];
        int prevSpaces = 0;
        for (int line = 0; line < lines; line++) {
            int start = text.lineStart(line);
            int end = text.lineEnd(line);
            if (start == end) {
                continue;
            }
            char first = text.charAt(start);
            if (first == '\t') {
                tabLines++;
                continue;
            }
            int spaces = 0;
            while (start + spaces < end && text.charAt(start + spaces) == ' ') {
                spaces++;
            }
            if (start + spaces == end) {
                continue;
            }
            if (spaces > 0) {
                spaceLines++;
            }
            int delta = spaces - prevSpaces;
            if (delta > 0 && delta <= 8) {
                deltas[delta]++;
            }
            prevSpaces = spaces;
        }
        if (tabLines == 0 && spaceLines == 0) {
            return fallback;
        }
        if (tabLines > spaceLines) {
            return new IndentStyle(true, fallback.width());
        }
        int best = fallback.width();
        int bestCount = 0;
        for (int w : new int[] {2, 4, 8, 3}) {
            int count = deltas[w];
            if (w == 3) {
                count /= 2;
            }
            if (count > bestCount) {
                best = w;
                bestCount = count;
            }
        }
        return new IndentStyle(false, best);
    }
}
