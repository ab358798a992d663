package dev.symphony.ui.lsp;

import dev.symphony.contract.protocol.WorkbenchProtocol;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.editor.Squiggles;
import dev.symphony.ui.problems.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One document's diagnostics from one extension as offsets in the text shown now: placed from the positions of the
 * version they were computed for, then moved through every edit since (typing before a squiggle pushes it along;
 * deleting its text shrinks it to nothing, where it stays until the server publishes again). JavaFX thread only.
 */
final class AnchoredDiagnostics {
    private record Anchor(int start, int end, Squiggles.Kind kind, String message) {
    }

    private List<Anchor> anchors = List.of();

    /** Places {@code items} (1-based positions in {@code text}), then maps them through {@code since}, in order. */
    void place(List<WorkbenchProtocol.Diagnostic> items, Rope text, List<ChangeSet> since) {
        List<Anchor> out = new ArrayList<>();
        for (WorkbenchProtocol.Diagnostic d : items) {
            int start = offset(text, d.line(), d.column());
            int end = Math.max(start, offset(text, d.endLine(), d.endColumn()));
            out.add(new Anchor(start, end, kind(d.severity()), d.message()));
        }
        anchors = out;
        since.forEach(this::map);
    }

    void map(ChangeSet change) {
        if (anchors.isEmpty() || change.isEmpty()) {
            return;
        }
        List<Anchor> out = new ArrayList<>(anchors.size());
        for (Anchor a : anchors) {
            int start = change.map(a.start, true);
            int end = Math.max(start, change.map(a.end, false));
            out.add(new Anchor(start, end, a.kind, a.message));
        }
        anchors = out;
    }

    boolean isEmpty() {
        return anchors.isEmpty();
    }

    Squiggles squiggles() {
        List<Squiggles.Squiggle> s = new ArrayList<>();
        for (Anchor a : anchors) {
            s.add(new Squiggles.Squiggle(a.start, a.end, a.kind, a.message));
        }
        s.sort(Comparator.comparingInt(Squiggles.Squiggle::start));
        return new Squiggles(s);
    }

    /** The Problems view's entries, at the anchors' current lines and columns in {@code text}. */
    List<Problem> problems(Path file, Rope text, String source) {
        List<Problem> out = new ArrayList<>();
        for (Anchor a : anchors) {
            int at = Math.min(a.start, text.length());
            int line = text.lineOf(at);
            out.add(new Problem(file, line + 1, at - text.lineStart(line) + 1,
                    "[" + a.kind.name().toLowerCase(Locale.ROOT) + "] " + a.message + " (" + source + ")"));
        }
        return out;
    }

    /** A 1-based line and column as an offset; past a line's end means its end, past the last line the text's end. */
    static int offset(Rope text, int line, int column) {
        if (line - 1 >= text.lineCount()) {
            return text.length();
        }
        int start = text.lineStart(line - 1);
        return Math.min(start + column - 1, text.lineEnd(line - 1));
    }

    static Squiggles.Kind kind(String severity) {
        return switch (severity == null ? "" : severity) {
            case "warning" -> Squiggles.Kind.WARNING;
            case "info", "information" -> Squiggles.Kind.INFO;
            case "hint" -> Squiggles.Kind.HINT;
            default -> Squiggles.Kind.ERROR;
        };
    }
}
