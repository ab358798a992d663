package dev.symphony.ui.editor;

import javafx.scene.paint.Color;

/** How one token is painted: colour (null = the editor's foreground) and font style. */
public record TokenLook(Color fill, boolean bold, boolean italic, boolean underline) {
    public static final TokenLook PLAIN = new TokenLook(null, false, false, false);
}
