package dev.symphony.ui.board;

import dev.symphony.ui.board.BoardGraph.BoardNode;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Paints one node at a level of detail: far out ({@link BoardPainter#LOD_BOXES}) a plain box (and a run state's
 * strip); between, a card of whole-pixel rectangles with its kind bar, border, ports, kind and title; near
 * ({@link BoardPainter#LOD_LABELS}) the rounded card with the port type and the detail line. The near card is drawn in
 * board units under the target's board transform (s, 0, 0, s, tx, ty); the far ones and all text in the target's
 * pixels ({@link BoardText}). The transform is the board's again afterwards.
 */
final class NodePainter {
    static final double W = BoardGraph.NODE_WIDTH;
    static final double H = BoardGraph.NODE_HEIGHT;
    /** How far anything drawn for a node (breakpoint dot, diff outline, ports) reaches outside its box. */
    static final double MARGIN = 12;

    private NodePainter() {
    }

    static void node(GraphicsContext g, double s, double tx, double ty, BoardNode n, double x, double y, BoardColors c,
                     boolean selected, BoardViewModel.NodeState state) {
        if (s < BoardPainter.LOD_LABELS) {
            g.setTransform(1, 0, 0, 1, 0, 0); // whole-pixel rectangles: the renderer's cheapest shape
            shapes(BoardRaster.on(g), s, tx, ty, n, x, y, c, selected, state);
            glyphs(g, s, tx, ty, n, x, y, c, state);
            g.setTransform(s, 0, 0, s, tx, ty);
            return;
        }
        Color kind = BoardColors.kind(n.type());
        g.setFill(c.nodeFill());
        g.fillRoundRect(x, y, W, H, 10, 10);
        g.setFill(kind);
        g.fillRoundRect(x, y, 6, H, 6, 6);
        g.setStroke(selected ? c.selection() : state != null ? BoardColors.state(state) : c.nodeBorder());
        g.setLineWidth(selected || state != null ? 2.5 : 1);
        g.strokeRoundRect(x, y, W, H, 10, 10);
        port(g, n.inType(), x, y + H / 2, c);
        port(g, n.outType(), x + W, y + H / 2, c);
        g.setTransform(1, 0, 0, 1, 0, 0); // the text in the target's pixels, under one change of transform
        double sx = x * s + tx;
        double sy = y * s + ty;
        BoardText.screen(g, n.type().toUpperCase(java.util.Locale.ROOT), sx + 14 * s, sy + 7 * s, BoardText.SMALL, s, kind,
                TextAlignment.LEFT, VPos.TOP);
        if (state != null) {
            BoardText.screen(g, state.label(), sx + (W - 10) * s, sy + 7 * s, BoardText.SMALL, s, BoardColors.state(state),
                    TextAlignment.RIGHT, VPos.TOP);
        } else if (n.outType() != null) { // the output port's type, in the header's free corner
            BoardText.screen(g, n.outType() + " ▸", sx + (W - 10) * s, sy + 7 * s, BoardText.SMALL, s, c.subtext(),
                    TextAlignment.RIGHT, VPos.TOP);
        }
        BoardText.screen(g, clip(n.title(), 24), sx + 14 * s, sy + 22 * s, BoardText.TITLE, s, c.text(),
                TextAlignment.LEFT, VPos.TOP);
        BoardText.screen(g, clip(n.detail(), 30), sx + 14 * s, sy + 42 * s, BoardText.SMALL, s, c.subtext(),
                TextAlignment.LEFT, VPos.TOP);
        g.setTransform(s, 0, 0, s, tx, ty);
    }

    /**
     * Below {@link BoardPainter#LOD_LABELS}, in the target's pixels: a node's whole-pixel rectangles — far out its box,
     * between its card (border, fill, kind bar, ports) and the bars of its text too small to read. Its readable text
     * is {@link #glyphs}.
     */
    static void shapes(BoardRaster.Rects r, double s, double tx, double ty, BoardNode n, double x, double y,
                       BoardColors c, boolean selected, BoardViewModel.NodeState state) {
        Color kind = BoardColors.kind(n.type());
        int x0 = (int) Math.round(x * s + tx);
        int y0 = (int) Math.round(y * s + ty);
        int w = Math.max(1, (int) Math.round((x + W) * s + tx) - x0);
        int h = Math.max(1, (int) Math.round((y + H) * s + ty) - y0);
        if (s < BoardPainter.LOD_BOXES) {
            box(r, x0, y0, w, h, s, c, kind, selected, state);
        } else {
            card(r, x0, y0, w, h, s, n, c, kind, selected, state);
            cardText(r, null, x0, y0, w, s, n, c, kind, state);
        }
    }

    /** Between far and near, in the target's pixels (identity transform): the card's text that is readable. */
    static void glyphs(GraphicsContext g, double s, double tx, double ty, BoardNode n, double x, double y, BoardColors c,
                       BoardViewModel.NodeState state) {
        if (s < BoardPainter.LOD_BOXES || !BoardText.readable(BoardText.TITLE, s)) {
            return;
        }
        int x0 = (int) Math.round(x * s + tx);
        int y0 = (int) Math.round(y * s + ty);
        int w = Math.max(1, (int) Math.round((x + W) * s + tx) - x0);
        cardText(null, g, x0, y0, w, s, n, c, BoardColors.kind(n.type()), state);
    }

    /** Far out: a box in the kind's colour (the selection's when selected), a run state as a strip at its foot. */
    private static void box(BoardRaster.Rects r, int x0, int y0, int w, int h, double s, BoardColors c, Color kind,
                            boolean selected, BoardViewModel.NodeState state) {
        r.fill(x0, y0, w, h, selected ? c.selection() : kind);
        if (state != null) {
            int strip = Math.max(1, (int) Math.round(14 * s));
            r.fill(x0, y0 + h - strip, w, strip, BoardColors.state(state));
        }
    }

    /** Between far and near: the card of whole-pixel rectangles (border, fill, kind bar, ports); no port types. */
    private static void card(BoardRaster.Rects r, int x0, int y0, int w, int h, double s, BoardNode n, BoardColors c,
                             Color kind, boolean selected, BoardViewModel.NodeState state) {
        int border = selected || state != null ? 2 : 1;
        r.fill(x0, y0, w, h, selected ? c.selection() : state != null ? BoardColors.state(state) : c.nodeBorder());
        r.fill(x0 + border, y0 + border, w - 2 * border, h - 2 * border, c.nodeFill());
        r.fill(x0 + border, y0 + border, Math.max(2, (int) Math.round(6 * s)), h - 2 * border, kind);
        int port = Math.max(2, (int) Math.round(4 * s));
        if (n.inType() != null) {
            r.fill(x0 - port, y0 + h / 2 - port, 2 * port, 2 * port, c.subtext());
        }
        if (n.outType() != null) {
            r.fill(x0 + w - port, y0 + h / 2 - port, 2 * port, 2 * port, c.subtext());
        }
    }

    /**
     * The card's kind, run state and title (no detail line): as bars on {@code bars} where too small to read, as
     * glyphs on {@code glyphs} where readable (either may be null: that part is left out).
     */
    private static void cardText(BoardRaster.Rects bars, GraphicsContext glyphs, int x0, int y0, int w, double s,
                                 BoardNode n, BoardColors c, Color kind, BoardViewModel.NodeState state) {
        text(bars, glyphs, n.type().toUpperCase(java.util.Locale.ROOT), x0 + 14 * s, y0 + 7 * s, BoardText.SMALL, s,
                kind, TextAlignment.LEFT);
        if (state != null) {
            text(bars, glyphs, state.label(), x0 + w - 10 * s, y0 + 7 * s, BoardText.SMALL, s, BoardColors.state(state),
                    TextAlignment.RIGHT);
        }
        text(bars, glyphs, clip(n.title(), 24), x0 + 14 * s, y0 + 22 * s, BoardText.TITLE, s, c.text(), TextAlignment.LEFT);
    }

    private static void text(BoardRaster.Rects bars, GraphicsContext glyphs, String text, double sx, double sy,
                             double size, double s, Color color, TextAlignment align) {
        if (bars != null) {
            BoardText.bar(bars, text, sx, sy, size, s, color, align, VPos.TOP);
        }
        if (glyphs != null) {
            BoardText.glyphs(glyphs, text, sx, sy, size, s, color, align, VPos.TOP);
        }
    }

    /** A breakpoint's dot, a pinned node's badge and a version diff's outline (added green, changed amber, moved purple). */
    static void marks(GraphicsContext g, double s, double tx, double ty, BoardViewModel vm, String id, double x, double y) {
        if (!vm.breakpoints().isEmpty() && vm.breakpoints().contains(id)) {
            g.setFill(BoardColors.BREAKPOINT);
            g.fillOval(x - 6, y - 6, 12, 12);
        }
        BoardOverlays o = vm.overlays();
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
        if (!o.pinned().isEmpty() && o.pinned().contains(id) && s >= BoardPainter.LOD_BOXES) {
            g.setFill(BoardColors.PIN);
            g.fillRoundRect(x + W - 34, y + H - 16, 30, 13, 6, 6);
            BoardText.draw(g, s, tx, ty, "PIN", x + W - 19, y + H - 9.5, BoardText.SMALL, Color.WHITE,
                    TextAlignment.CENTER, VPos.CENTER);
        }
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

    static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
