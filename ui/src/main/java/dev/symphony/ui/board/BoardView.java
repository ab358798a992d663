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
 * The Harmony Board's canvas: one {@link Canvas} the size of the view, repainted at most once per pulse, showing
 * only what is in the viewport ({@link BoardPainter}), a {@link Minimap} and a banner for refusals. Mouse: drag a
 * node to move the selection (snapped to the grid), drag from an output port onto a node to connect, drag on the
 * empty board to select a box, middle/right drag or scroll to pan, Ctrl+scroll or pinch to zoom. Keys in
 * {@link BoardKeys}.
 */
public final class BoardView extends Region {
    public static final String STYLE_CLASS = "harmony-board";
    private static final double PORT_HIT = 12;
    private static final double DRAG_THRESHOLD = 3;

    private final BoardViewModel vm;
    private final Canvas canvas = new Canvas();
    private final Minimap minimap;
    private final Label banner = new Label();
    private final BoardPainter painter = new BoardPainter();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private boolean dirty = true;
    private BoardPainter.Gesture gesture = BoardPainter.Gesture.NONE;
    /** While nodes are dragged: the board without them, painted once; each frame draws it and the moving nodes. */
    private javafx.scene.image.WritableImage still;
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
        getChildren().addAll(canvas, minimap, banner);
        vm.translateXProperty().addListener(this::viewportChanged);
        vm.translateYProperty().addListener(this::viewportChanged);
        vm.scaleProperty().addListener(this::viewportChanged);
        vm.revisionProperty().addListener(o -> {
            selectedEdge = -1;
            minimap.paintNodes();
            repaint();
        });
        vm.selection().addListener((SetChangeListener<String>) c -> repaint());
        vm.breakpoints().addListener((SetChangeListener<String>) c -> repaint());
        vm.overlays().pinned().addListener((SetChangeListener<String>) c -> repaint());
        vm.overlays().values().addListener((javafx.collections.MapChangeListener<String, String>) c -> repaint());
        vm.overlays().diff().addListener((javafx.collections.MapChangeListener<String, BoardOverlays.DiffMark>) c -> repaint());
        vm.states().addListener((javafx.collections.MapChangeListener<String, BoardViewModel.NodeState>) c -> repaint());
        vm.messageProperty().addListener((o, a, m) -> {
            banner.setText(m);
            banner.setVisible(m != null && !m.isEmpty());
        });
        dark.addListener(o -> {
            styleBanner();
            minimap.setColors(colors());
            repaint();
        });
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

    /** Nodes painted in the last frame. */
    public int paintedNodes() {
        return painter.drawnNodes();
    }

    /** The selected connection's index in the file (-1: none). */
    public int selectedEdge() {
        return selectedEdge;
    }

    void clearSelectedEdge() {
        selectedEdge = -1;
        repaint();
    }

    /** The board point last under the mouse (where Paste puts things). */
    Point pointer() {
        return new Point(lastBoardX, lastBoardY);
    }

    /** Asks for a repaint in this pulse's layout pass (many changes in one pulse paint once). */
    public void repaint() {
        still = null; // something besides the dragged nodes changed: the still picture is out of date
        dirty = true;
        requestLayout();
    }

    /** The dragged nodes moved: only they are painted again, over the still picture of the rest. */
    private void repaintMoving() {
        if (still == null && canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            GraphicsContext g = canvas.getGraphicsContext2D();
            painter.paint(g, canvas.getWidth(), canvas.getHeight(), vm, colors(), BoardPainter.Gesture.NONE, selectedEdge,
                    BoardPainter.Layer.STILL);
            javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
            double scale = getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
            p.setTransform(javafx.scene.transform.Transform.scale(scale, scale)); // crisp on HiDPI screens
            still = canvas.snapshot(p, null);
        }
        dirty = true;
        requestLayout();
    }

    private void viewportChanged(Observable o) {
        repaint();
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
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
            still = null;
        }
        minimap.resizeRelocate(w - Minimap.WIDTH - 12, h - Minimap.HEIGHT - 12, Minimap.WIDTH, Minimap.HEIGHT);
        double bw = Math.min(w - 24, banner.prefWidth(-1));
        banner.resizeRelocate(12, 12, bw, banner.prefHeight(bw));
        if (dirty && w > 0 && h > 0) {
            dirty = false;
            GraphicsContext g = canvas.getGraphicsContext2D();
            if (still != null && drag != null && drag.mode == Mode.MOVE) {
                g.setTransform(1, 0, 0, 1, 0, 0);
                g.drawImage(still, 0, 0, w, h);
                painter.paint(g, w, h, vm, colors(), gesture, selectedEdge, BoardPainter.Layer.MOVING);
            } else {
                painter.paint(g, w, h, vm, colors(), gesture, selectedEdge);
            }
            minimap.paintViewport(w, h);
        }
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
            selectedEdge = -1;
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
            selectedEdge = edge;
            vm.selection().clear();
            repaint();
            drag = null;
            return;
        }
        selectedEdge = -1;
        if (!toggle) {
            vm.selection().clear();
        }
        drag = new Drag(Mode.BOX, e, null);
        repaint();
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
                    repaintMoving();
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
        repaint();
    }

    private void released(MouseEvent e) {
        Drag d = drag;
        BoardPainter.Gesture g = gesture;
        drag = null;
        gesture = BoardPainter.Gesture.NONE;
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
        repaint();
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
