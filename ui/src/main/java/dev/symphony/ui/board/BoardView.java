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
import javafx.scene.layout.Region;

/**
 * The Harmony Board's canvas: the board's picture in tiles ({@link BoardTiles}) painted at most once per pulse and
 * only where something changed or came into view, culled and at a level of detail ({@link BoardPainter}); over them a
 * transparent canvas for what a gesture draws (a box, a connection being made, the dragged nodes), a {@link Minimap}
 * and a banner for refusals. Mouse ({@link BoardMouse}): drag a node to move the selection (snapped to the grid),
 * drag from an output port onto a node to connect, drag on the empty board to select a box, middle/right drag or
 * scroll to pan, Ctrl+scroll or pinch to zoom. Keys in {@link BoardKeys}.
 */
public final class BoardView extends Region {
    public static final String STYLE_CLASS = "harmony-board";

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
    private final BoardMouse mouse;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private boolean dirty = true;
    private boolean overlayShown;
    private int visibleNodes;
    private int paintedTiles;
    private double lastScale = Double.NaN;
    private int selectedEdge = -1;

    public BoardView(BoardViewModel vm) {
        this.vm = vm;
        this.mouse = new BoardMouse(this, vm);
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
        setOnMousePressed(mouse::pressed); // on the view, not the canvas: the minimap and the banner consume their own
        setOnMouseDragged(mouse::dragged);
        setOnMouseReleased(mouse::released);
        setOnScroll(mouse::scrolled);
        setOnZoom(mouse::zoomed);
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
    void selectEdge(int index) {
        if (index != selectedEdge) {
            selectedEdge = index;
            repaint();
        }
    }

    /** The board point last under the mouse (where Paste puts things). */
    Point pointer() {
        return mouse.pointer();
    }

    /** Everything may have changed: every tile is painted again, in this pulse's layout pass (once per pulse). */
    public void repaint() {
        tiles.invalidateAll();
        redraw();
    }

    /** Shows the tiles at the current viewport in this pulse's layout pass, painting only those not up to date. */
    void redraw() {
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
    void selectionLifted() {
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
            BoardPainter.Layer layer = mouse.moving() ? BoardPainter.Layer.STILL : BoardPainter.Layer.ALL;
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
        BoardPainter.Gesture gesture = mouse.gesture();
        boolean show = mouse.moving() || gesture.box() != null || gesture.connectFrom() != null;
        if (!show && !overlayShown) {
            return;
        }
        GraphicsContext g = overlay.getGraphicsContext2D();
        if (mouse.moving()) {
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

}
