package dev.symphony.ui.board;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;

/**
 * The whole Melody in small, with the viewport as a rectangle; a click or drag moves the viewport there. The nodes
 * are painted only when the graph changes (one layer), the viewport rectangle on every pan or zoom (another).
 */
final class Minimap extends Pane {
    static final double WIDTH = 220;
    static final double HEIGHT = 140;
    private final Canvas nodes = new Canvas(WIDTH, HEIGHT);
    private final Canvas viewport = new Canvas(WIDTH, HEIGHT);
    private final BoardViewModel vm;
    private double[] bounds;
    private double factor;
    private BoardColors colors = BoardColors.LIGHT;

    Minimap(BoardViewModel vm, java.util.function.DoubleSupplier viewWidth, java.util.function.DoubleSupplier viewHeight) {
        this.vm = vm;
        getStyleClass().add("board-minimap");
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        getChildren().addAll(nodes, viewport);
        javafx.event.EventHandler<MouseEvent> jump = e -> {
            if (bounds != null) {
                double bx = bounds[0] + e.getX() / factor;
                double by = bounds[1] + e.getY() / factor;
                double s = vm.scaleProperty().get();
                vm.translateXProperty().set(viewWidth.getAsDouble() / 2 - bx * s);
                vm.translateYProperty().set(viewHeight.getAsDouble() / 2 - by * s);
            }
            e.consume();
        };
        setOnMousePressed(jump);
        setOnMouseDragged(jump);
    }

    void setColors(BoardColors colors) {
        this.colors = colors;
        paintNodes();
    }

    void paintNodes() {
        GraphicsContext g = nodes.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT); // the fill is translucent: the last frame's nodes would show through
        g.setFill(colors.minimapFill());
        g.fillRect(0, 0, WIDTH, HEIGHT);
        bounds = vm.bounds(null);
        if (bounds == null) {
            return;
        }
        double pad = 400;
        bounds = new double[] {bounds[0] - pad, bounds[1] - pad, bounds[2] + pad, bounds[3] + pad};
        factor = Math.min(WIDTH / (bounds[2] - bounds[0]), HEIGHT / (bounds[3] - bounds[1]));
        double w = Math.max(1, BoardGraph.NODE_WIDTH * factor);
        double h = Math.max(1, BoardGraph.NODE_HEIGHT * factor);
        for (BoardGraph.BoardNode n : vm.graphProperty().get().nodes()) {
            g.setFill(BoardColors.kind(n.type()));
            g.fillRect((n.x() - bounds[0]) * factor, (n.y() - bounds[1]) * factor, w, h);
        }
    }

    void paintViewport(double viewWidth, double viewHeight) {
        GraphicsContext g = viewport.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        if (bounds == null) {
            return;
        }
        double s = vm.scaleProperty().get();
        double x = (-vm.translateXProperty().get() / s - bounds[0]) * factor;
        double y = (-vm.translateYProperty().get() / s - bounds[1]) * factor;
        g.setStroke(colors.selection());
        g.setLineWidth(1.5);
        g.strokeRect(x, y, viewWidth / s * factor, viewHeight / s * factor);
    }
}
