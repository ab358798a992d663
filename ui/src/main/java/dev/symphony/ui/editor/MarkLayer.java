package dev.symphony.ui.editor;

import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/** Paints {@link BackgroundMarks} for the visible lines: one {@link Path} per fill, rebuilt each layout. */
final class MarkLayer {
    private static final double RULE = 2;
    private final Group group = new Group();
    private BackgroundMarks marks = BackgroundMarks.NONE;

    Group node() {
        return group;
    }

    void set(BackgroundMarks marks) {
        this.marks = marks == null ? BackgroundMarks.NONE : marks;
    }

    void paint(EditorView view, Rope rope) {
        if (marks.lines().isEmpty() && marks.texts().isEmpty()) {
            group.getChildren().clear();
            return;
        }
        Map<Paint, List<PathElement>> shapes = new LinkedHashMap<>();
        int n = view.shownSlots();
        if (n > 0) {
            int first = view.shownSlot(0).line;
            int last = view.shownSlot(n - 1).line;
            double width = view.textWidth() + 2 * view.scrollX();
            double lh = view.metrics().lineHeight();
            List<BackgroundMarks.LineBand> bands = marks.lines();
            for (int i = firstBand(bands, first); i < bands.size() && bands.get(i).line() <= last + 1; i++) {
                BackgroundMarks.LineBand b = bands.get(i);
                List<PathElement> out = shapes.computeIfAbsent(b.fill(), f -> new ArrayList<>());
                if (b.count() == 0) {
                    LineSlot at = view.slotOf(b.line());
                    LineSlot above = view.slotOf(b.line() - 1);
                    double y = at != null ? at.group.getLayoutY()
                            : above != null ? above.group.getLayoutY() + above.rows() * lh : Double.NaN;
                    if (!Double.isNaN(y)) {
                        LineSlot.rect(out, 0, y - RULE / 2, width, RULE);
                    }
                    continue;
                }
                for (int line = Math.max(first, b.line()); line < b.line() + b.count() && line <= last; line++) {
                    LineSlot slot = view.slotOf(line);
                    if (slot != null) {
                        LineSlot.rect(out, 0, slot.group.getLayoutY(), width, slot.rows() * lh);
                    }
                }
            }
            int from = view.shownSlot(0).lineStart;
            int to = rope.lineEnd(Math.min(last, rope.lineCount() - 1));
            List<BackgroundMarks.TextBand> texts = marks.texts();
            for (int i = firstText(texts, from); i < texts.size() && texts.get(i).start() <= to; i++) {
                BackgroundMarks.TextBand t = texts.get(i);
                List<PathElement> out = shapes.computeIfAbsent(t.fill(), f -> new ArrayList<>());
                int start = Math.max(t.start(), from);
                int end = Math.min(t.end(), to);
                for (int line = rope.lineOf(start); line <= rope.lineOf(end); line++) {
                    LineSlot slot = view.slotOf(line);
                    if (slot != null) {
                        int a = Math.max(start, slot.lineStart);
                        int z = Math.min(end, rope.lineEnd(line));
                        view.rangeShape(slot, a, z, z < end, out);
                    }
                }
            }
        }
        List<Path> paths = new ArrayList<>();
        shapes.forEach((fill, elements) -> {
            Path path = new Path(elements);
            path.setStrokeWidth(0);
            path.setFill(fill);
            paths.add(path);
        });
        group.getChildren().setAll(paths);
    }

    /** Index of the first band that reaches line {@code line} or later. */
    private static int firstBand(List<BackgroundMarks.LineBand> bands, int line) {
        int lo = 0;
        int hi = bands.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            BackgroundMarks.LineBand b = bands.get(mid);
            if (b.line() + Math.max(1, b.count()) <= line) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first range ending at or after {@code offset} (ranges are sorted and disjoint). */
    private static int firstText(List<BackgroundMarks.TextBand> texts, int offset) {
        int lo = 0;
        int hi = texts.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (texts.get(mid).end() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    BackgroundMarks marks() {
        return marks;
    }
}
