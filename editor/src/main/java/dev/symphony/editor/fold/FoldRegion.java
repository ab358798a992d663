package dev.symphony.editor.fold;

/**
 * Lines {@code startLine..endLine} (0-based, inclusive) that fold into their first line: folded, the lines after
 * {@code startLine} are hidden.
 */
public record FoldRegion(int startLine, int endLine) implements Comparable<FoldRegion> {
    public FoldRegion {
        if (startLine < 0 || endLine <= startLine) {
            throw new IllegalArgumentException("a fold region spans at least two lines: " + startLine + ".." + endLine);
        }
    }

    public boolean contains(int line) {
        return line >= startLine && line <= endLine;
    }

    /** Whether {@code line} is one of the lines hidden when this region is folded. */
    public boolean hides(int line) {
        return line > startLine && line <= endLine;
    }

    /** By start line, the outer (longer) region first. */
    @Override
    public int compareTo(FoldRegion o) {
        return startLine != o.startLine ? Integer.compare(startLine, o.startLine) : Integer.compare(o.endLine, endLine);
    }
}
