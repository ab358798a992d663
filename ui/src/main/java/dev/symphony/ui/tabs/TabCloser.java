package dev.symphony.ui.tabs;

import dev.symphony.ui.shell.Prompter;
import dev.symphony.ui.shell.SaveChoice;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The one way tabs with documents close, whatever asked (Ctrl+W, the palette, the tab's close button or
 * menu, Close Others/All, closing the window): unsaved changes are offered <em>Save</em> (the default),
 * <em>Don't Save</em> or <em>Cancel</em>. A tab closes only when it is clean, was saved successfully, or the
 * person chose Don't Save; only then does its hot-exit journal go (a failed save keeps the tab, its edits
 * and its journal, and says why). JavaFX thread only; the futures complete on it.
 */
public final class TabCloser {
    private final EditorTabsViewModel tabs;
    private final Prompter prompter;

    public TabCloser(EditorTabsViewModel tabs, Prompter prompter) {
        this.tabs = tabs;
        this.prompter = prompter;
    }

    /** Closes one document's tab, asking first if it has unsaved changes; true when it closed. */
    public CompletableFuture<Boolean> close(OpenDocument document) {
        return document == null ? CompletableFuture.completedFuture(true) : closeAll(List.of(document));
    }

    /** The open documents, in tab order. */
    public List<OpenDocument> documents() {
        return tabs.documents();
    }

    /** Closes every tab but {@code keep}'s. */
    public CompletableFuture<Boolean> closeOthers(OpenDocument keep) {
        return closeAll(tabs.documents().stream().filter(d -> d != keep).toList());
    }

    /**
     * Closes these documents' tabs after one question about those with unsaved changes (Save All saves
     * each); true when all of them closed. Cancel, or a save that fails, keeps every dirty one open.
     */
    public CompletableFuture<Boolean> closeAll(List<OpenDocument> documents) {
        List<OpenDocument> dirty = documents.stream().filter(d -> d.dirtyProperty().get()).toList();
        if (dirty.isEmpty()) {
            documents.forEach(this::closeNow);
            return CompletableFuture.completedFuture(true);
        }
        SaveChoice choice = prompter.askToSave(dirty.size() == 1 ? "Save changes to " + dirty.get(0).title() + "?"
                : "Save changes to " + dirty.size() + " files?", question(dirty), dirty.size() == 1 ? "Save" : "Save All");
        return switch (choice) {
            case CANCEL -> CompletableFuture.completedFuture(false);
            case DONT_SAVE -> {
                documents.forEach(this::closeNow);
                yield CompletableFuture.completedFuture(true);
            }
            case SAVE -> saveEach(dirty).thenApply(allSaved -> {
                // a document whose save failed stays open (and dirty, with its journal); the rest close
                documents.stream().filter(d -> !d.dirtyProperty().get()).forEach(this::closeNow);
                return allSaved;
            });
        };
    }

    private static String question(List<OpenDocument> dirty) {
        String names = dirty.stream().limit(10).map(d -> d.path().toString()).collect(Collectors.joining("\n"));
        String more = dirty.size() > 10 ? "\n… and " + (dirty.size() - 10) + " more" : "";
        return (dirty.size() == 1 ? "It has unsaved changes:\n" : "They have unsaved changes:\n") + names + more
                + "\n\nYour changes will be lost if you don't save them.";
    }

    private CompletableFuture<Boolean> saveEach(List<OpenDocument> dirty) {
        CompletableFuture<Boolean> all = CompletableFuture.completedFuture(true);
        for (OpenDocument d : dirty) {
            all = all.thenCompose(ok -> tabs.save(d).thenApply(saved -> ok && saved));
        }
        return all;
    }

    private void closeNow(OpenDocument document) {
        if (tabs.documents().contains(document)) {
            tabs.close(document);
        }
    }
}
