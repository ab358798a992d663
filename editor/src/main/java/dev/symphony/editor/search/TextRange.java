package dev.symphony.editor.search;

/** A match: {@code [start, end)} in UTF-16 units. */
public record TextRange(int start, int end) {

    public int length() {
        return end - start;
    }
}
