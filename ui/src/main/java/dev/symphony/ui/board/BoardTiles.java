package dev.symphony.ui.board;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/**
 * The board's picture at the current scale, cut into square tiles of {@code size} pixels, each a {@link Canvas} that
 * keeps what was painted on it. A tile is painted when it comes into view or its part of the board changed; a pan
 * only moves the tiles (and paints the few that come into view), so it costs the renderer a copy of each tile instead
 * of rasterizing every curve, box and glyph again. A zoom changes the scale: every tile in view is painted anew.
 *
 * <p>Tiles sit on a grid fixed to the board at this scale: tile (col, row) shows board-origin pixels
 * [phase + col × size, phase + (col + 1) × size) (likewise rows), and is placed at the viewport's translation rounded
 * to whole pixels (at most half a pixel from the exact one) so it is copied, not resampled. The phase is chosen when
 * the scale changes so that the tiles start at the view's corner: a zoom paints the fewest tiles. Tiles more than one
 * tile out of view are given back to a pool.
 */
final class BoardTiles {
    /** Paints the given tiles (each a target with its own translation) at the given scale. */
    interface Painting {
        void paint(List<BoardPainter.Target> targets, double scale);
    }

    private static final class Tile {
        final Canvas canvas;
        int col;
        int row;
        boolean valid;

        Tile(Canvas canvas) {
            this.canvas = canvas;
        }
    }

    private final int size;
    private final Pane layer = new Pane();
    private final Map<Long, Tile> tiles = new HashMap<>();
    private final ArrayDeque<Tile> spare = new ArrayDeque<>();
    private double scale = Double.NaN;
    private long phaseX;
    private long phaseY;
    private int paintedLast;

    BoardTiles(int size) {
        if (size < 16) {
            throw new IllegalArgumentException("tile size " + size + " is below 16 pixels");
        }
        this.size = size;
        layer.setManaged(false);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle(); // tiles reach past the view's edges
        clip.widthProperty().bind(layer.widthProperty());
        clip.heightProperty().bind(layer.heightProperty());
        layer.setClip(clip);
    }

    /** The node holding the tiles, clipped to its size (the view places it at 0, 0 with the view's size). */
    Pane node() {
        return layer;
    }

    /** Tiles painted by the last {@link #update}. */
    int paintedLast() {
        return paintedLast;
    }

    /** Tiles holding a picture (in view or kept near it). */
    int kept() {
        return tiles.size();
    }

    /** Everything changed: each tile is painted again when next shown. */
    void invalidateAll() {
        for (Tile t : tiles.values()) {
            t.valid = false;
        }
    }

    /** Board rectangle ({@code x0}, {@code y0}) – ({@code x1}, {@code y1}) changed: the tiles over it are painted again. */
    void invalidate(double x0, double y0, double x1, double y1) {
        if (tiles.isEmpty() || Double.isNaN(scale)) {
            return;
        }
        int c0 = (int) Math.floorDiv((long) Math.floor(Math.min(x0, x1) * scale) - phaseX, size);
        int c1 = (int) Math.floorDiv((long) Math.floor(Math.max(x0, x1) * scale) - phaseX, size);
        int r0 = (int) Math.floorDiv((long) Math.floor(Math.min(y0, y1) * scale) - phaseY, size);
        int r1 = (int) Math.floorDiv((long) Math.floor(Math.max(y0, y1) * scale) - phaseY, size);
        if ((long) (c1 - c0 + 1) * (r1 - r0 + 1) > tiles.size()) { // larger than what is kept: look at each kept tile
            for (Tile t : tiles.values()) {
                if (t.col >= c0 && t.col <= c1 && t.row >= r0 && t.row <= r1) {
                    t.valid = false;
                }
            }
            return;
        }
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                Tile t = tiles.get(key(c, r));
                if (t != null) {
                    t.valid = false;
                }
            }
        }
    }

    /**
     * Shows the board at scale {@code s} and translation ({@code tx}, {@code ty}) in a {@code width} × {@code height}
     * view: places the tiles in view, paints those that are new or changed (all of them after a change of scale).
     */
    void update(double width, double height, double s, double tx, double ty, Painting painting) {
        long ox = Math.round(tx);
        long oy = Math.round(ty);
        if (s != scale) {
            for (Tile t : tiles.values()) {
                t.valid = false;
            }
            scale = s;
            phaseX = Math.floorMod(-ox, size);
            phaseY = Math.floorMod(-oy, size);
        }
        ox += phaseX; // where tile (0, 0) is in the view
        oy += phaseY;
        int c0 = (int) Math.floorDiv(-ox, size);
        int c1 = (int) Math.floorDiv((long) Math.ceil(width) - 1 - ox, size);
        int r0 = (int) Math.floorDiv(-oy, size);
        int r1 = (int) Math.floorDiv((long) Math.ceil(height) - 1 - oy, size);
        for (Iterator<Tile> it = tiles.values().iterator(); it.hasNext(); ) {
            Tile t = it.next();
            boolean near = t.col >= c0 - 1 && t.col <= c1 + 1 && t.row >= r0 - 1 && t.row <= r1 + 1;
            if (!near) {
                it.remove();
                t.valid = false;
                t.canvas.setVisible(false);
                spare.push(t);
            }
        }
        List<Tile> stale = new ArrayList<>();
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                Tile t = tiles.get(key(c, r));
                if (t == null) {
                    t = spare.isEmpty() ? newTile() : spare.pop();
                    t.col = c;
                    t.row = r;
                    t.valid = false;
                    tiles.put(key(c, r), t);
                }
                if (!t.valid) {
                    stale.add(t);
                }
            }
        }
        if (!stale.isEmpty()) {
            List<BoardPainter.Target> targets = new ArrayList<>(stale.size());
            for (Tile t : stale) {
                targets.add(new BoardPainter.Target(t.canvas.getGraphicsContext2D(), -(double) (t.col * (long) size + phaseX),
                        -(double) (t.row * (long) size + phaseY), size, size));
                t.valid = true;
            }
            painting.paint(targets, s);
        }
        paintedLast = stale.size();
        for (Tile t : tiles.values()) {
            boolean inView = t.col >= c0 && t.col <= c1 && t.row >= r0 && t.row <= r1;
            t.canvas.setVisible(inView);
            if (inView) {
                t.canvas.relocate(ox + (long) t.col * size, oy + (long) t.row * size);
            }
        }
    }

    private Tile newTile() {
        Tile t = new Tile(new Canvas(size, size));
        layer.getChildren().add(t.canvas);
        return t;
    }

    private static long key(int col, int row) {
        return (long) col << 32 | (row & 0xffffffffL);
    }
}
