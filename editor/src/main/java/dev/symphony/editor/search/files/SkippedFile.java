package dev.symphony.editor.search.files;

import java.nio.file.Path;

/** A file the search left out, and why (shown as a note, never silently). */
public record SkippedFile(Path path, String relative, Reason reason, String detail) {

    public enum Reason {
        /** It holds a NUL byte (ripgrep's binary test). */
        BINARY,
        /** It is larger than {@link FileSearchOptions#maxFileSize()}. */
        TOO_LARGE,
        /** It could not be read (permissions, vanished, a folder that could not be listed). */
        UNREADABLE
    }
}
