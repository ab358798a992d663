package dev.symphony.editor.file;

import java.io.IOException;
import java.nio.file.Path;

/** The file is not a text file the editor can open without damaging it (binary, malformed UTF-16). */
public final class NotTextException extends IOException {

    private static final long serialVersionUID = 1L;

    public NotTextException(Path file, String reason) {
        super(file + ": " + reason);
    }
}
