package dev.symphony.ui.board;

import dev.symphony.ui.board.BoardPainter.Line;
import dev.symphony.ui.board.BoardPainter.Placed;
import dev.symphony.ui.board.BoardPainter.Target;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The board's still picture on one target (a tile, or the whole view): what the software renderer rasterized slowly
 * — background, grid, connections, and below {@link BoardPainter#LOD_LABELS} the nodes' rectangles — is painted in a
 * {@link BoardRaster} on the JavaFX thread and written onto the canvas in one piece; the canvas then draws what it
 * draws well (text, the near cards' rounded shapes, marks). The drag overlay, transparent and showing a few nodes,
 * and a HiDPI window (a canvas's pixel writer writes logical pixels) keep the canvas's own strokes
 * ({@link BoardPainter}).
 */
final class StillPicture {
    private static final double W = BoardGraph.NODE_WIDTH;

    private StillPicture() {
    }

    /**
     * One target's still picture: background, grid, connections and (below {@link BoardPainter#LOD_LABELS}) the
     * nodes' rectangles painted in {@code raster} and written in one piece; then, on the canvas, the connections'
     * labels. The target's transform is the board's afterwards.
     */
    static void paint(BoardRaster raster, Target t, double[] area, int i, List<List<Line>> styles, List<Placed> placed,
                      double s, BoardColors c) {
        raster.begin(t.g(), c.background());
        grid(raster.rects(), raster.width(), raster.height(), s, t.tx(), t.ty(), c);
        connections(raster, t, area, i, styles, s, c);
        if (s < BoardPainter.LOD_LABELS) {
            double m = NodePainter.MARGIN;
            for (Placed p : placed) {
                if (BoardPainter.touches(area, i, p.x() - m, p.y() - m, p.x() + W + m, p.y() + NodePainter.H + m)) {
                    NodePainter.shapes(raster.rects(), s, t.tx(), t.ty(), p.node(), p.x(), p.y(), c, p.selected(), p.state());
                }
            }
        }
        GraphicsContext g = t.g();
        g.setTransform(1, 0, 0, 1, 0, 0);
        raster.writeTo(g);
        g.setTransform(s, 0, 0, s, t.tx(), t.ty());
        if (s >= BoardPainter.LOD_LABELS) {
            BoardPainter.labels(t, area, i, styles, s, c);
        }
    }

    /**
     * The connections that touch target {@code i} in the raster, in its pixels: far out straight 1-pixel lines in one
     * stroke; nearer, per style, curves of the style's width (dashed for soft and conditional ones) and arrowheads.
     */
    private static void connections(BoardRaster r, Target t, double[] area, int i, List<List<Line>> styles, double s,
                                    BoardColors c) {
        double tx = t.tx();
        double ty = t.ty();
        if (s < BoardPainter.LOD_BOXES) {
            r.beginStroke(c.edge());
            for (List<Line> style : styles) {
                for (Line l : style) {
                    if (BoardPainter.touches(area, i, l.x0(), l.y0(), l.x1(), l.y1())) {
                        r.line(l.ax() * s + tx, l.ay() * s + ty, l.bx() * s + tx, l.by() * s + ty, 1);
                    }
                }
            }
            r.endStroke();
            return;
        }
        for (List<Line> style : styles) {
            if (style.isEmpty()) {
                continue;
            }
            Line first = style.get(0);
            double width = BoardPainter.strokeWidth(first, s) * s;
            double dash = BoardPainter.dashed(first.edge().kind()) ? BoardPainter.DASH_ON * s : 0;
            r.beginStroke(BoardPainter.strokeColor(first, c));
            for (Line l : style) {
                if (BoardPainter.touches(area, i, l.x0(), l.y0(), l.x1(), l.y1())) {
                    double ax = l.ax() * s + tx;
                    double ay = l.ay() * s + ty;
                    double bx = l.bx() * s + tx;
                    double by = l.by() * s + ty;
                    double bend = Math.max(40, Math.abs(l.bx() - l.ax()) / 2) * s;
                    r.cubic(ax, ay, ax + bend, ay, bx - bend, by, bx, by, width, dash, BoardPainter.DASH_OFF * s);
                    r.triangle(bx, by, bx - 8 * s, by - 4 * s, bx - 8 * s, by + 4 * s);
                }
            }
            r.endStroke();
        }
    }

    /**
     * The grid lines of a {@code width} × {@code height} target as whole-pixel rectangles (one colour for the minor
     * lines, one for every fifth).
     */
    static void grid(BoardRaster.Rects r, double width, double height, double s, double tx, double ty, BoardColors c) {
        double step = BoardViewModel.GRID * s;
        if (step < 6) {
            step *= 5; // the minor grid would be noise: show the major lines only
            if (step < 6) {
                return;
            }
        }
        for (int major = 0; major < 2; major++) {
            Color color = major == 1 ? c.gridMajor() : c.gridMinor();
            int first = (int) Math.floor(-tx / step);
            for (double x = tx + first * step; x < width; x += step) {
                if ((Math.round((x - tx) / step) % 5 == 0) == (major == 1)) {
                    r.fill(Math.floor(x), 0, 1, height, color);
                }
            }
            first = (int) Math.floor(-ty / step);
            for (double y = ty + first * step; y < height; y += step) {
                if ((Math.round((y - ty) / step) % 5 == 0) == (major == 1)) {
                    r.fill(0, Math.floor(y), width, 1, color);
                }
            }
        }
    }
}
