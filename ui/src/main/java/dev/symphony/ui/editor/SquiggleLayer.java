package dev.symphony.ui.editor;

import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/** Paints {@link Squiggles} on the visible lines: one zigzag {@link Path} per kind, rebuilt each layout. */
final class SquiggleLayer {
    private static final double WAVE = 2;
    private final Group group = new Group();
    private Squiggles squiggles = Squiggles.NONE;

    SquiggleLayer() {
        group.setMouseTransparent(true);
    }

    Group node() {
        return group;
    }

    void set(Squiggles s) {
        squiggles = s == null ? Squiggles.NONE : s;
    }

    Squiggles squiggles() {
        return squiggles;
    }

    void paint(EditorView view, Rope rope) {
        int n = view.shownSlots();
        if (squiggles.items().isEmpty() || n == 0) {
            group.getChildren().clear();
            return;
        }
        int from = view.shownSlot(0).lineStart;
        int to = rope.lineEnd(Math.min(view.shownSlot(n - 1).line, rope.lineCount() - 1));
        Map<Squiggles.Kind, List<PathElement>> shapes = new EnumMap<>(Squiggles.Kind.class);
        List<PathElement> box = new ArrayList<>();
        for (Squiggles.Squiggle s : squiggles.items()) {
            int start = Math.max(s.start(), from);
            int end = Math.min(Math.max(s.end(), Math.min(s.start() + 1, rope.length())), to);
            if (s.start() > to || end < from || start > end) {
                continue;
            }
            List<PathElement> out = shapes.computeIfAbsent(s.kind(), k -> new ArrayList<>());
            for (int line = rope.lineOf(start); line <= rope.lineOf(end); line++) {
                LineSlot slot = view.slotOf(line);
                if (slot != null) {
                    box.clear();
                    int a = Math.max(start, slot.lineStart);
                    int z = Math.max(a, Math.min(end, rope.lineEnd(line)));
                    view.rangeShape(slot, a, z == a ? a : z, false, box);
                    zigzag(box, out, Math.max(4, view.metrics().advance()));
                }
            }
        }
        List<Path> paths = new ArrayList<>();
        shapes.forEach((kind, elements) -> {
            Path p = new Path(elements);
            p.setStroke(kind.color);
            p.setStrokeWidth(1);
            p.setFill(null);
            p.getStyleClass().add("squiggle-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            paths.add(p);
        });
        group.getChildren().setAll(paths);
    }

    /** A zigzag along the bottom of each rectangle in {@code rects} (a range's shape); an empty range gets one character's. */
    private static void zigzag(List<PathElement> rects, List<PathElement> out, double minWidth) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (PathElement e : rects) {
            if (e instanceof MoveTo m) {
                if (minX != Double.MAX_VALUE) {
                    wave(out, minX, maxX, maxY, minWidth);
                    minX = Double.MAX_VALUE;
                    maxX = -Double.MAX_VALUE;
                    maxY = -Double.MAX_VALUE;
                }
                minX = Math.min(minX, m.getX());
                maxX = Math.max(maxX, m.getX());
                maxY = Math.max(maxY, m.getY());
            } else if (e instanceof LineTo l) {
                minX = Math.min(minX, l.getX());
                maxX = Math.max(maxX, l.getX());
                maxY = Math.max(maxY, l.getY());
            }
        }
        if (minX != Double.MAX_VALUE) {
            wave(out, minX, maxX, maxY, minWidth);
        }
    }

    private static void wave(List<PathElement> out, double x0, double x1, double bottom, double minWidth) {
        double end = Math.max(x1, x0 + minWidth);
        double y = bottom - 1;
        out.add(new MoveTo(x0, y));
        boolean up = true;
        for (double x = x0 + WAVE; x <= end; x += WAVE) {
            out.add(new LineTo(x, up ? y - WAVE : y));
            up = !up;
        }
    }
}
