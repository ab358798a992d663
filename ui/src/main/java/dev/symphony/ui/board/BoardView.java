package dev.symphony.ui.board;

import dev.symphony.ui.board.BoardGraph.BoardEdge;
import dev.symphony.ui.board.BoardGraph.BoardNode;
import dev.symphony.ui.board.MelodyEdits.Point;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;

/**
 * The Harmony Board's canvas: the board's picture in tiles ({@link BoardTiles}) painted at most once per pulse and
 * only where something changed or came into view, culled and at a level of detail ({@link BoardPainter}); over them a
 * transparent canvas for what a gesture draws (a box, a connection being made, the dragged nodes), a {@link Minimap}
 * and a banner for refusals. Mouse: drag a
 * node to move the selection (snapped to the grid), drag from an output port onto a node to connect, drag on the
 * empty board to select a box, middle/right drag or scroll to pan, Ctrl+scroll or pinch to zoom. Keys in
 * {@link BoardKeys}.
 */
public final class BoardView extends Region {
    public static final String STYLE_CLASS = "harmony-board";
    private static final double PORT_HIT = 12;
    private static final double DRAG_THRESHOLD = 3;

    private final BoardViewModel vm;
    /** Tile size in pixels: a pan that brings a new row or column into view paints that strip only. */
    static final int TILE = 256;
    private final BoardTiles tiles = new BoardTiles(TILE);
    /**
     * The whole view in one piece, over the tiles, for a frame whose scale changed (a zoom step): the tiles in view
     * would all be painted anew anyway, and one canvas paints less (no tile reaching past the view's edge, no
     * connection cut at tile edges). The next frame at an unchanged scale paints the tiles and hides it.
     */
    private final Canvas direct = new Canvas();
    /** Transparent, over the tiles: a gesture's box or line, and while nodes are dragged, those nodes. */
    private final Canvas overlay = new Canvas();
    private final Minimap minimap;
    private final Label banner = new Label();
    private final BoardPainter painter = new BoardPainter();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private boolean dirty = true;
    private BoardPainter.Gesture gesture = BoardPainter.Gesture.NONE;
    /** While nodes are dragged the tiles show the board without them (their layer), the overlay the moving nodes. */
    private boolean moving;
    private boolean overlayShown;
    private int visibleNodes;
    private int paintedTiles;
    private double lastScale = Double.NaN;
    private int selectedEdge = -1;
    private Drag drag;
    private double lastBoardX;
    private double lastBoardY;

    private enum Mode { MOVE, BOX, PAN, CONNECT }

    private static final class Drag {
        final Mode mode;
        final double startX;
        final double startY;
        final String node;
        double lastX;
        double lastY;
        boolean moved;

        Drag(Mode mode, MouseEvent e, String node) {
            this.mode = mode;
            this.startX = e.getX();
            this.startY = e.getY();
            this.lastX = e.getX();
            this.lastY = e.getY();
            this.node = node;
        }
    }

    public BoardView(BoardViewModel vm) {
        this.vm = vm;
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        minimap = new Minimap(vm, this::getWidth, this::getHeight);
        banner.getStyleClass().add("board-banner");
        banner.setVisible(false);
        banner.setAlignment(Pos.CENTER_LEFT);
        styleBanner();
        banner.setOnMouseClicked(e -> vm.messageProperty().set(""));
        overlay.setVisible(false);
        direct.setVisible(false);
        getChildren().addAll(tiles.node(), direct, overlay, minimap, banner);
        vm.translateXProperty().addListener(this::viewportChanged);
        vm.translateYProperty().addListener(this::viewportChanged);
        vm.scaleProperty().addListener(this::viewportChanged);
        vm.revisionProperty().addListener(o -> {
            selectedEdge = -1;
            minimap.paintNodes();
            repaint();
        });
        // a change to some nodes paints the tiles under those nodes only
        vm.selection().addListener((SetChangeListener<String>) c -> nodeChanged(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved()));
        vm.breakpoints().addListener((SetChangeListener<String>) c -> nodeChanged(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved()));
        vm.overlays().pinned().addListener((SetChangeListener<String>) c -> nodeChanged(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved()));
        vm.overlays().values().addListener((javafx.collections.MapChangeListener<String, String>) c -> repaint());
        vm.overlays().diff().addListener((javafx.collections.MapChangeListener<String, BoardOverlays.DiffMark>) c -> nodeChanged(c.getKey()));
        vm.states().addListener((javafx.collections.MapChangeListener<String, BoardViewModel.NodeState>) c -> nodeChanged(c.getKey()));
        vm.messageProperty().addListener((o, a, m) -> {
            banner.setText(m);
            banner.setVisible(m != null && !m.isEmpty());
        });
        dark.addListener(o -> {
            styleBanner();
            minimap.setColors(colors());
            repaint();
        });
        // the window moved to a screen of another scale: pixels at 1, canvas strokes otherwise (BoardPainter), all anew
        for (var renderScale : java.util.List.of(
                sceneProperty().flatMap(javafx.scene.Scene::windowProperty).flatMap(javafx.stage.Window::renderScaleXProperty),
                sceneProperty().flatMap(javafx.scene.Scene::windowProperty).flatMap(javafx.stage.Window::renderScaleYProperty))) {
            renderScale.addListener((o, was, is) -> repaint());
        }
        minimap.paintNodes();
        banner.setOnMousePressed(javafx.event.Event::consume);
        setOnMousePressed(this::pressed); // on the view, not the canvas: the minimap and the banner consume their own
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnScroll(this::scrolled);
        setOnZoom(this::zoomed);
        addEventHandler(KeyEvent.KEY_PRESSED, new BoardKeys(this, vm)::handle);
    }

    public BoardViewModel viewModel() {
        return vm;
    }

    /** Dark theme colours (bind to the workbench theme). */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Nodes inside the viewport in the last frame (what culling leaves). */
    public int paintedNodes() {
        return visibleNodes;
    }

    /** Tiles painted in the last frame (a pan paints only those that came into view; a zoom step none). */
    int paintedTiles() {
        return paintedTiles;
    }

    /** Whether the tiles (or the view in one piece) were last painted in pixels; false: canvas strokes (HiDPI). */
    boolean paintedInPixels() {
        return painter.stillInPixels();
    }

    /** The selected connection's index in the file (-1: none). */
    public int selectedEdge() {
        return selectedEdge;
    }

    void clearSelectedEdge() {
        selectEdge(-1);
    }

    /** Selects connection {@code index} of the file (-1: none); a change paints the tiles again (a curve spans many). */
    private void selectEdge(int index) {
        if (index != selectedEdge) {
            selectedEdge = index;
            repaint();
        }
    }

    /** The board point last under the mouse (where Paste puts things). */
    Point pointer() {
        return new Point(lastBoardX, lastBoardY);
    }

    /** Everything may have changed: every tile is painted again, in this pulse's layout pass (once per pulse). */
    public void repaint() {
        tiles.invalidateAll();
        redraw();
    }

    /** Shows the tiles at the current viewport in this pulse's layout pass, painting only those not up to date. */
    private void redraw() {
        dirty = true;
        requestLayout();
    }

    /** Node {@code id} is drawn differently (selected, its run state, a mark): the tiles under it are painted again. */
    private void nodeChanged(String id) {
        BoardGraph g = vm.graphProperty().get();
        BoardNode n = g.node(id);
        if (n == null) {
            return;
        }
        if (g.byId().size() != g.nodes().size()) { // a half-written Melody with a duplicate id: it is drawn twice
            repaint();
            return;
        }
        double m = NodePainter.MARGIN;
        tiles.invalidate(n.x() - m, n.y() - m, n.x() + BoardGraph.NODE_WIDTH + m, n.y() + BoardGraph.NODE_HEIGHT + m);
        redraw();
    }

    /** The selection and its connections start or stop being drawn on the overlay: the tiles under them change. */
    private void selectionLifted() {
        BoardGraph g = vm.graphProperty().get();
        for (String id : vm.selection()) {
            nodeChanged(id);
        }
        for (BoardEdge e : g.edges()) {
            BoardNode a = g.node(e.from());
            BoardNode b = g.node(e.to());
            if (a != null && b != null && (vm.selection().contains(a.id()) || vm.selection().contains(b.id()))) {
                double bend = Math.max(40, Math.abs(b.x() - a.outX()) / 2); // the curve's reach, as BoardPainter draws it
                tiles.invalidate(Math.min(a.outX(), b.x() - bend) - 10, Math.min(a.portY(), b.portY()) - 10,
                        Math.max(a.outX() + bend, b.x()) + 10, Math.max(a.portY(), b.portY()) + 10);
            }
        }
        redraw();
    }

    private void viewportChanged(Observable o) {
        redraw(); // tiles move; only those coming into view (all of them after a zoom) are painted
    }

    private void styleBanner() {
        banner.setStyle((dark.get() ? "-fx-background-color: #49020299; -fx-text-fill: #ffa198; -fx-border-color: #f8514966;"
                : "-fx-background-color: #ffebe9; -fx-text-fill: #82071e; -fx-border-color: #ff818266;")
                + " -fx-padding: 6 12; -fx-background-radius: 4; -fx-border-radius: 4;");
    }

    private BoardColors colors() {
        return dark.get() ? BoardColors.DARK : BoardColors.LIGHT;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (overlay.getWidth() != w || overlay.getHeight() != h) {
            overlay.setWidth(w);
            overlay.setHeight(h);
            dirty = true;
        }
        tiles.node().resizeRelocate(0, 0, w, h);
        minimap.resizeRelocate(w - Minimap.WIDTH - 12, h - Minimap.HEIGHT - 12, Minimap.WIDTH, Minimap.HEIGHT);
        double bw = Math.min(w - 24, banner.prefWidth(-1));
        banner.resizeRelocate(12, 12, bw, banner.prefHeight(bw));
        if (dirty && w > 0 && h > 0) {
            dirty = false;
            double s = vm.scaleProperty().get();
            double tx = vm.translateXProperty().get();
            double ty = vm.translateYProperty().get();
            BoardColors c = colors();
            BoardPainter.Layer layer = moving ? BoardPainter.Layer.STILL : BoardPainter.Layer.ALL;
            boolean zoomStep = s != lastScale && !Double.isNaN(lastScale);
            lastScale = s;
            if (zoomStep) {
                if (direct.getWidth() != w || direct.getHeight() != h) {
                    direct.setWidth(w);
                    direct.setHeight(h);
                }
                painter.paint(direct.getGraphicsContext2D(), w, h, vm, c, BoardPainter.Gesture.NONE, selectedEdge, layer);
                direct.setVisible(true);
                tiles.node().setVisible(false);
                paintedTiles = 0;
            } else {
                tiles.update(w, h, s, tx, ty, (targets, scale) -> painter.paint(targets, scale, vm, c,
                        BoardPainter.Gesture.NONE, selectedEdge, layer));
                tiles.node().setVisible(true);
                direct.setVisible(false);
                paintedTiles = tiles.paintedLast();
            }
            paintOverlay(w, h, c);
            visibleNodes = visible(w, h, s, tx, ty);
            minimap.paintViewport(w, h);
        }
    }

    /** The overlay shows the dragged nodes, or a gesture's box or line; with nothing to show it is hidden (not drawn). */
    private void paintOverlay(double w, double h, BoardColors c) {
        boolean show = moving || gesture.box() != null || gesture.connectFrom() != null;
        if (!show && !overlayShown) {
            return;
        }
        GraphicsContext g = overlay.getGraphicsContext2D();
        if (moving) {
            g.setTransform(1, 0, 0, 1, 0, 0);
            g.clearRect(0, 0, w, h);
            painter.paint(g, w, h, vm, c, gesture, selectedEdge, BoardPainter.Layer.MOVING);
        } else {
            painter.paintGesture(g, w, h, vm, c, gesture); // clears it when there is no gesture
        }
        overlay.setVisible(show);
        overlayShown = show;
    }

    private int visible(double w, double h, double s, double tx, double ty) {
        double x0 = -tx / s - BoardGraph.NODE_WIDTH;
        double y0 = -ty / s - BoardGraph.NODE_HEIGHT;
        double x1 = (w - tx) / s;
        double y1 = (h - ty) / s;
        int count = 0;
        for (BoardNode n : vm.graphProperty().get().nodes()) {
            if (n.x() >= x0 && n.x() <= x1 && n.y() >= y0 && n.y() <= y1) {
                count++;
            }
        }
        return count;
    }

    // --- coordinates --------------------------------------------------------------------------------

    double boardX(double sx) {
        return (sx - vm.translateXProperty().get()) / vm.scaleProperty().get();
    }

    double boardY(double sy) {
        return (sy - vm.translateYProperty().get()) / vm.scaleProperty().get();
    }

    /** The node whose output port is under screen point (sx, sy), or null. */
    private BoardNode outPortAt(double sx, double sy) {
        double r = PORT_HIT / vm.scaleProperty().get();
        double bx = boardX(sx);
        double by = boardY(sy);
        for (BoardNode n : vm.graphProperty().get().nodes()) {
            if (n.outType() != null && Math.abs(bx - n.outX()) <= r && Math.abs(by - n.portY()) <= r) {
                return n;
            }
        }
        return null;
    }

    /** The connection drawn near screen point (sx, sy) (straight-line distance between its ports), or -1. */
    private int edgeAt(double sx, double sy) {
        BoardGraph g = vm.graphProperty().get();
        double bx = boardX(sx);
        double by = boardY(sy);
        double best = 6 / vm.scaleProperty().get();
        int found = -1;
        for (BoardEdge e : g.edges()) {
            BoardNode a = g.node(e.from());
            BoardNode b = g.node(e.to());
            if (a != null && b != null) {
                double d = segmentDistance(bx, by, a.outX(), a.portY(), b.x(), b.portY());
                if (d < best) {
                    best = d;
                    found = e.index();
                }
            }
        }
        return found;
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    // --- mouse --------------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        requestFocus();
        lastBoardX = boardX(e.getX());
        lastBoardY = boardY(e.getY());
        if (e.getButton() != MouseButton.PRIMARY) {
            drag = new Drag(Mode.PAN, e, null);
            return;
        }
        BoardNode port = outPortAt(e.getX(), e.getY());
        if (port != null) {
            drag = new Drag(Mode.CONNECT, e, port.id());
            return;
        }
        BoardNode hit = vm.graphProperty().get().nodeAt(lastBoardX, lastBoardY);
        boolean toggle = e.isShortcutDown() || e.isShiftDown();
        if (hit != null) {
            selectEdge(-1);
            if (toggle) {
                if (!vm.selection().remove(hit.id())) {
                    vm.selection().add(hit.id());
                }
            } else if (!vm.selection().contains(hit.id())) {
                vm.selection().clear();
                vm.selection().add(hit.id());
            }
            drag = new Drag(Mode.MOVE, e, hit.id());
            return;
        }
        int edge = edgeAt(e.getX(), e.getY());
        if (edge >= 0) {
            selectEdge(edge);
            vm.selection().clear();
            drag = null;
            return;
        }
        selectEdge(-1);
        if (!toggle) {
            vm.selection().clear();
        }
        drag = new Drag(Mode.BOX, e, null);
        redraw();
    }

    private void dragged(MouseEvent e) {
        if (drag == null) {
            return;
        }
        lastBoardX = boardX(e.getX());
        lastBoardY = boardY(e.getY());
        if (Math.hypot(e.getX() - drag.startX, e.getY() - drag.startY) > DRAG_THRESHOLD) {
            drag.moved = true;
        }
        double s = vm.scaleProperty().get();
        switch (drag.mode) {
            case PAN -> vm.pan(e.getX() - drag.lastX, e.getY() - drag.lastY);
            case MOVE -> {
                if (drag.moved) {
                    gesture = new BoardPainter.Gesture(BoardViewModel.snap((e.getX() - drag.startX) / s),
                            BoardViewModel.snap((e.getY() - drag.startY) / s), null, null, 0, 0);
                    drag.lastX = e.getX();
                    drag.lastY = e.getY();
                    if (!moving) { // the first moved frame: the tiles under the selection are painted without it
                        moving = true;
                        selectionLifted();
                    }
                    redraw(); // the tiles stay; the overlay draws the moving nodes
                    return;
                }
            }
            case BOX -> gesture = new BoardPainter.Gesture(0, 0, new double[] {boardX(drag.startX), boardY(drag.startY),
                    lastBoardX, lastBoardY}, null, 0, 0);
            case CONNECT -> gesture = new BoardPainter.Gesture(0, 0, null, drag.node, lastBoardX, lastBoardY);
            default -> {
            }
        }
        drag.lastX = e.getX();
        drag.lastY = e.getY();
        redraw(); // a box or a line on the overlay; a pan moves the tiles
    }

    private void released(MouseEvent e) {
        Drag d = drag;
        BoardPainter.Gesture g = gesture;
        drag = null;
        gesture = BoardPainter.Gesture.NONE;
        if (moving) { // the selection goes back onto the tiles (at its new place, if the move is written)
            moving = false;
            selectionLifted();
        }
        if (d == null) {
            return;
        }
        switch (d.mode) {
            case MOVE -> {
                if (d.moved && (g.dx() != 0 || g.dy() != 0)) {
                    vm.moveSelection(g.dx(), g.dy());
                }
            }
            case BOX -> {
                if (d.moved && g.box() != null) {
                    double[] b = g.box();
                    vm.selectBox(b[0], b[1], b[2], b[3], e.isShortcutDown() || e.isShiftDown());
                }
            }
            case CONNECT -> {
                BoardNode target = vm.graphProperty().get().nodeAt(boardX(e.getX()), boardY(e.getY()));
                if (target != null) {
                    vm.connect(d.node, target.id());
                }
            }
            default -> {
            }
        }
        redraw(); // the overlay is cleared; edits and selection changes marked their tiles
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) {
            // a wheel notch is ~40 px and zooms 10 %; tiny deltas (touchpads, some platforms' 1 px notches) still count
            double notches = Math.signum(e.getDeltaY()) * Math.max(0.25, Math.abs(e.getDeltaY()) / 40);
            vm.zoomAt(Math.pow(1.1, notches), e.getX(), e.getY());
        } else {
            vm.pan(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    private void zoomed(ZoomEvent e) {
        vm.zoomAt(e.getZoomFactor(), e.getX(), e.getY());
        e.consume();
    }
}
