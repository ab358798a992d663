package dev.symphony.ui.lsp;

import dev.symphony.ui.editor.EditorView;
import javafx.geometry.Point2D;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A layer above the editor area for the completion list, hover tips and the rename box: nodes placed at a caret or
 * mouse position of an editor view, kept inside the layer. Clicks on empty parts fall through to the editor.
 */
final class Overlay extends Pane {
    static final String STYLE_CLASS = "language-overlay";
    /** A box floating over the editor (a list, a box with a field). */
    static final String BOX_STYLE = "-fx-background-color: -color-bg-overlay; -fx-border-color: -color-border-default;"
            + "-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 8, 0, 0, 2);";
    /** A tip: a floating box with padding around its text. */
    static final String TIP_STYLE = BOX_STYLE + " -fx-padding: 6 8 6 8;";

    Overlay() {
        getStyleClass().add(STYLE_CLASS);
        setPickOnBounds(false);
    }

    /** Shows {@code box} with its top-left at {@code viewPoint} of {@code view} (below it, or above when it would not fit). */
    void place(Region box, EditorView view, Point2D viewPoint, double lineHeight) {
        if (!getChildren().contains(box)) {
            getChildren().add(box);
        }
        box.applyCss();
        box.autosize();
        Point2D p = sceneToLocal(view.localToScene(viewPoint));
        double w = box.prefWidth(-1);
        double h = box.prefHeight(w);
        double x = Math.max(0, Math.min(p.getX(), getWidth() - w - 4));
        double y = p.getY() + lineHeight;
        if (y + h > getHeight() && p.getY() - h > 0) {
            y = p.getY() - h;
        }
        box.resizeRelocate(x, y, w, h);
        box.setVisible(true);
    }

    /** Shows {@code box} at ({@code x}, {@code y}) of this layer, kept inside it: a box about no caret. */
    void placeAt(Region box, double x, double y) {
        if (!getChildren().contains(box)) {
            getChildren().add(box);
        }
        box.applyCss();
        box.autosize();
        double w = box.prefWidth(-1);
        box.resizeRelocate(Math.max(0, Math.min(x, getWidth() - w - 4)), y, w, box.prefHeight(w));
        box.setVisible(true);
    }

    void hide(Region box) {
        getChildren().remove(box);
    }
}
