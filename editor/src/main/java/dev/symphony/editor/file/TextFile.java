package dev.symphony.editor.file;

import dev.symphony.editor.text.Rope;

/** A decoded text file: its text, how it was encoded and terminated, and its size on disk. */
public record TextFile(Rope text, TextEncoding encoding, LineEnding lineEnding, long bytes) {
}
