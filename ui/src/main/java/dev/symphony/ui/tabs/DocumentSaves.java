package dev.symphony.ui.tabs;

import dev.symphony.editor.file.DocumentFile;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.FxBridge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Save, Save As and Save All of the open documents: atomic writes off the JavaFX thread through {@link DocumentFile}
 * (which refuses to overwrite external changes). Part of {@link EditorTabsViewModel}; JavaFX thread.
 */
final class DocumentSaves {
    private final FxBridge bridge;
    private final Function<Path, Optional<OpenDocument>> find;
    private final Consumer<String> error;
    private final DiskFollower disk;
    private final Supplier<HotExit> hotExit; // null inside: unsaved edits are not journaled
    private Function<OpenDocument, Optional<Path>> savePathAsker = d -> Optional.empty();
    private Function<OpenDocument, CompletableFuture<Void>> beforeSave = d -> CompletableFuture.completedFuture(null);

    DocumentSaves(FxBridge bridge, Function<Path, Optional<OpenDocument>> find, Consumer<String> error, DiskFollower disk,
            Supplier<HotExit> hotExit) {
        this.bridge = bridge;
        this.find = find;
        this.error = error;
        this.disk = disk;
        this.hotExit = hotExit;
    }

    /** See {@link EditorTabsViewModel#save}. */
    CompletableFuture<Boolean> save(OpenDocument document) {
        if (document != null && document.isUntitled()) {
            return saveAs(document);
        }
        if (document == null || document.isReadOnly() || !document.dirtyProperty().get()) {
            return CompletableFuture.completedFuture(document == null || !document.dirtyProperty().get());
        }
        return beforeSave.apply(document).handle((v, e) -> null).thenCompose(v -> write(document));
    }

    void setBeforeSave(Function<OpenDocument, CompletableFuture<Void>> beforeSave) {
        this.beforeSave = beforeSave;
    }

    void setSavePathAsker(Function<OpenDocument, Optional<Path>> asker) {
        this.savePathAsker = asker;
    }

    private CompletableFuture<Boolean> write(OpenDocument document) {
        CompletableFuture<Boolean> clean = new CompletableFuture<>();
        Rope text = document.rope();
        long revision = document.buffer().revision();
        bridge.compute(() -> {
            try {
                document.file().save(text, false);
                return revision;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, saved -> {
            document.saved(saved);
            error.accept(null);
            clean.complete(!document.dirtyProperty().get());
        }, e -> {
            error.accept("Cannot save " + document.path() + ": " + EditorTabsViewModel.rootMessage(e));
            clean.complete(false);
        });
        return clean;
    }

    /** See {@link EditorTabsViewModel#saveAs(OpenDocument)}. */
    CompletableFuture<Boolean> saveAs(OpenDocument document) {
        if (document == null || document.isReadOnly()) {
            return CompletableFuture.completedFuture(false);
        }
        return savePathAsker.apply(document).map(target -> saveAs(document, target))
                .orElse(CompletableFuture.completedFuture(false));
    }

    /** See {@link EditorTabsViewModel#saveAs(OpenDocument, Path)}. */
    CompletableFuture<Boolean> saveAs(OpenDocument document, Path target) {
        Path to = target.toAbsolutePath().normalize();
        Optional<OpenDocument> other = find.apply(to).filter(d -> d != document);
        if (other.isPresent()) {
            error.accept("Cannot save as " + to + ": that file is open in another tab; close it first");
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> clean = new CompletableFuture<>();
        Rope text = document.rope();
        long revision = document.buffer().revision();
        DocumentFile from = document.file();
        Path oldPath = document.path();
        bridge.compute(() -> {
            try {
                return DocumentFile.saveAs(from, to, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, written -> {
            if (from != null) {
                disk.unwatch(oldPath);
            }
            document.movedTo(written, revision);
            if (hotExit.get() != null) {
                document.journalTo(hotExit.get());
            }
            disk.watch(document);
            error.accept(null);
            clean.complete(!document.dirtyProperty().get());
        }, e -> {
            error.accept("Cannot save " + to + ": " + EditorTabsViewModel.rootMessage(e));
            clean.complete(false);
        });
        return clean;
    }

    /** Saves every one of {@code documents} with unsaved changes, one after another; true when all are clean after. */
    CompletableFuture<Boolean> saveAll(List<OpenDocument> documents) {
        CompletableFuture<Boolean> all = CompletableFuture.completedFuture(true);
        for (OpenDocument d : List.copyOf(documents)) {
            if (d.dirtyProperty().get() && !d.isReadOnly()) {
                all = all.thenCompose(ok -> save(d).thenApply(saved -> ok && saved));
            }
        }
        return all;
    }
}
