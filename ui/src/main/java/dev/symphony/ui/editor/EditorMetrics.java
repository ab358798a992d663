package dev.symphony.ui.editor;

import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Font metrics the view's geometry rests on: one monospace advance and one line height, measured
 * once per font (and zoom level) with a throw-away {@link Text}.
 */
public final class EditorMetrics {
    private final Font regular;
    private final Font bold;
    private final Font italic;
    private final Font boldItalic;
    private final double advance;
    private final double lineHeight;

    public EditorMetrics(String family, double size) {
        this.regular = Font.font(family, FontWeight.NORMAL, FontPosture.REGULAR, size);
        this.bold = Font.font(family, FontWeight.BOLD, FontPosture.REGULAR, size);
        this.italic = Font.font(family, FontWeight.NORMAL, FontPosture.ITALIC, size);
        this.boldItalic = Font.font(family, FontWeight.BOLD, FontPosture.ITALIC, size);
        Text probe = new Text("M".repeat(64));
        probe.setFont(regular);
        this.advance = probe.getLayoutBounds().getWidth() / 64;
        probe.setText("Mg|");
        this.lineHeight = Math.ceil(probe.getLayoutBounds().getHeight() + 2);
    }

    public Font font(boolean isBold, boolean isItalic) {
        return isBold ? (isItalic ? boldItalic : bold) : (isItalic ? italic : regular);
    }

    public Font regular() {
        return regular;
    }

    public double advance() {
        return advance;
    }

    public double lineHeight() {
        return lineHeight;
    }
}
