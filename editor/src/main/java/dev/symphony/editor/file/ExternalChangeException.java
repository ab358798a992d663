package dev.symphony.editor.file;

import java.io.IOException;
import java.nio.file.Path;

/** Saving would overwrite changes someone else made on disk since the editor loaded or saved the file. */
public final class ExternalChangeException extends IOException {

    private static final long serialVersionUID = 1L;

    public ExternalChangeException(Path file, DiskFingerprint expected, DiskFingerprint actual) {
        super(file + " changed on disk since it was opened (" + describe(expected) + " then, " + describe(actual)
                + " now); reload it, compare the two, or save anyway to overwrite");
    }

    private static String describe(DiskFingerprint f) {
        return f.exists() ? f.size() + " bytes" : "missing";
    }
}
