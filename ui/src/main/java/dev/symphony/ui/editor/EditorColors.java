package dev.symphony.ui.editor;

import javafx.scene.paint.Color;

/** The editor's own colours (the syntax theme's editor colours, or these defaults). */
public record EditorColors(Color background, Color foreground, Color selection, Color lineHighlight, Color caret,
                           Color lineNumber, Color bracket) {
    public static final EditorColors LIGHT = new EditorColors(Color.web("#ffffff"), Color.web("#24292e"),
            Color.web("#add6ff"), Color.web("#f3f6fa"), Color.web("#000000"), Color.web("#8c959f"), Color.web("#c8d7f0"));
    public static final EditorColors DARK = new EditorColors(Color.web("#0d1117"), Color.web("#e6edf3"),
            Color.web("#264f78"), Color.web("#2a2d2e"), Color.web("#aeafad"), Color.web("#858585"), Color.web("#3a4a63"));

    public static EditorColors forDark(boolean dark) {
        return dark ? DARK : LIGHT;
    }
}
