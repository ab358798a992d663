package dev.symphony.ui.board;

import dev.symphony.ui.board.BoardGraph.BoardEdge;
import dev.symphony.ui.board.BoardGraph.BoardNode;
import dev.symphony.ui.board.BoardGraph.EdgeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Paints the board onto one or more targets at once (the view's tiles, or one canvas): grid, connections, nodes,
 * then what a gesture shows (the moved selection, a box, a connection being drawn). Each connection and node is
 * looked at once and drawn into every target it touches; what touches none is not drawn (culling). The farther out
 * the zoom, the less of each node is drawn (level of detail, {@link NodePainter}). The still picture's background,
 * grid, connections and far and middle node rectangles are painted in pixels ({@link StillPicture}); the drag
 * overlay's few connections are canvas strokes, those of one kind one path per target.
 */
final class BoardPainter {
    /** Below this zoom nodes are plain boxes and connections straight lines. */
    static final double LOD_BOXES = 0.35;
    /** Below this zoom port types and connection labels are left out. */
    static final double LOD_LABELS = 0.7;
    private static final double W = BoardGraph.NODE_WIDTH;
    private static final int STYLES = EdgeKind.values().length * 2;
    static final double DASH_ON = 6;
    static final double DASH_OFF = 4;

    /** What a gesture in progress adds: selected nodes moved by (dx, dy); a box; a connection from a node. */
    record Gesture(double dx, double dy, double[] box, String connectFrom, double connectX, double connectY) {
        static final Gesture NONE = new Gesture(0, 0, null, null, 0, 0);
    }

    /**
     * What to paint: everything; everything but the selection and its connections (the still picture a drag draws
     * over); only the selection and its connections, with the gesture's offset, over that picture.
     */
    enum Layer { ALL, STILL, MOVING }

    /**
     * A surface of {@code width} × {@code height} pixels showing the board with board point (0, 0) at pixel
     * ({@code tx}, {@code ty}) (at the scale given to {@link #paint}).
     */
    record Target(GraphicsContext g, double tx, double ty, double width, double height) {
    }

    /** One connection as drawn this frame: its ends (with a gesture's offset) and what it covers, in board units. */
    record Line(BoardEdge edge, double ax, double ay, double bx, double by, double x0, double y0, double x1,
                        double y1, boolean selected, String value) {
    }

    private final BoardRaster raster = new BoardRaster();
    private int drawnNodes;
    private boolean stillInPixels;

    /** Whether the last paint of the still picture (not the drag overlay) was in pixels, not canvas strokes (HiDPI). */
    boolean stillInPixels() {
        return stillInPixels;
    }

    /** Node drawings in the last paint (a node in two targets counts twice). */
    int drawnNodes() {
        return drawnNodes;
    }

    /** Paints on one canvas of the given size at the view model's viewport. */
    void paint(GraphicsContext g, double width, double height, BoardViewModel vm, BoardColors c, Gesture gesture,
               int selectedEdge, Layer layer) {
        paint(List.of(new Target(g, vm.translateXProperty().get(), vm.translateYProperty().get(), width, height)),
                vm.scaleProperty().get(), vm, c, gesture, selectedEdge, layer);
    }

    void paint(List<Target> targets, double s, BoardViewModel vm, BoardColors c, Gesture gesture, int selectedEdge,
               Layer layer) {
        int n = targets.size();
        double[] area = new double[n * 4]; // each target's board rectangle
        double[] all = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < n; i++) {
            Target t = targets.get(i);
            area[i * 4] = -t.tx() / s;
            area[i * 4 + 1] = -t.ty() / s;
            area[i * 4 + 2] = (t.width() - t.tx()) / s;
            area[i * 4 + 3] = (t.height() - t.ty()) / s;
            all[0] = Math.min(all[0], area[i * 4]);
            all[1] = Math.min(all[1], area[i * 4 + 1]);
            all[2] = Math.max(all[2], area[i * 4 + 2]);
            all[3] = Math.max(all[3], area[i * 4 + 3]);
        }
        BoardGraph graph = vm.graphProperty().get();
        List<List<Line>> styles = lines(graph, vm, s, gesture, selectedEdge, layer, all);
        List<Placed> placed = placed(graph, vm, gesture, layer, all);
        boolean pixels = layer != Layer.MOVING && n > 0 && logicalPixels(targets.get(0).g());
        if (layer != Layer.MOVING) {
            stillInPixels = pixels;
        }
        if (!pixels) { // the drag overlay (transparent, a few nodes) or a HiDPI window: the canvas's own strokes
            for (Target t : targets) {
                GraphicsContext g = t.g();
                if (layer != Layer.MOVING) {
                    g.setTransform(1, 0, 0, 1, 0, 0);
                    g.setFill(c.background());
                    g.fillRect(0, 0, t.width(), t.height());
                    StillPicture.grid(BoardRaster.on(g), t.width(), t.height(), s, t.tx(), t.ty(), c);
                }
                g.setTransform(s, 0, 0, s, t.tx(), t.ty());
            }
            if (s < LOD_BOXES) {
                farLines(targets, area, styles, s, c);
            } else {
                curves(targets, area, styles, s, c);
            }
        } else {
            for (int i = 0; i < n; i++) {
                StillPicture.paint(raster, targets.get(i), area, i, styles, placed, s, c);
            }
        }
        drawnNodes = 0;
        boolean shapesDone = pixels && s < LOD_LABELS; // in the raster: the readable text is left
        boolean glyphs = s >= LOD_BOXES && BoardText.readable(BoardText.TITLE, s);
        for (Placed p : placed) {
            double m = NodePainter.MARGIN;
            for (int i = 0; i < n; i++) {
                if (touches(area, i, p.x() - m, p.y() - m, p.x() + W + m, p.y() + NodePainter.H + m)) {
                    Target t = targets.get(i);
                    drawnNodes++;
                    if (!shapesDone) {
                        NodePainter.node(t.g(), s, t.tx(), t.ty(), p.node(), p.x(), p.y(), c, p.selected(), p.state());
                    } else if (glyphs) {
                        t.g().setTransform(1, 0, 0, 1, 0, 0);
                        NodePainter.glyphs(t.g(), s, t.tx(), t.ty(), p.node(), p.x(), p.y(), c, p.state());
                        t.g().setTransform(s, 0, 0, s, t.tx(), t.ty());
                    }
                    NodePainter.marks(t.g(), s, t.tx(), t.ty(), vm, p.node().id(), p.x(), p.y());
                }
            }
        }
        if (layer != Layer.STILL) {
            for (Target t : targets) {
                overlays(t.g(), graph, gesture, s, c);
            }
        }
    }

    /**
     * Whether a pixel written on {@code g}'s canvas is a pixel on screen: a canvas's pixel writer writes logical
     * pixels, which a window at a render scale other than 1 (HiDPI) would enlarge; there the canvas draws the strokes
     * at its own resolution instead of the raster.
     */
    private static boolean logicalPixels(GraphicsContext g) {
        javafx.scene.Scene scene = g.getCanvas().getScene();
        javafx.stage.Window window = scene == null ? null : scene.getWindow();
        return window == null || window.getRenderScaleX() == 1 && window.getRenderScaleY() == 1;
    }

    /** A node as drawn this frame: where (with a gesture's offset), whether selected, its run state. */
    record Placed(BoardNode node, double x, double y, boolean selected, BoardViewModel.NodeState state) {
    }

    /** The nodes of {@code layer} that touch {@code all}, in the file's order (later ones drawn over earlier ones). */
    private static List<Placed> placed(BoardGraph graph, BoardViewModel vm, Gesture gesture, Layer layer, double[] all) {
        List<Placed> out = new ArrayList<>();
        Set<String> selected = vm.selection();
        Map<String, BoardViewModel.NodeState> states = vm.states();
        double m = NodePainter.MARGIN;
        for (BoardNode node : graph.nodes()) {
            boolean sel = selected.contains(node.id());
            if (layer != Layer.ALL && sel != (layer == Layer.MOVING)) {
                continue;
            }
            double nx = node.x() + (sel ? gesture.dx() : 0);
            double ny = node.y() + (sel ? gesture.dy() : 0);
            if (touches(all, 0, nx - m, ny - m, nx + W + m, ny + NodePainter.H + m)) {
                out.add(new Placed(node, nx, ny, sel, states.isEmpty() ? null : states.get(node.id())));
            }
        }
        return out;
    }

    /** Only what a gesture adds (a box, a connection being drawn), on a transparent canvas over the board. */
    void paintGesture(GraphicsContext g, double width, double height, BoardViewModel vm, BoardColors c, Gesture gesture) {
        double s = vm.scaleProperty().get();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, width, height);
        g.setTransform(s, 0, 0, s, vm.translateXProperty().get(), vm.translateYProperty().get());
        overlays(g, vm.graphProperty().get(), gesture, s, c);
    }

    static boolean touches(double[] area, int i, double x0, double y0, double x1, double y1) {
        return x1 >= area[i * 4] && x0 <= area[i * 4 + 2] && y1 >= area[i * 4 + 1] && y0 <= area[i * 4 + 3];
    }

    /** The connections that touch {@code all}, by style (kind, then selected or not). */
    private static List<List<Line>> lines(BoardGraph graph, BoardViewModel vm, double s, Gesture gesture,
                                          int selectedEdge, Layer layer, double[] all) {
        List<List<Line>> styles = new ArrayList<>(STYLES);
        for (int i = 0; i < STYLES; i++) {
            styles.add(new ArrayList<>());
        }
        Set<String> selected = vm.selection();
        Map<String, String> values = s >= LOD_LABELS ? vm.overlays().values() : Map.of();
        boolean far = s < LOD_BOXES;
        for (BoardEdge e : graph.edges()) {
            BoardNode a = graph.node(e.from());
            BoardNode b = graph.node(e.to());
            if (a == null || b == null) {
                continue;
            }
            boolean moving = selected.contains(a.id()) || selected.contains(b.id());
            if (layer != Layer.ALL && moving != (layer == Layer.MOVING)) {
                continue;
            }
            double ax = a.outX() + (selected.contains(a.id()) ? gesture.dx() : 0);
            double ay = a.portY() + (selected.contains(a.id()) ? gesture.dy() : 0);
            double bx = b.x() + (selected.contains(b.id()) ? gesture.dx() : 0);
            double by = b.portY() + (selected.contains(b.id()) ? gesture.dy() : 0);
            double bend = far ? 0 : Math.max(40, Math.abs(bx - ax) / 2);
            double x0 = Math.min(ax, bx - bend) - 10;
            double x1 = Math.max(ax + bend, bx) + 10;
            double y0 = Math.min(ay, by) - 10;
            double y1 = Math.max(ay, by) + 10;
            String value = values.isEmpty() ? null : values.get(e.from());
            if (!far && (value != null || (e.label() != null && s >= LOD_LABELS))) { // the label above, the value below
                double mx = (ax + bx) / 2;
                double my = (ay + by) / 2;
                x0 = Math.min(x0, mx - 130);
                x1 = Math.max(x1, mx + 130);
                y0 = Math.min(y0, my - 18);
                y1 = Math.max(y1, my + 20);
            }
            if (x1 < all[0] || x0 > all[2] || y1 < all[1] || y0 > all[3]) {
                continue;
            }
            boolean sel = e.index() == selectedEdge;
            styles.get(e.kind().ordinal() * 2 + (sel ? 1 : 0)).add(new Line(e, ax, ay, bx, by, x0, y0, x1, y1, sel, value));
        }
        return styles;
    }

    /** Far out: every connection a straight line, all of them one path per target, one stroke. */
    private static void farLines(List<Target> targets, double[] area, List<List<Line>> styles, double s, BoardColors c) {
        for (int i = 0; i < targets.size(); i++) {
            GraphicsContext g = targets.get(i).g();
            g.beginPath();
            for (List<Line> style : styles) {
                for (Line l : style) {
                    if (touches(area, i, l.x0(), l.y0(), l.x1(), l.y1())) {
                        g.moveTo(l.ax(), l.ay());
                        g.lineTo(l.bx(), l.by());
                    }
                }
            }
            g.setStroke(c.edge());
            g.setLineWidth(1 / s);
            g.stroke();
        }
    }

    /** Curves with arrowheads, one stroke (and one fill of the heads) per style and target; then labels and values. */
    private static void curves(List<Target> targets, double[] area, List<List<Line>> styles, double s, BoardColors c) {
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            GraphicsContext g = t.g();
            for (List<Line> style : styles) {
                if (style.isEmpty()) {
                    continue;
                }
                Line first = style.get(0);
                Color color = strokeColor(first, c);
                boolean any = false;
                for (Line l : style) {
                    if (touches(area, i, l.x0(), l.y0(), l.x1(), l.y1())) {
                        if (!any) {
                            any = true;
                            g.beginPath();
                        }
                        double bend = Math.max(40, Math.abs(l.bx() - l.ax()) / 2);
                        g.moveTo(l.ax(), l.ay());
                        g.bezierCurveTo(l.ax() + bend, l.ay(), l.bx() - bend, l.by(), l.bx(), l.by());
                    }
                }
                if (!any) {
                    continue;
                }
                g.setStroke(color);
                g.setLineWidth(strokeWidth(first, s));
                g.setLineDashes(dashed(first.edge().kind()) ? new double[] {DASH_ON, DASH_OFF} : null);
                g.stroke();
                g.setLineDashes(null);
                g.beginPath();
                for (Line l : style) {
                    if (touches(area, i, l.x0(), l.y0(), l.x1(), l.y1())) {
                        g.moveTo(l.bx(), l.by());
                        g.lineTo(l.bx() - 8, l.by() - 4);
                        g.lineTo(l.bx() - 8, l.by() + 4);
                        g.closePath();
                    }
                }
                g.setFill(color);
                g.fill();
            }
            labels(t, area, i, styles, s, c);
        }
    }

    /** The labels and values of the connections that touch target {@code i}. */
    static void labels(Target t, double[] area, int i, List<List<Line>> styles, double s, BoardColors c) {
        for (List<Line> style : styles) {
            for (Line l : style) {
                if ((l.value() != null || l.edge().label() != null) && touches(area, i, l.x0(), l.y0(), l.x1(), l.y1())) {
                    labels(t, l, s, c);
                }
            }
        }
    }

    /** The stroke width of a style (its first connection), in board units: never under 0.75 pixels' width. */
    static double strokeWidth(Line first, double s) {
        return (first.selected() ? 3 : first.edge().kind() == EdgeKind.PARALLEL ? 2 : 1.5) / Math.max(s, 0.5);
    }

    /** Soft and conditional connections are dashed ({@link #DASH_ON}, {@link #DASH_OFF} board units). */
    static boolean dashed(EdgeKind kind) {
        return kind == EdgeKind.SOFT || kind == EdgeKind.CONDITIONAL;
    }

    /** A style's colour: the selection's for the selected connection, else its kind's. */
    static Color strokeColor(Line first, BoardColors c) {
        return first.selected() ? c.selection() : color(first.edge().kind(), c);
    }

    static Color color(EdgeKind kind, BoardColors c) {
        return switch (kind) {
            case PARALLEL -> c.edgeParallel();
            case CONDITIONAL -> c.edgeConditional();
            case LOOP -> c.edgeLoop();
            case SOFT -> c.edgeSoft();
            default -> c.edge();
        };
    }

    /** A connection's label (its condition or bound) above its middle, and the value it carried below. */
    private static void labels(Target t, Line l, double s, BoardColors c) {
        GraphicsContext g = t.g();
        double mx = (l.ax() + l.bx()) / 2;
        double my = (l.ay() + l.by()) / 2;
        BoardEdge e = l.edge();
        if (e.label() != null && s >= LOD_LABELS) {
            String label = (e.kind() == EdgeKind.CONDITIONAL ? "if " : "") + e.label();
            BoardText.draw(g, s, t.tx(), t.ty(), NodePainter.clip(label, 40), mx, my - 3, BoardText.SMALL,
                    color(e.kind(), c), TextAlignment.CENTER, VPos.BOTTOM);
        }
        if (l.value() != null) {
            double w = Math.min(l.value().length(), BoardOverlays.EDGE_VALUE_CHARS) * 5.6 + 8;
            g.setFill(c.nodeFill());
            g.fillRoundRect(mx - w / 2, my + 2, w, 14, 6, 6);
            g.setStroke(c.nodeBorder());
            g.setLineWidth(0.75);
            g.strokeRoundRect(mx - w / 2, my + 2, w, 14, 6, 6);
            BoardText.draw(g, s, t.tx(), t.ty(), l.value(), mx, my + 9, BoardText.SMALL, c.text(), TextAlignment.CENTER,
                    VPos.CENTER);
        }
    }

    private static void overlays(GraphicsContext g, BoardGraph graph, Gesture gesture, double s, BoardColors c) {
        if (gesture.box() != null) {
            double[] b = gesture.box();
            g.setFill(c.selection().deriveColor(0, 1, 1, 0.12));
            g.setStroke(c.selection());
            g.setLineWidth(1 / s);
            double x = Math.min(b[0], b[2]);
            double y = Math.min(b[1], b[3]);
            g.fillRect(x, y, Math.abs(b[2] - b[0]), Math.abs(b[3] - b[1]));
            g.strokeRect(x, y, Math.abs(b[2] - b[0]), Math.abs(b[3] - b[1]));
        }
        if (gesture.connectFrom() != null) {
            BoardNode a = graph.node(gesture.connectFrom());
            if (a != null) {
                g.setStroke(c.selection());
                g.setLineWidth(2 / s);
                g.setLineDashes(4 / s, 4 / s);
                g.strokeLine(a.outX(), a.portY(), gesture.connectX(), gesture.connectY());
                g.setLineDashes(null);
            }
        }
    }
}
