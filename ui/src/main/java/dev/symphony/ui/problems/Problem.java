package dev.symphony.ui.problems;

import java.nio.file.Path;

/** Something wrong at a place in a file: 1-based line and column, and what is wrong. */
public record Problem(Path file, int line, int column, String message) {
    /** {@code settings.json:4:3: Unexpected character …}: what the Problems view lists. */
    public String describe() {
        return file.getFileName() + ":" + line + ":" + column + ": " + message;
    }
}
