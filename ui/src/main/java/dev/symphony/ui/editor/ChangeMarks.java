package dev.symphony.ui.editor;

import dev.symphony.editor.file.LineDiff;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * Change markers in the gutter (a source-control extension's quick diff): lines added, modified or deleted against an
 * original text, sorted by line. A deletion has no lines of its own: it is drawn at the top of {@code line} (at the
 * bottom of the last line when {@code line} is past it).
 */
public record ChangeMarks(List<Mark> items) {
    public static final ChangeMarks NONE = new ChangeMarks(List.of());

    public enum Kind {
        ADDED(Color.web("#48985d")), MODIFIED(Color.web("#2090d3")), DELETED(Color.web("#e51400"));

        final Color color;

        Kind(Color color) {
            this.color = color;
        }
    }

    /** Lines {@code [line, line + count)} of the current text ({@code count} 0 for a deletion before {@code line}). */
    public record Mark(int line, int count, Kind kind) {
    }

    public ChangeMarks {
        items = List.copyOf(items);
    }

    /** The marks of a line diff from the original (A) to the current text (B), as VS Code's quick diff draws them. */
    public static ChangeMarks of(LineDiff diff) {
        List<Mark> out = new ArrayList<>();
        for (LineDiff.Hunk h : diff.hunks()) {
            Kind kind = h.countA() == 0 ? Kind.ADDED : h.countB() == 0 ? Kind.DELETED : Kind.MODIFIED;
            out.add(new Mark(h.fromB(), h.countB(), kind));
        }
        return new ChangeMarks(out);
    }

    /** The kind of mark on {@code line} (a deletion counts on the line it is drawn above), or null. */
    public Kind at(int line) {
        for (Mark m : items) {
            if (m.count() == 0 ? m.line() == line : line >= m.line() && line < m.line() + m.count()) {
                return m.kind();
            }
        }
        return null;
    }

    /** Lines marked of one kind (deletions: one each). */
    public int count(Kind kind) {
        return items.stream().filter(m -> m.kind() == kind).mapToInt(m -> Math.max(1, m.count())).sum();
    }
}
