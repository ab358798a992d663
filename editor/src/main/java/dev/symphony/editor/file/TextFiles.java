package dev.symphony.editor.file;

import dev.symphony.editor.text.Rope;
import java.io.IOException;
import java.nio.file.Path;

/** Load and save with the file's own encoding, BOM and (already in the text) line endings. */
public final class TextFiles {

    private TextFiles() {
    }

    public static TextFile load(Path file) throws IOException {
        return new TextDecoder().load(file);
    }

    public static void save(Path file, Rope text, TextEncoding encoding) throws IOException {
        AtomicWriter.write(file, out -> TextEncoder.write(text, encoding, out));
    }
}
