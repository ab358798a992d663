package dev.symphony.ui.tabs;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.file.DocumentFile;
import dev.symphony.editor.text.Rope;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A file open in a tab: its {@link Buffer} (the rope is the only copy of the text) and the
 * {@link DocumentFile} it saves through. Dirty means "the buffer's revision is not the saved one",
 * so undoing back to the saved state makes the tab clean again. Binary files open read-only and empty,
 * with a notice, so a save can never corrupt them.
 */
public final class OpenDocument {
    private final javafx.beans.property.ReadOnlyObjectWrapper<Path> path = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final Buffer buffer;
    private DocumentFile file;
    private boolean untitled;
    private String untitledId;
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty preview = new SimpleBooleanProperty();
    private final boolean readOnly;
    private final String notice;
    private long savedRevision;
    private HotExit hotExit; // journals unsaved edits once the tabs set it

    OpenDocument(Path path, Buffer buffer, DocumentFile file, boolean readOnly, String notice) {
        this.path.set(path);
        this.buffer = buffer;
        this.file = file;
        this.readOnly = readOnly;
        this.notice = notice;
        this.savedRevision = buffer.revision();
        buffer.addListener((before, after, change) -> {
            boolean isDirty = buffer.revision() != savedRevision;
            dirty.set(isDirty);
            preview.set(false); // an edit keeps the tab
            if (hotExit != null) {
                hotExit.changed(this, before, after, change, isDirty);
            }
        });
    }

    /** The file's absolute path; for an untitled document its name ("Untitled-1"), a relative path. */
    public Path path() {
        return path.get();
    }

    /** Changes when Save As gives the document another file (or an untitled one its first). */
    public javafx.beans.property.ReadOnlyObjectProperty<Path> pathProperty() {
        return path.getReadOnlyProperty();
    }

    /**
     * A new document that has no file yet (New File): Save asks where to write it. {@code id} names its hot-exit
     * journal, the same from one start to the next, so the tab session finds it again.
     */
    static OpenDocument untitled(String name, String id) {
        OpenDocument document = new OpenDocument(Path.of(name), new Buffer(Rope.empty(), System::currentTimeMillis), null,
                false, null);
        document.untitled = true;
        document.untitledId = id;
        return document;
    }

    public boolean isUntitled() {
        return untitled;
    }

    /** The journal id of an untitled document (see {@link #untitled}); null once it has a file. */
    String untitledId() {
        return untitled ? untitledId : null;
    }

    /** Save As wrote {@code revision} to {@code newFile}: the document lives there from now on. */
    void movedTo(DocumentFile newFile, long revision) {
        saved(revision); // clean: the old journal (if any) goes; the next edit journals under the new path
        this.file = newFile;
        this.untitled = false;
        path.set(newFile.path());
    }

    public Buffer buffer() {
        return buffer;
    }

    /** The on-disk side (encoding, line ending, external-change check), or null for a binary file. */
    public DocumentFile file() {
        return file;
    }

    /** The current text (a copy: for tests and small files; the view reads the rope). */
    public String text() {
        return buffer.text().toString();
    }

    public Rope rope() {
        return buffer.text();
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    /**
     * A preview tab (opened by a single click in the file tree, title in italics) is replaced by the next
     * preview; an edit, a double click or *Keep Editor* pins it.
     */
    public BooleanProperty previewProperty() {
        return preview;
    }

    /** Called after {@code revision} was written to disk. */
    void saved(long revision) {
        savedRevision = revision;
        dirty.set(buffer.revision() != savedRevision);
        if (hotExit != null && !dirty.get()) {
            hotExit.discard(this);
        }
    }

    /** From now on unsaved edits are journaled (not for read-only documents, which are never edited). */
    void journalTo(HotExit journal) {
        if (!readOnly && (file != null || untitled)) {
            this.hotExit = journal;
        }
    }

    /** The tab closed (saved or not): nothing of it needs restoring. */
    void closed() {
        if (hotExit != null) {
            hotExit.discard(this);
        }
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Why the document is read-only or special, or null. */
    public String notice() {
        return notice;
    }

    public String title() {
        return path.get().getFileName().toString();
    }
}
