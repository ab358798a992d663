package dev.symphony.ui.terminal;

import java.nio.file.Path;

/** Opens a file named in a terminal (clicked {@code path:line:col}) in the workbench. */
@FunctionalInterface
public interface FileLinkOpener {
    /**
     * Called on the JavaFX thread.
     *
     * @param line   1-based; 0 when the link named no line
     * @param column 1-based; 0 when the link named no column
     */
    void open(Path file, int line, int column);
}
