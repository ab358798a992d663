package dev.symphony.agent;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.buffer.StaleEditException;
import dev.symphony.editor.file.DocumentFile;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Edits of files on disk as the editor reads and saves them ({@link DocumentFile}: the file's encoding and line ends
 * kept, saved atomically): what the chat does for a file no tab has open, and what a Melody's stage is applied with.
 */
public final class DiskEdits {
    private DiskEdits() {
    }

    /** The text of {@code file} as the editor reads it. */
    public static String read(Path file) throws IOException {
        return DocumentFile.open(file).text().toString();
    }

    /**
     * The edit of {@code text} (of {@code file}, at {@code revision}) that replaces the one occurrence of {@code oldText}
     * with {@code newText}; {@link IllegalArgumentException} (for the model) when it is empty, absent or not unique.
     */
    public static ProposedEdit replacing(Path file, long revision, String text, String oldText, String newText) {
        if (oldText.isEmpty()) {
            throw new IllegalArgumentException("oldText is empty; give the text to replace");
        }
        int at = text.indexOf(oldText);
        if (at < 0) {
            throw new IllegalArgumentException("oldText does not occur in " + file.getFileName() + "; read the file again");
        }
        if (text.indexOf(oldText, at + 1) >= 0) {
            throw new IllegalArgumentException("oldText occurs more than once in " + file.getFileName() + "; give more of the text around it");
        }
        String after = text.substring(0, at) + newText + text.substring(at + oldText.length());
        return new ProposedEdit(file, revision, text, after, ChangeSet.of(new TextEdit(at, at + oldText.length(), newText)));
    }

    /** Applies {@code edit} to its file and saves it; refused when the file's text is no longer {@code edit.before()}. */
    public static void apply(ProposedEdit edit) throws IOException, StaleEditException {
        DocumentFile.Opened opened = DocumentFile.open(edit.file());
        if (!opened.text().toString().equals(edit.before())) {
            throw new StaleEditException(edit.file().getFileName() + " changed on disk since the edit was proposed");
        }
        Buffer buffer = new Buffer(opened.text(), System::currentTimeMillis);
        buffer.edit(edit.change(), EditKind.EXTERNAL);
        opened.file().save(buffer.text(), false);
    }
}
