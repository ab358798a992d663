package dev.symphony.ui.tabs;

import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.file.HotExitJournal;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Untitled documents (New File): their names ("Untitled-1", …) and ids, and the ones hot exit kept from the last
 * session. Those come back through the tab session, each in its place among the tabs with its caret and scroll
 * position ({@link #reopen}); any the session does not name (its file was lost, or they were another folder's)
 * after the remembered tabs ({@link #reopenRest}), so no text written in one is dropped. On the JavaFX thread.
 */
final class UntitledDocuments {
    private static final String PREFIX = "Untitled-";
    private final List<OpenDocument> documents;
    private final Map<String, HotExitJournal.Recovered> leftBehind = new LinkedHashMap<>();
    private final CompletableFuture<HotExit> found = new CompletableFuture<>();
    private int count;

    /** @param documents the open documents, where a reopened one is added */
    UntitledDocuments(List<OpenDocument> documents) {
        this.documents = documents;
    }

    /** A new, empty untitled document with a fresh id. */
    OpenDocument create() {
        return OpenDocument.untitled(PREFIX + ++count, UUID.randomUUID().toString());
    }

    /** {@code hotExit} read its journals: {@code untitled} are those of untitled documents. */
    void found(List<HotExitJournal.Recovered> untitled, HotExit hotExit) {
        untitled.forEach(r -> leftBehind.put(r.documentId(), r));
        found.complete(hotExit);
    }

    /**
     * Reopens the document journaled as {@code id}, named {@code title}, once hot exit read its journals;
     * {@code then} gets it, or null when it left none (or an empty one). Never called when nothing is journaled.
     */
    void reopen(String id, String title, Consumer<OpenDocument> then) {
        found.thenAccept(hotExit -> {
            HotExitJournal.Recovered r = leftBehind.remove(id);
            then.accept(r == null ? null : reopened(r, title, hotExit));
        });
    }

    /** Reopens every journaled untitled document {@link #reopen} did not take, under new names (once the journals are read). */
    void reopenRest() {
        found.thenAccept(hotExit -> {
            List.copyOf(leftBehind.values()).forEach(r -> reopened(r, PREFIX + (count + 1), hotExit));
            leftBehind.clear();
        });
    }

    /** A kept untitled document as a tab again: its text is one unsaved edit, journaled under the same id. */
    private OpenDocument reopened(HotExitJournal.Recovered r, String title, HotExit hotExit) {
        if (title.startsWith(PREFIX)) {
            try { // a new untitled document is not named like a reopened one
                count = Math.max(count, Integer.parseInt(title.substring(PREFIX.length())));
            } catch (NumberFormatException ignored) {
                // a name of another form takes no number
            }
        }
        String text = r.text().toString();
        if (text.isEmpty()) {
            hotExit.forget(r.journal()); // nothing was written in it
            return null;
        }
        OpenDocument document = OpenDocument.untitled(title, r.documentId());
        document.journalTo(hotExit);
        documents.add(document);
        // the edit journals the text again under the same id, replacing the old journal in one move
        document.buffer().edit(ChangeSet.of(new TextEdit(0, 0, text)), EditKind.COMMAND);
        return document;
    }
}
