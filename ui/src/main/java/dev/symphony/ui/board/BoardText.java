package dev.symphony.ui.board;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Text on the board, drawn the cheap way: in the target's own pixels (no scale in the transform) at a whole-pixel
 * size and a whole-pixel position. JavaFX caches glyphs per font size and transform, so text drawn under the board's
 * scale was new glyphs at every zoom step; at whole-pixel sizes a zoom reuses them over a range of scales. Text smaller
 * than {@link #MIN_PX} on screen is unreadable anyway: it is drawn as a bar where it would be ("greeked"), a
 * whole-pixel rectangle (the renderer's cheapest shape).
 */
final class BoardText {
    /** Text smaller than this (screen pixels) is a bar. */
    static final double MIN_PX = 7;
    /** Board-unit font sizes. */
    static final double TITLE = 13;
    static final double SMALL = 10.5;
    private static final int MAX_PX = 64;
    private static final Font[] FONTS = new Font[MAX_PX + 1];

    private BoardText() {
    }

    /** The font of {@code px} whole pixels (cached: one Font per size). */
    static Font font(int px) {
        int p = Math.max(1, Math.min(MAX_PX, px));
        Font f = FONTS[p];
        if (f == null) {
            f = Font.font("System", p);
            FONTS[p] = f;
        }
        return f;
    }

    /** Whether text of board-unit {@code size} is drawn as glyphs at scale {@code s} (else as a bar). */
    static boolean readable(double size, double s) {
        return size * s >= MIN_PX;
    }

    /**
     * Draws {@code text} at board point ({@code bx}, {@code by}) in a target whose board transform is
     * (s, 0, 0, s, tx, ty); the transform is the board's again afterwards.
     */
    static void draw(GraphicsContext g, double s, double tx, double ty, String text, double bx, double by, double size,
                     Color color, TextAlignment align, VPos baseline) {
        g.setTransform(1, 0, 0, 1, 0, 0);
        screen(g, text, bx * s + tx, by * s + ty, size, s, color, align, baseline);
        g.setTransform(s, 0, 0, s, tx, ty);
    }

    /**
     * Draws {@code text} of board-unit {@code size} at scale {@code s} at target pixel ({@code sx}, {@code sy}); the
     * target's transform must be the identity.
     */
    static void screen(GraphicsContext g, String text, double sx, double sy, double size, double s, Color color,
                       TextAlignment align, VPos baseline) {
        if (!bar(BoardRaster.on(g), text, sx, sy, size, s, color, align, baseline)) {
            glyphs(g, text, sx, sy, size, s, color, align, baseline);
        }
    }

    /** Draws text too small to read as its bar on {@code r}; false, drawing nothing, when it is readable. */
    static boolean bar(BoardRaster.Rects r, String text, double sx, double sy, double size, double s, Color color,
                       TextAlignment align, VPos baseline) {
        double px = size * s;
        if (px >= MIN_PX) {
            return false;
        }
        double w = Math.max(1, Math.round(text.length() * px * 0.55));
        double h = Math.max(1, Math.round(px * 0.5));
        double x = align == TextAlignment.CENTER ? sx - w / 2 : align == TextAlignment.RIGHT ? sx - w : sx;
        double y = baseline == VPos.TOP ? sy + px * 0.35 : baseline == VPos.CENTER ? sy - h / 2 : sy - px * 0.2 - h;
        r.fill(Math.round(x), Math.round(y), w, h, color.deriveColor(0, 1, 1, 0.45));
        return true;
    }

    /** Draws readable text as glyphs (text too small to read: nothing); the target's transform must be the identity. */
    static void glyphs(GraphicsContext g, String text, double sx, double sy, double size, double s, Color color,
                       TextAlignment align, VPos baseline) {
        double px = size * s;
        if (px < MIN_PX) {
            return;
        }
        g.setFont(font((int) Math.round(px)));
        g.setFill(color);
        g.setTextAlign(align);
        g.setTextBaseline(baseline);
        g.fillText(text, Math.round(sx), Math.round(sy));
    }
}
