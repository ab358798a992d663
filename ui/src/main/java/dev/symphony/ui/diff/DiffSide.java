package dev.symphony.ui.diff;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.text.Rope;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One side of a comparison: a title ("Main.java (on disk)"), the file whose name picks the syntax
 * colours, the text as a {@link Buffer} (a document's own buffer when the side is a live editor), and
 * whether the diff view may change it (revert or accept a change, typing).
 */
public record DiffSide(String title, Path file, Buffer buffer, boolean editable) {
    public DiffSide {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(buffer, "buffer");
    }

    /** A read-only side over a text (a saved version, a Git revision, a proposed edit). */
    public static DiffSide ofText(String title, Path file, CharSequence text) {
        return ofText(title, file, Rope.of(text));
    }

    public static DiffSide ofText(String title, Path file, Rope text) {
        return new DiffSide(title, file, new Buffer(text, System::currentTimeMillis), false);
    }
}
