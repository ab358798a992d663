package dev.symphony.ui.board;

import dev.symphony.ui.board.BoardGraph.BoardEdge;
import dev.symphony.ui.board.BoardGraph.BoardNode;
import dev.symphony.ui.board.BoardGraph.EdgeKind;
import java.util.Map;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints the board on a canvas: grid, connections, nodes, then what a gesture shows (the moved selection, a box,
 * a connection being drawn). Only what intersects the viewport is painted (culling), and the farther out the
 * zoom, the less of each node is drawn (level of detail: full nodes with ports and labels; boxes with titles;
 * plain boxes and straight lines).
 */
final class BoardPainter {
    /** Below this zoom nodes are plain boxes and connections straight lines. */
    static final double LOD_BOXES = 0.35;
    /** Below this zoom port types and connection labels are left out. */
    static final double LOD_LABELS = 0.7;
    private static final Font TITLE = Font.font("System", 13);
    private static final Font SMALL = Font.font("System", 10.5);
    private static final double W = BoardGraph.NODE_WIDTH;
    private static final double H = BoardGraph.NODE_HEIGHT;

    /** What a gesture in progress adds: selected nodes moved by (dx, dy); a box; a connection from a node. */
    record Gesture(double dx, double dy, double[] box, String connectFrom, double connectX, double connectY) {
        static final Gesture NONE = new Gesture(0, 0, null, null, 0, 0);
    }

    /**
     * What to paint: everything; everything but the selection and its connections (the still picture a drag draws
     * over); only the selection and its connections, with the gesture's offset, over that picture.
     */
    enum Layer { ALL, STILL, MOVING }

    private int drawnNodes;

    /** Nodes drawn in the last frame (culling at work). */
    int drawnNodes() {
        return drawnNodes;
    }

    void paint(GraphicsContext g, double width, double height, BoardViewModel vm, BoardColors c, Gesture gesture,
               int selectedEdge) {
        paint(g, width, height, vm, c, gesture, selectedEdge, Layer.ALL);
    }

    void paint(GraphicsContext g, double width, double height, BoardViewModel vm, BoardColors c, Gesture gesture,
               int selectedEdge, Layer layer) {
        double s = vm.scaleProperty().get();
        double tx = vm.translateXProperty().get();
        double ty = vm.translateYProperty().get();
        g.setTransform(1, 0, 0, 1, 0, 0);
        if (layer != Layer.MOVING) {
            g.setFill(c.background());
            g.fillRect(0, 0, width, height);
            grid(g, width, height, s, tx, ty, c);
        }
        g.setTransform(s, 0, 0, s, tx, ty);
        double x0 = -tx / s - W;
        double y0 = -ty / s - H;
        double x1 = (width - tx) / s;
        double y1 = (height - ty) / s;
        BoardGraph graph = vm.graphProperty().get();
        Set<String> selected = vm.selection();
        Map<String, String> values = vm.overlays().values();
        boolean far = s < LOD_BOXES;
        if (far) { // far out: every connection a straight line in one path, one stroke
            g.beginPath();
            g.setStroke(c.edge());
            g.setLineWidth(1 / s);
        }
        for (BoardEdge e : graph.edges()) {
            BoardNode a = graph.node(e.from());
            BoardNode b = graph.node(e.to());
            if (a == null || b == null) {
                continue;
            }
            if (layer != Layer.ALL && (selected.contains(a.id()) || selected.contains(b.id())) != (layer == Layer.MOVING)) {
                continue;
            }
            double ax = a.outX() + (selected.contains(a.id()) ? gesture.dx() : 0);
            double ay = a.portY() + (selected.contains(a.id()) ? gesture.dy() : 0);
            double bx = b.x() + (selected.contains(b.id()) ? gesture.dx() : 0);
            double by = b.portY() + (selected.contains(b.id()) ? gesture.dy() : 0);
            if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 + W || Math.max(ay, by) < y0 || Math.min(ay, by) > y1 + H) {
                continue;
            }
            if (far) {
                g.moveTo(ax, ay);
                g.lineTo(bx, by);
            } else {
                edge(g, e, ax, ay, bx, by, s, c, e.index() == selectedEdge);
                String value = s >= LOD_LABELS ? values.get(e.from()) : null;
                if (value != null) {
                    edgeValue(g, value, (ax + bx) / 2, (ay + by) / 2, c);
                }
            }
        }
        if (far) {
            g.stroke();
        }
        if (layer != Layer.MOVING) {
            drawnNodes = 0;
        }
        Map<String, BoardViewModel.NodeState> states = vm.states();
        for (BoardNode n : graph.nodes()) {
            boolean sel = selected.contains(n.id());
            if (layer != Layer.ALL && sel != (layer == Layer.MOVING)) {
                continue;
            }
            double nx = n.x() + (sel ? gesture.dx() : 0);
            double ny = n.y() + (sel ? gesture.dy() : 0);
            if (nx < x0 || nx > x1 || ny < y0 || ny > y1) {
                continue;
            }
            drawnNodes++;
            node(g, n, nx, ny, s, c, sel, states.get(n.id()));
            if (vm.breakpoints().contains(n.id())) {
                g.setFill(BoardColors.BREAKPOINT);
                g.fillOval(nx - 6, ny - 6, 12, 12);
            }
            marks(g, vm.overlays(), n.id(), nx, ny, s);
        }
        if (layer != Layer.STILL) {
            overlays(g, graph, gesture, s, c);
        }
    }

    private static void grid(GraphicsContext g, double width, double height, double s, double tx, double ty, BoardColors c) {
        double step = BoardViewModel.GRID * s;
        if (step < 6) {
            step *= 5; // the minor grid would be noise: show the major lines only
            if (step < 6) {
                return;
            }
        }
        g.setLineWidth(1);
        for (int major = 0; major < 2; major++) { // one path per colour: two strokes, not one per line
            g.beginPath();
            int first = (int) Math.floor(-tx / step);
            for (double x = tx + first * step; x < width; x += step) {
                if ((Math.round((x - tx) / step) % 5 == 0) == (major == 1)) {
                    g.moveTo(Math.floor(x) + 0.5, 0);
                    g.lineTo(Math.floor(x) + 0.5, height);
                }
            }
            first = (int) Math.floor(-ty / step);
            for (double y = ty + first * step; y < height; y += step) {
                if ((Math.round((y - ty) / step) % 5 == 0) == (major == 1)) {
                    g.moveTo(0, Math.floor(y) + 0.5);
                    g.lineTo(width, Math.floor(y) + 0.5);
                }
            }
            g.setStroke(major == 1 ? c.gridMajor() : c.gridMinor());
            g.stroke();
        }
    }

    private static void edge(GraphicsContext g, BoardEdge e, double ax, double ay, double bx, double by, double s,
                             BoardColors c, boolean selected) {
        Color color = switch (e.kind()) {
            case PARALLEL -> c.edgeParallel();
            case CONDITIONAL -> c.edgeConditional();
            case LOOP -> c.edgeLoop();
            case SOFT -> c.edgeSoft();
            default -> c.edge();
        };
        g.setStroke(selected ? c.selection() : color);
        g.setLineWidth((selected ? 3 : e.kind() == EdgeKind.PARALLEL ? 2 : 1.5) / Math.max(s, 0.5));
        g.setLineDashes(e.kind() == EdgeKind.SOFT || e.kind() == EdgeKind.CONDITIONAL ? new double[] {6, 4} : null);
        double bend = Math.max(40, Math.abs(bx - ax) / 2);
        g.beginPath();
        g.moveTo(ax, ay);
        g.bezierCurveTo(ax + bend, ay, bx - bend, by, bx, by);
        g.stroke();
        g.setFill(g.getStroke());
        g.fillPolygon(new double[] {bx, bx - 8, bx - 8}, new double[] {by, by - 4, by + 4}, 3);
        g.setLineDashes(null);
        if (e.label() != null && s >= LOD_LABELS) {
            g.setFont(SMALL);
            g.setFill(color);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            String label = (e.kind() == EdgeKind.CONDITIONAL ? "if " : "") + e.label();
            g.fillText(label.length() > 40 ? label.substring(0, 39) + "…" : label, (ax + bx) / 2, (ay + by) / 2 - 3);
        }
    }

    private static void node(GraphicsContext g, BoardNode n, double x, double y, double s, BoardColors c, boolean selected,
                             BoardViewModel.NodeState state) {
        Color kind = BoardColors.kind(n.type());
        if (s < LOD_BOXES) {
            g.setFill(selected ? c.selection() : kind);
            g.fillRect(x, y, W, H);
            if (state != null) {
                g.setFill(BoardColors.state(state));
                g.fillRect(x, y + H - 14, W, 14);
            }
            return;
        }
        g.setFill(c.nodeFill());
        g.fillRoundRect(x, y, W, H, 10, 10);
        g.setFill(kind);
        g.fillRoundRect(x, y, 6, H, 6, 6);
        g.setStroke(selected ? c.selection() : state != null ? BoardColors.state(state) : c.nodeBorder());
        g.setLineWidth(selected || state != null ? 2.5 : 1);
        g.strokeRoundRect(x, y, W, H, 10, 10);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(SMALL);
        g.setFill(kind);
        g.fillText(n.type().toUpperCase(java.util.Locale.ROOT), x + 14, y + 7);
        if (state != null) {
            g.setFill(BoardColors.state(state));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(state.label(), x + W - 10, y + 7);
            g.setTextAlign(TextAlignment.LEFT);
        } else if (n.outType() != null && s >= LOD_LABELS) { // the output port's type, in the header's free corner
            g.setFill(c.subtext());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(n.outType() + " ▸", x + W - 10, y + 7);
            g.setTextAlign(TextAlignment.LEFT);
        }
        g.setFont(TITLE);
        g.setFill(c.text());
        g.fillText(clip(n.title(), 24), x + 14, y + 22);
        if (s >= LOD_LABELS) {
            g.setFont(SMALL);
            g.setFill(c.subtext());
            g.fillText(clip(n.detail(), 30), x + 14, y + 42);
        }
        port(g, n.inType(), x, y + H / 2, c);
        port(g, n.outType(), x + W, y + H / 2, c);
    }

    /** A pinned node's badge and a version diff's outline (added green, changed amber, moved purple). */
    private static void marks(GraphicsContext g, BoardOverlays o, String id, double x, double y, double s) {
        BoardOverlays.DiffMark mark = o.diff().isEmpty() ? null : o.diff().get(id);
        if (mark != null) {
            g.setStroke(switch (mark) {
                case ADDED -> BoardColors.DIFF_ADDED;
                case CHANGED -> BoardColors.DIFF_CHANGED;
                case MOVED -> BoardColors.DIFF_MOVED;
            });
            g.setLineWidth(4 / Math.max(s, 0.35));
            g.strokeRoundRect(x - 4, y - 4, W + 8, H + 8, 14, 14);
        }
        if (!o.pinned().isEmpty() && o.pinned().contains(id) && s >= LOD_BOXES) {
            g.setFill(BoardColors.PIN);
            g.fillRoundRect(x + W - 34, y + H - 16, 30, 13, 6, 6);
            g.setFill(Color.WHITE);
            g.setFont(SMALL);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("PIN", x + W - 19, y + H - 9.5);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    /** The value the connection carried in the last run, in a small box at its middle. */
    private static void edgeValue(GraphicsContext g, String value, double mx, double my, BoardColors c) {
        g.setFont(SMALL);
        double w = Math.min(value.length(), BoardOverlays.EDGE_VALUE_CHARS) * 5.6 + 8;
        g.setFill(c.nodeFill());
        g.fillRoundRect(mx - w / 2, my + 2, w, 14, 6, 6);
        g.setStroke(c.nodeBorder());
        g.setLineWidth(0.75);
        g.strokeRoundRect(mx - w / 2, my + 2, w, 14, 6, 6);
        g.setFill(c.text());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(value, mx, my + 9);
    }

    private static void port(GraphicsContext g, String type, double px, double py, BoardColors c) {
        if (type == null) {
            return;
        }
        g.setFill(c.nodeFill());
        g.fillOval(px - 5, py - 5, 10, 10);
        g.setStroke(c.subtext());
        g.setLineWidth(1.5);
        g.strokeOval(px - 5, py - 5, 10, 10);
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

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
