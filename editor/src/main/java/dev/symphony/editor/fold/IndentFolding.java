package dev.symphony.editor.fold;

import dev.symphony.editor.text.Rope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Foldable regions from indentation, as VS Code computes them when a language gives no ranges: a non-blank line
 * starts a region over the lines after it that are indented deeper; the region ends at the last such non-blank line
 * (blank lines inside belong to it, blank lines after it do not). Regions nest or are disjoint.
 */
public final class IndentFolding {
    /** Documents with more lines than this get no indentation regions (one pass over every line per computation). */
    public static final int MAX_LINES = 200_000;

    private IndentFolding() {
    }

    /** The regions of {@code text}, sorted by start line; tabs count to the next multiple of {@code tabSize}. */
    public static List<FoldRegion> regions(Rope text, int tabSize) {
        int lineCount = text.lineCount();
        if (lineCount > MAX_LINES) {
            return List.of();
        }
        List<FoldRegion> out = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>(); // {line, indent}, indents strictly increasing towards the top
        int lastNonBlank = -1;
        for (int line = 0; line < lineCount; line++) {
            int indent = indent(text, line, tabSize);
            if (indent < 0) {
                continue;
            }
            while (!open.isEmpty() && open.peek()[1] >= indent) {
                close(open.pop()[0], lastNonBlank, out);
            }
            open.push(new int[] {line, indent});
            lastNonBlank = line;
        }
        while (!open.isEmpty()) {
            close(open.pop()[0], lastNonBlank, out);
        }
        Collections.sort(out);
        return out;
    }

    private static void close(int start, int end, List<FoldRegion> out) {
        if (end > start) {
            out.add(new FoldRegion(start, end));
        }
    }

    /** The display width of {@code line}'s leading whitespace, or -1 for a blank line. */
    static int indent(Rope text, int line, int tabSize) {
        int start = text.lineStart(line);
        int end = text.lineEnd(line);
        int width = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width = (width / tabSize + 1) * tabSize;
            } else if (c != '\r') {
                return width;
            }
        }
        return -1;
    }
}
