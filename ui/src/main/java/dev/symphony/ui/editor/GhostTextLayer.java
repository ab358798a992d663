package dev.symphony.ui.editor;

import dev.symphony.editor.text.Rope;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * Paints an inline suggestion ("ghost text") at an offset: its first line after the caret, in the theme's line-number
 * colour and italic, its further lines below on the editor's background (over the lines they cover until the
 * suggestion is accepted or dismissed). Suggestions are offered only where the rest of the caret's line is blank, so
 * the first line never overlaps text. Rebuilt each layout; nothing when no suggestion is set or its line is off screen.
 */
final class GhostTextLayer {
    private final Group group = new Group();
    private int offset = -1;
    private String text = "";

    GhostTextLayer() {
        group.setMouseTransparent(true);
        group.getStyleClass().add("ghost-text");
    }

    Group node() {
        return group;
    }

    void set(int offset, String text) {
        this.offset = text == null || text.isEmpty() ? -1 : offset;
        this.text = text == null ? "" : text;
    }

    int offset() {
        return offset;
    }

    String text() {
        return offset < 0 ? "" : text;
    }

    void paint(EditorView view, Rope rope, EditorColors colors) {
        group.getChildren().clear();
        if (offset < 0 || offset > rope.length()) {
            return;
        }
        double[] p = view.pointOf(rope, offset);
        if (p == null) {
            return;
        }
        EditorMetrics m = view.metrics();
        String[] lines = text.split("\r\n|\r|\n", -1);
        Color ink = colors.lineNumber();
        group.getChildren().add(line(lines[0], p[0], p[1], m, ink));
        if (lines.length > 1) {
            double lh = m.lineHeight();
            double x0 = p[0] - (offset - rope.lineStart(rope.lineOf(offset))) * m.advance(); // the line's left edge
            int widest = 0;
            for (int i = 1; i < lines.length; i++) {
                widest = Math.max(widest, lines[i].length());
            }
            Rectangle behind = new Rectangle(x0, p[1] + lh, Math.max(view.textWidth(), (widest + 1) * m.advance()), (lines.length - 1) * lh);
            behind.setFill(colors.background());
            group.getChildren().add(behind);
            for (int i = 1; i < lines.length; i++) {
                group.getChildren().add(line(lines[i], x0, p[1] + i * lh, m, ink));
            }
        }
    }

    private static Text line(String s, double x, double y, EditorMetrics m, Color ink) {
        Text t = new Text(x, y + 1, s.replace("\t", "    "));
        t.setTextOrigin(VPos.TOP);
        t.setFont(m.font(false, true));
        t.setFill(ink);
        return t;
    }
}
