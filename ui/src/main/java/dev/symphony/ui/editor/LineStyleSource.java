package dev.symphony.ui.editor;

import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;

/**
 * Where the view gets token styles from (a syntax session, or nothing). Called on the JavaFX
 * thread only; a source computes in the background and tells its {@code onReady} callback (which the
 * view coalesces through the FX bridge) when lines got styles.
 */
public interface LineStyleSource extends AutoCloseable {
    /** Styles of a line, or null while not known (the view paints it plain and repaints later). */
    StyledLine styles(int line);

    /** The lines on screen, which the source styles first. */
    void setViewport(int firstLine, int lastLine);

    /** The buffer's text changed ({@code change} null: replaced wholesale, e.g. undo). */
    void textChanged(Rope before, Rope after, ChangeSet change);

    /** True when this source never styles anything (plain text). */
    default boolean isPlain() {
        return false;
    }

    /** The language's display name ("Plain Text" when none). */
    String languageName();

    @Override
    void close();

    /** Plain text: no styles, nothing to wait for. */
    LineStyleSource PLAIN = new LineStyleSource() {
        @Override public StyledLine styles(int line) {
            return null;
        }

        @Override public void setViewport(int firstLine, int lastLine) {}

        @Override public void textChanged(Rope before, Rope after, ChangeSet change) {}

        @Override public boolean isPlain() {
            return true;
        }

        @Override public String languageName() {
            return "Plain Text";
        }

        @Override public void close() {}
    };
}
