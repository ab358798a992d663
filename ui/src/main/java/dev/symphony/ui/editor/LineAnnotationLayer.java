package dev.symphony.ui.editor;

import dev.symphony.editor.text.Rope;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * Paints one line's annotation (an extension's {@code workbench.lineAnnotations}: the caret line's blame) after the
 * end of that line, three spaces out, in the theme's line-number colour and italic; its tooltip on hover. Rebuilt each
 * layout; nothing when no annotation is set or its line is off screen.
 */
final class LineAnnotationLayer {
    static final String STYLE_CLASS = "line-annotation";
    private final Group group = new Group();
    private int line = -1;
    private String text = "";
    private String tooltip;
    private Text shown; // kept while the annotation is the same, so its tooltip is made once

    LineAnnotationLayer() {
        group.getStyleClass().add(STYLE_CLASS + "s");
    }

    Group node() {
        return group;
    }

    void set(int line, String text, String tooltip) {
        this.line = text == null || text.isEmpty() ? -1 : line;
        this.text = text == null ? "" : text;
        this.tooltip = tooltip;
        this.shown = null;
    }

    int line() {
        return line;
    }

    String text() {
        return line < 0 ? "" : text;
    }

    void paint(EditorView view, Rope rope, EditorColors colors) {
        group.getChildren().clear();
        if (line < 0 || line >= rope.lineCount()) {
            return;
        }
        double[] p = view.pointOf(rope, rope.lineEnd(line));
        if (p == null) {
            return;
        }
        EditorMetrics m = view.metrics();
        if (shown == null) {
            shown = new Text(text);
            shown.setTextOrigin(VPos.TOP);
            shown.getStyleClass().add(STYLE_CLASS);
            if (tooltip != null && !tooltip.isEmpty()) {
                Tooltip.install(shown, new Tooltip(tooltip));
            }
        }
        shown.setX(p[0] + 3 * m.advance());
        shown.setY(p[1] + 1);
        shown.setFont(m.font(false, true));
        shown.setFill(colors.lineNumber());
        group.getChildren().add(shown);
    }
}
