package dev.symphony.ui.editor;

import dev.symphony.editor.text.Rope;
import java.nio.file.Path;

/**
 * Makes the style source of a newly shown document (language detection + a syntax session) and
 * knows the editor colours of the light and dark theme.
 */
public interface StyleSources {
    /**
     * A source for {@code file} whose text is {@code text}; {@code onReady} may be called on any
     * thread whenever new styles are available (the caller coalesces it onto the FX thread).
     */
    LineStyleSource open(Path file, Rope text, boolean dark, Runnable onReady);

    EditorColors colors(boolean dark);

    /**
     * A file is about to be read: start what can start without its text (loading the grammar its
     * name suggests), in parallel with the read. Returns at once.
     */
    default void prepare(Path file, boolean dark) {
    }

    /** No highlighting: every document is plain text. */
    StyleSources PLAIN = new StyleSources() {
        @Override
        public LineStyleSource open(Path file, Rope text, boolean dark, Runnable onReady) {
            return LineStyleSource.PLAIN;
        }

        @Override
        public EditorColors colors(boolean dark) {
            return EditorColors.forDark(dark);
        }
    };
}
