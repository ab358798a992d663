package dev.symphony.ui.editor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/**
 * Paints {@link ChangeMarks} at the gutter's left edge for the visible lines: a bar beside added (green) and modified
 * (blue) lines, a red wedge where lines were deleted. One {@link Path} per kind, rebuilt each layout from the marks
 * that meet the screen only (a binary search), so a file with thousands of changes costs what the visible ones cost.
 */
final class ChangeMarkLayer {
    private static final double BAR = 3;
    private static final double WEDGE = 4;
    private final Group group = new Group();
    private ChangeMarks marks = ChangeMarks.NONE;

    ChangeMarkLayer() {
        group.setMouseTransparent(true);
    }

    Group node() {
        return group;
    }

    void set(ChangeMarks m) {
        marks = m == null ? ChangeMarks.NONE : m;
    }

    ChangeMarks marks() {
        return marks;
    }

    void paint(EditorView view) {
        int n = view.shownSlots();
        if (marks.items().isEmpty() || n == 0) {
            group.getChildren().clear();
            return;
        }
        int first = view.shownSlot(0).line;
        int last = view.shownSlot(n - 1).line;
        double lh = view.metrics().lineHeight();
        Map<ChangeMarks.Kind, List<PathElement>> shapes = new EnumMap<>(ChangeMarks.Kind.class);
        List<ChangeMarks.Mark> items = marks.items();
        for (int i = firstMeeting(items, first); i < items.size() && items.get(i).line() <= last + 1; i++) {
            ChangeMarks.Mark m = items.get(i);
            List<PathElement> out = shapes.computeIfAbsent(m.kind(), k -> new ArrayList<>());
            if (m.count() == 0) {
                LineSlot at = view.slotOf(m.line());
                LineSlot above = view.slotOf(m.line() - 1);
                double y = at != null ? at.group.getLayoutY() : above != null ? above.group.getLayoutY() + above.rows() * lh : Double.NaN;
                if (!Double.isNaN(y)) {
                    out.add(new MoveTo(0, y - WEDGE));
                    out.add(new LineTo(WEDGE, y));
                    out.add(new LineTo(0, y + WEDGE));
                    out.add(new ClosePath());
                }
                continue;
            }
            for (int line = Math.max(first, m.line()); line < m.line() + m.count() && line <= last; line++) {
                LineSlot slot = view.slotOf(line);
                if (slot != null) {
                    LineSlot.rect(out, 0, slot.group.getLayoutY(), BAR, slot.rows() * lh);
                }
            }
        }
        List<Path> paths = new ArrayList<>();
        shapes.forEach((kind, elements) -> {
            Path p = new Path(elements);
            p.setStrokeWidth(0);
            p.setFill(kind.color);
            p.getStyleClass().add("change-mark-" + kind.name().toLowerCase(Locale.ROOT));
            paths.add(p);
        });
        group.getChildren().setAll(paths);
    }

    /** Index of the first mark ending at or after {@code line} (a deletion ends where it is drawn). */
    private static int firstMeeting(List<ChangeMarks.Mark> items, int line) {
        int lo = 0;
        int hi = items.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            ChangeMarks.Mark m = items.get(mid);
            if (m.line() + Math.max(1, m.count()) <= line) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
