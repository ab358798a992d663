package dev.symphony.editor.syntax;

import java.util.Arrays;

/**
 * The styled runs of one line: run {@code i} starts at UTF-16 offset {@link #start(int)} within the line
 * (run 0 starts at 0) and reaches the next run's start, the last one the line's end. Immutable.
 * Style ids index {@link Theme#style(int)} of the theme the session had when it made this value.
 */
public final class LineStyles {

    static final LineStyles EMPTY = new LineStyles(new int[] {0, 0});

    /** start0, style0, start1, style1, … */
    private final int[] runs;

    LineStyles(int[] runs) {
        this.runs = runs;
    }

    public int size() {
        return runs.length >>> 1;
    }

    public int start(int i) {
        return runs[i << 1];
    }

    public int styleId(int i) {
        return runs[(i << 1) + 1];
    }

    /** The style id at UTF-16 offset {@code column} of the line. */
    public int styleAt(int column) {
        int lo = 0;
        int hi = size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start(mid) <= column) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return styleId(lo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineStyles other && Arrays.equals(runs, other.runs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(runs);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LineStyles[");
        for (int i = 0; i < size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(start(i)).append(':').append(styleId(i));
        }
        return sb.append(']').toString();
    }
}
