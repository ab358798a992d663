package dev.symphony.ui.board;

import java.nio.IntBuffer;
import java.util.Map;
import java.util.WeakHashMap;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A target's pixels painted on the JavaFX thread and written onto its canvas in one piece: the board's background,
 * grid, connections and (below {@link BoardPainter#LOD_LABELS}) its node rectangles. JavaFX's software renderer
 * strokes a path with a general antialiasing rasterizer whose work grows with every sub-pixel row a stroke crosses
 * (three quarters of a zoom frame's render time at 1,000 nodes went there); a connection here is thin antialiased
 * segments whose cost is the pixels they touch, and the renderer only copies the result.
 *
 * <p>Strokes: {@link #beginStroke} … {@link #endStroke} is one path stroked once, as a canvas stroke is: where its
 * segments overlap (the joints of a flattened curve, two connections crossing) a pixel takes the largest coverage,
 * not the sum. Coverage of a segment of width w at distance d from a pixel's centre is clamp(w/2 + 1/2 − d), exact
 * for a pixel-aligned line and within a few per cent for others. Pixels are premultiplied ARGB.
 *
 * <p>A canvas's picture is painted straight into the pixels of an image of its own ({@link PixelBuffer}, no copy),
 * which the canvas draws: one texture per image, updated in place, not a new one per frame. Each canvas has two
 * such images used in turn, so a frame never writes the pixels the renderer may still be copying for the frame
 * before.
 */
final class BoardRaster {
    /** Fills whole-pixel rectangles: this raster, or a canvas ({@link #on(GraphicsContext)}). */
    interface Rects {
        void fill(double x, double y, double w, double h, Color color);
    }

    /** A canvas's two images and their pixels, used in turn. */
    private static final class Backing {
        final int width;
        final int height;
        final int[][] pixels = new int[2][];
        @SuppressWarnings("unchecked")
        final PixelBuffer<IntBuffer>[] buffers = new PixelBuffer[2];
        final WritableImage[] images = new WritableImage[2];
        int turn;

        Backing(int width, int height) {
            this.width = width;
            this.height = height;
            for (int i = 0; i < 2; i++) {
                pixels[i] = new int[width * height];
                buffers[i] = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels[i]), PixelFormat.getIntArgbPreInstance());
                images[i] = new WritableImage(buffers[i]);
            }
        }
    }

    private final Map<Canvas, Backing> backings = new WeakHashMap<>();
    /** The canvas picture being painted (null: the scratch picture of {@link #begin(int, int, Color)}). */
    private Backing current;
    private Canvas currentCanvas;
    private int[] scratch = new int[0];
    private int[] pixels = new int[0];
    private byte[] cover = new byte[0];
    private int[] touched = new int[4096];
    private int touchedCount;
    private int width;
    private int height;
    /** The stroke's colour, straight (not premultiplied) components 0–255. */
    private int strokeA;
    private int strokeR;
    private int strokeG;
    private int strokeB;
    private final Rects rects = this::fillRect;

    /** Whole-pixel rectangles on a canvas, under whatever transform it has. */
    static Rects on(GraphicsContext g) {
        return (x, y, w, h, color) -> {
            g.setFill(color);
            g.fillRect(x, y, w, h);
        };
    }

    /** This raster as a {@link Rects}. */
    Rects rects() {
        return rects;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * Starts the picture of {@code g}'s canvas (its size, whole pixels), filled with {@code background}; {@link #writeTo}
     * shows it there.
     */
    void begin(GraphicsContext g, Color background) {
        Canvas canvas = g.getCanvas();
        int w = (int) Math.ceil(canvas.getWidth());
        int h = (int) Math.ceil(canvas.getHeight());
        Backing b = backings.get(canvas);
        if (b == null || b.width != w || b.height != h) {
            check(w, h);
            b = new Backing(w, h);
            backings.put(canvas, b);
        }
        b.turn ^= 1;
        current = b;
        currentCanvas = canvas;
        start(b.pixels[b.turn], w, h, background);
    }

    /** Starts a picture of {@code w} × {@code h} pixels filled with {@code background}, on no canvas (read by {@link #pixel}). */
    void begin(int w, int h, Color background) {
        check(w, h);
        if (scratch.length < w * h) {
            scratch = new int[w * h];
        }
        current = null;
        currentCanvas = null;
        start(scratch, w, h, background);
    }

    private static void check(int w, int h) {
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("a board raster of " + w + " × " + h + " pixels: both must be positive");
        }
    }

    private void start(int[] into, int w, int h, Color background) {
        pixels = into;
        width = w;
        height = h;
        if (cover.length < w * h) {
            cover = new byte[w * h];
        }
        java.util.Arrays.fill(pixels, 0, w * h, premultiplied(background));
    }

    /** The premultiplied ARGB pixel at (x, y). */
    int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    /** Shows the picture begun on {@code g}'s canvas there, at its top left corner, over what was there. */
    void writeTo(GraphicsContext g) {
        if (current == null || g.getCanvas() != currentCanvas) {
            throw new IllegalStateException("writeTo(g) shows the picture begun with begin(g, …) on the same canvas");
        }
        int t = current.turn;
        current.buffers[t].updateBuffer(b -> null);
        g.drawImage(current.images[t], 0, 0);
    }

    /** Fills the whole pixels of a rectangle (its corners rounded to whole pixels), blended when translucent. */
    void fillRect(double x, double y, double w, double h, Color color) {
        int x0 = Math.max(0, (int) Math.round(x));
        int y0 = Math.max(0, (int) Math.round(y));
        int x1 = Math.min(width, (int) Math.round(x + w));
        int y1 = Math.min(height, (int) Math.round(y + h));
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        if (color.getOpacity() >= 1) {
            int argb = premultiplied(color);
            for (int row = y0; row < y1; row++) {
                java.util.Arrays.fill(pixels, row * width + x0, row * width + x1, argb);
            }
            return;
        }
        float a = (float) color.getOpacity();
        float r = (float) color.getRed() * 255 * a;
        float gr = (float) color.getGreen() * 255 * a;
        float b = (float) color.getBlue() * 255 * a;
        for (int row = y0; row < y1; row++) {
            for (int i = row * width + x0, end = row * width + x1; i < end; i++) {
                pixels[i] = over(pixels[i], a, r, gr, b);
            }
        }
    }

    /** Starts one stroke (or fill) of {@code color}: what is drawn until {@link #endStroke} covers a pixel at most once. */
    void beginStroke(Color color) {
        strokeA = (int) Math.round(color.getOpacity() * 255);
        strokeR = (int) Math.round(color.getRed() * 255);
        strokeG = (int) Math.round(color.getGreen() * 255);
        strokeB = (int) Math.round(color.getBlue() * 255);
    }

    void endStroke() {
        for (int i = 0; i < touchedCount; i++) {
            cover[touched[i]] = 0;
        }
        touchedCount = 0;
    }

    /**
     * A segment of {@code w} pixels' width in the current stroke, its ends cut square half a pixel beyond its end
     * points (so the segments of a flattened curve overlap at their joints, where the stroke covers a pixel once).
     */
    void line(double x0, double y0, double x1, double y1, double w) {
        double reach = w / 2 + 0.5; // a pixel centre farther from the line than this is not covered at all
        if (Math.max(x0, x1) + reach < 0 || Math.min(x0, x1) - reach > width
                || Math.max(y0, y1) + reach < 0 || Math.min(y0, y1) - reach > height) {
            return;
        }
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.sqrt(dx * dx + dy * dy);
        if (len < 1e-9) {
            dx = 1; // a point: a square of the width
            len = 1;
        }
        double ux = dx / len;
        double uy = dy / len;
        double top = Math.min(Math.min(w, 1), reach); // the coverage of a pixel centred on the line
        boolean columns = Math.abs(dx) >= Math.abs(dy);
        // walk the major axis; across it, the pixels within reach of the line (reach / cos of its angle)
        double slope = columns ? dy / dx : dx / dy;
        double span = reach * Math.sqrt(1 + slope * slope);
        double lo = (columns ? Math.min(x0, x1) : Math.min(y0, y1)) - 0.5;
        double hi = (columns ? Math.max(x0, x1) : Math.max(y0, y1)) + 0.5;
        int limit = columns ? width : height;
        int cross = columns ? height : width;
        int a0 = Math.max(0, (int) Math.floor(lo - reach));
        int a1 = Math.min(limit - 1, (int) Math.floor(hi + reach));
        for (int a = a0; a <= a1; a++) {
            double c = a + 0.5;
            double mid = columns ? y0 + (c - x0) * slope : x0 + (c - y0) * slope;
            int b0 = Math.max(0, (int) Math.floor(mid - span));
            int b1 = Math.min(cross - 1, (int) Math.floor(mid + span));
            for (int b = b0; b <= b1; b++) {
                double px = (columns ? a : b) + 0.5 - x0;
                double py = (columns ? b : a) + 0.5 - y0;
                double along = px * ux + py * uy;
                if (along < -0.5 || along > len + 0.5) {
                    continue;
                }
                double coverage = Math.min(top, reach - Math.abs(py * ux - px * uy));
                if (coverage > 0) {
                    plot(columns ? b * width + a : a * width + b, coverage);
                }
            }
        }
    }

    /**
     * A cubic Bézier curve of {@code w} pixels' width in the current stroke, as short segments; dashed when
     * {@code on} > 0 ({@code on} pixels drawn, {@code off} left out, from the curve's start).
     */
    void cubic(double x0, double y0, double cx1, double cy1, double cx2, double cy2, double x1, double y1, double w,
               double on, double off) {
        double net = Math.hypot(cx1 - x0, cy1 - y0) + Math.hypot(cx2 - cx1, cy2 - cy1) + Math.hypot(x1 - cx2, y1 - cy2);
        int n = Math.max(2, Math.min(64, (int) Math.ceil(net / 8)));
        double px = x0;
        double py = y0;
        double dashed = 0; // length along the curve so far
        for (int i = 1; i <= n; i++) {
            double t = (double) i / n;
            double u = 1 - t;
            double qx = u * u * u * x0 + 3 * u * u * t * cx1 + 3 * u * t * t * cx2 + t * t * t * x1;
            double qy = u * u * u * y0 + 3 * u * u * t * cy1 + 3 * u * t * t * cy2 + t * t * t * y1;
            if (on <= 0) {
                line(px, py, qx, qy, w);
            } else {
                dashed = dash(px, py, qx, qy, w, on, off, dashed);
            }
            px = qx;
            py = qy;
        }
    }

    /** The drawn parts of segment (x0, y0)–(x1, y1) whose start is {@code at} along a dashed path; returns its end. */
    private double dash(double x0, double y0, double x1, double y1, double w, double on, double off, double at) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len == 0) {
            return at;
        }
        double period = on + off;
        double pos = 0;
        while (pos < len) {
            double phase = (at + pos) % period;
            double step = Math.max(1e-3, phase < on ? on - phase : period - phase); // always onwards, whatever the rounding
            double end = Math.min(len, pos + step);
            if (phase < on) {
                line(x0 + (x1 - x0) * pos / len, y0 + (y1 - y0) * pos / len, x0 + (x1 - x0) * end / len,
                        y0 + (y1 - y0) * end / len, w);
            }
            pos = end;
        }
        return at + len;
    }

    /** A filled triangle in the current stroke, antialiased (4 × 4 samples a pixel). */
    void triangle(double ax, double ay, double bx, double by, double cx, double cy) {
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, Math.min(bx, cx))));
        int x1 = Math.min(width - 1, (int) Math.floor(Math.max(ax, Math.max(bx, cx))));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, Math.min(by, cy))));
        int y1 = Math.min(height - 1, (int) Math.floor(Math.max(ay, Math.max(by, cy))));
        double area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
        if (area == 0) {
            return;
        }
        double sign = Math.signum(area);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int inside = 0;
                for (int sy = 0; sy < 4; sy++) {
                    double py = y + (sy + 0.5) / 4;
                    for (int sx = 0; sx < 4; sx++) {
                        double px = x + (sx + 0.5) / 4;
                        if (sign * ((bx - ax) * (py - ay) - (by - ay) * (px - ax)) >= 0
                                && sign * ((cx - bx) * (py - by) - (cy - by) * (px - bx)) >= 0
                                && sign * ((ax - cx) * (py - cy) - (ay - cy) * (px - cx)) >= 0) {
                            inside++;
                        }
                    }
                }
                if (inside > 0) {
                    plot(y * width + x, inside / 16.0);
                }
            }
        }
    }

    /** Raises pixel {@code i}'s coverage in this stroke to {@code coverage} (0–1), blending only the increase. */
    private void plot(int i, double coverage) {
        int old = cover[i] & 0xff;
        int now = (int) (coverage * 255 + 0.5);
        if (now <= old) {
            return;
        }
        if (old == 0) {
            if (touchedCount == touched.length) {
                touched = java.util.Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = i;
        }
        cover[i] = (byte) now;
        // blending (now - old) / (255 - old) over a pixel already blended with `old` gives it blended once with `now`
        int alpha = old == 0 ? div255(strokeA * now) : strokeA * (now - old) / (255 - old);
        int keep = 255 - alpha;
        int dst = pixels[i];
        pixels[i] = div255(255 * alpha + (dst >>> 24) * keep) << 24 | div255(strokeR * alpha + (dst >> 16 & 0xff) * keep) << 16
                | div255(strokeG * alpha + (dst >> 8 & 0xff) * keep) << 8 | div255(strokeB * alpha + (dst & 0xff) * keep);
    }

    /** x / 255, rounded, for 0 ≤ x ≤ 255 × 255. */
    private static int div255(int x) {
        x += 128;
        return (x + (x >> 8)) >> 8;
    }

    /** Source-over of a colour of alpha {@code a} and premultiplied components (0–255) onto premultiplied {@code dst}. */
    private static int over(int dst, float a, float r, float g, float b) {
        float k = 1 - a;
        int oa = (int) (255 * a + (dst >>> 24) * k + 0.5f);
        int or = (int) (r + (dst >> 16 & 0xff) * k + 0.5f);
        int og = (int) (g + (dst >> 8 & 0xff) * k + 0.5f);
        int ob = (int) (b + (dst & 0xff) * k + 0.5f);
        return Math.min(255, oa) << 24 | Math.min(255, or) << 16 | Math.min(255, og) << 8 | Math.min(255, ob);
    }

    static int premultiplied(Color c) {
        double a = c.getOpacity();
        return (int) Math.round(a * 255) << 24 | (int) Math.round(c.getRed() * a * 255) << 16
                | (int) Math.round(c.getGreen() * a * 255) << 8 | (int) Math.round(c.getBlue() * a * 255);
    }
}
