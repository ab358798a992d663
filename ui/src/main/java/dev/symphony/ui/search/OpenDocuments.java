package dev.symphony.ui.search;

import dev.symphony.editor.buffer.Buffer;
import java.nio.file.Path;
import java.util.Optional;

/** The documents open in the workbench, by path, as replace across files edits them (on the JavaFX thread). */
public interface OpenDocuments {
    Optional<Buffer> bufferOf(Path file);

    /** Saves the open document of {@code file} the way the tab would. */
    void save(Path file);
}
