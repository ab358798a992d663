package dev.symphony.ui.board;

import dev.symphony.ui.board.BoardGraph.BoardEdge;
import dev.symphony.ui.board.BoardGraph.BoardNode;
import dev.symphony.ui.board.MelodyEdits.Point;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

/**
 * The {@link BoardView}'s mouse: what a press hits (an output port, a node, a connection, the empty board), the
 * gesture a drag makes of it (move the selection, connect, select a box, pan), what a release writes through the
 * {@link BoardViewModel}, and wheel and pinch zoom. The view paints {@link #gesture()} on its overlay and, while
 * {@link #moving()}, the tiles without the selection.
 */
final class BoardMouse {
    private static final double PORT_HIT = 12;
    private static final double DRAG_THRESHOLD = 3;
    private final BoardView view;
    private final BoardViewModel vm;
    private BoardPainter.Gesture gesture = BoardPainter.Gesture.NONE;
    /** While nodes are dragged the tiles show the board without them (their layer), the overlay the moving nodes. */
    private boolean moving;
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

    BoardMouse(BoardView view, BoardViewModel vm) {
        this.view = view;
        this.vm = vm;
    }

    /** What the current drag draws (none between gestures). */
    BoardPainter.Gesture gesture() {
        return gesture;
    }

    /** Nodes are being dragged. */
    boolean moving() {
        return moving;
    }

    /** The board point last under the mouse. */
    Point pointer() {
        return new Point(lastBoardX, lastBoardY);
    }

    /** The node whose output port is under screen point (sx, sy), or null. */
    private BoardNode outPortAt(double sx, double sy) {
        double r = PORT_HIT / vm.scaleProperty().get();
        double bx = view.boardX(sx);
        double by = view.boardY(sy);
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
        double bx = view.boardX(sx);
        double by = view.boardY(sy);
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
    void pressed(MouseEvent e) {
        view.requestFocus();
        lastBoardX = view.boardX(e.getX());
        lastBoardY = view.boardY(e.getY());
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
            view.selectEdge(-1);
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
            view.selectEdge(edge);
            vm.selection().clear();
            drag = null;
            return;
        }
        view.selectEdge(-1);
        if (!toggle) {
            vm.selection().clear();
        }
        drag = new Drag(Mode.BOX, e, null);
        view.redraw();
    }

    void dragged(MouseEvent e) {
        if (drag == null) {
            return;
        }
        lastBoardX = view.boardX(e.getX());
        lastBoardY = view.boardY(e.getY());
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
                        view.selectionLifted();
                    }
                    view.redraw(); // the tiles stay; the overlay draws the moving nodes
                    return;
                }
            }
            case BOX -> gesture = new BoardPainter.Gesture(0, 0, new double[] {view.boardX(drag.startX), view.boardY(drag.startY),
                    lastBoardX, lastBoardY}, null, 0, 0);
            case CONNECT -> gesture = new BoardPainter.Gesture(0, 0, null, drag.node, lastBoardX, lastBoardY);
            default -> {
            }
        }
        drag.lastX = e.getX();
        drag.lastY = e.getY();
        view.redraw(); // a box or a line on the overlay; a pan moves the tiles
    }

    void released(MouseEvent e) {
        Drag d = drag;
        BoardPainter.Gesture g = gesture;
        drag = null;
        gesture = BoardPainter.Gesture.NONE;
        if (moving) { // the selection goes back onto the tiles (at its new place, if the move is written)
            moving = false;
            view.selectionLifted();
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
                BoardNode target = vm.graphProperty().get().nodeAt(view.boardX(e.getX()), view.boardY(e.getY()));
                if (target != null) {
                    vm.connect(d.node, target.id());
                }
            }
            default -> {
            }
        }
        view.redraw(); // the overlay is cleared; edits and selection changes marked their tiles
    }
    void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) {
            // a wheel notch is ~40 px and zooms 10 %; tiny deltas (touchpads, some platforms' 1 px notches) still count
            double notches = Math.signum(e.getDeltaY()) * Math.max(0.25, Math.abs(e.getDeltaY()) / 40);
            vm.zoomAt(Math.pow(1.1, notches), e.getX(), e.getY());
        } else {
            vm.pan(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    void zoomed(ZoomEvent e) {
        vm.zoomAt(e.getZoomFactor(), e.getX(), e.getY());
        e.consume();
    }
}
