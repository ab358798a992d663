package dev.symphony.ui.editor;

/**
 * The token spans of one line as the view needs them: span {@code i} starts at offset
 * {@link #start(int)} (relative to the line start) and runs to the next span's start or the line end.
 */
public interface StyledLine {
    int size();

    int start(int index);

    TokenLook look(int index);
}
