package dev.symphony.ui.problems;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * F8 / Shift+F8: the next (previous) problem after (before) the caret, in the Problems view's order (file, line,
 * column), wrapping around at the end; from the caret's file on to the next files.
 */
public final class ProblemNavigation {
    public static final String NEXT = "editor.action.marker.nextInFiles";
    public static final String PREVIOUS = "editor.action.marker.prevInFiles";

    private ProblemNavigation() {
    }

    /** The problem after (or before, when {@code forward} is false) {@code file}:{@code line}:{@code column}; empty when there is none. */
    public static Optional<Problem> next(List<Problem> sorted, Path file, int line, int column, boolean forward) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        String here = file == null ? "" : file.toString();
        if (forward) {
            for (Problem p : sorted) {
                if (compare(p, here, line, column) > 0) {
                    return Optional.of(p);
                }
            }
            return Optional.of(sorted.get(0));
        }
        for (int i = sorted.size() - 1; i >= 0; i--) {
            if (compare(sorted.get(i), here, line, column) < 0) {
                return Optional.of(sorted.get(i));
            }
        }
        return Optional.of(sorted.get(sorted.size() - 1));
    }

    private static int compare(Problem p, String file, int line, int column) {
        int c = p.file().toString().compareTo(file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(p.line(), line);
        return c != 0 ? c : Integer.compare(p.column(), column);
    }
}
