package dev.symphony.ui.editor;

/**
 * Text shown inside a line that is not in the buffer (an inlay hint: a parameter's name before an argument, a
 * variable's inferred type after its name), before the character at {@code offset} of its line. It takes columns of
 * its own: the text after it moves right, the caret at {@code offset} stays before it, and a click on it lands there.
 */
public record Inlay(int offset, String label) {
    public Inlay {
        if (offset < 0) {
            throw new IllegalArgumentException("an inlay's offset in its line is not negative: " + offset);
        }
        label = label == null ? "" : label.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
