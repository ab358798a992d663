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
    /** At most this many regions, the outer ones kept first (VS Code's {@code editor.foldingMaximumRegions}). */
    public static final int MAX_REGIONS = 5000;

    private IndentFolding() {
    }

    /** The regions of {@code text}, sorted by start line; tabs count to the next multiple of {@code tabSize}. */
    public static List<FoldRegion> regions(Rope text, int tabSize) {
        if (text.lineCount() > MAX_LINES) {
            return List.of();
        }
        int[] indents = indents(text, tabSize);
        List<FoldRegion> out = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>(); // {line, indent}, indents strictly increasing towards the top
        int lastNonBlank = -1;
        for (int line = 0; line < indents.length; line++) {
            int indent = indents[line];
            if (indent < 0) {
                continue;
            }
            while (!open.isEmpty() && open.peek()[1] >= indent) {
                close(open.pop()[0], lastNonBlank, open.size(), out, depths);
            }
            open.push(new int[] {line, indent});
            lastNonBlank = line;
        }
        while (!open.isEmpty()) {
            close(open.pop()[0], lastNonBlank, open.size(), out, depths);
        }
        return outermost(out, depths);
    }

    private static void close(int start, int end, int depth, List<FoldRegion> out, List<Integer> depths) {
        if (end > start) {
            out.add(new FoldRegion(start, end));
            depths.add(depth);
        }
    }

    /**
     * The regions sorted; over {@value #MAX_REGIONS}, the outer levels whole and of the first level that does not fit
     * whole, its first regions in the text.
     */
    private static List<FoldRegion> outermost(List<FoldRegion> regions, List<Integer> depths) {
        if (regions.size() <= MAX_REGIONS) {
            Collections.sort(regions);
            return regions;
        }
        int[] perDepth = new int[regions.size() + 1];
        depths.forEach(d -> perDepth[d]++);
        int kept = 0;
        int whole = -1; // the deepest level kept whole
        while (kept + perDepth[whole + 1] <= MAX_REGIONS) {
            kept += perDepth[++whole];
        }
        List<FoldRegion> out = new ArrayList<>(MAX_REGIONS);
        List<FoldRegion> partial = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            int depth = depths.get(i);
            if (depth <= whole) {
                out.add(regions.get(i));
            } else if (depth == whole + 1) {
                partial.add(regions.get(i));
            }
        }
        Collections.sort(partial);
        out.addAll(partial.subList(0, MAX_REGIONS - kept));
        Collections.sort(out);
        return out;
    }

    /** Each line's indentation width, -1 for a blank line: one pass over the rope's chunks (LF, CR and CR LF end a line, as in the rope). */
    static int[] indents(Rope text, int tabSize) {
        int[] out = new int[text.lineCount()];
        int line = 0;
        int width = 0;
        boolean leading = true; // still in the line's leading whitespace
        boolean afterCr = false;
        for (String chunk : text.chunks()) {
            for (int i = 0; i < chunk.length(); i++) {
                char c = chunk.charAt(i);
                if (c == '\n' && afterCr) {
                    afterCr = false; // CR LF: one line break, counted at the CR
                    continue;
                }
                afterCr = c == '\r';
                if (c == '\n' || c == '\r') {
                    if (leading) {
                        out[line] = -1;
                    }
                    line++;
                    width = 0;
                    leading = true;
                } else if (leading) {
                    if (c == ' ') {
                        width++;
                    } else if (c == '\t') {
                        width = (width / tabSize + 1) * tabSize;
                    } else {
                        out[line] = width;
                        leading = false;
                    }
                }
            }
        }
        if (leading && line < out.length) {
            out[line] = -1;
        }
        return out;
    }
}
