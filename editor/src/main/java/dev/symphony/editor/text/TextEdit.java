package dev.symphony.editor.text;

import java.util.Objects;

/**
 * Replace {@code [from, to)} by {@code text}: the value every change is made of. Offsets are UTF-16
 * units in the document the edit applies to.
 */
public record TextEdit(int from, int to, String text) {

    public TextEdit {
        Objects.requireNonNull(text, "text");
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad range [" + from + ", " + to + ")");
        }
    }

    public static TextEdit insert(int at, String text) {
        return new TextEdit(at, at, text);
    }

    public static TextEdit delete(int from, int to) {
        return new TextEdit(from, to, "");
    }

    /** Change in document length. */
    public int delta() {
        return text.length() - (to - from);
    }
}
