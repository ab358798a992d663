package dev.symphony.ui.tabs;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.file.DocumentFile;
import dev.symphony.editor.file.HotExitJournal;
import dev.symphony.editor.file.NotTextException;
import dev.symphony.editor.file.TextEncoding;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.MinimalEdit;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.probe.StartupTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * The open files: opening (decoded into a rope off the JavaFX thread, any size), selecting, saving
 * atomically through {@link DocumentFile} (which refuses to overwrite external changes; {@link DocumentSaves}),
 * following changes on disk ({@link DiskFollower}), hot exit, closing.
 */
public final class EditorTabsViewModel {
    /** Opening that takes longer than this shows progress. */
    static final Duration PROGRESS_AFTER = Duration.millis(300);
    private final ObservableList<OpenDocument> documents = FXCollections.observableArrayList();
    private final ObjectProperty<OpenDocument> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final FxBridge bridge;
    private Consumer<Path> onReadStarting = path -> { };
    private boolean keepFocus;
    private HotExit hotExit; // null: unsaved edits are not journaled (tests that do not ask for it)
    private final DiskFollower disk;
    private final DocumentSaves saves;
    private final ClosedTabs closedPaths = new ClosedTabs();
    private final UntitledDocuments untitled = new UntitledDocuments(documents);

    public EditorTabsViewModel(FxBridge bridge) {
        this.bridge = bridge;
        this.disk = new DiskFollower(bridge, this::find, lastError::set);
        this.saves = new DocumentSaves(bridge, this::find, lastError::set, disk, () -> hotExit);
    }

    /**
     * Journals every unsaved edit under {@code dir} from now on, and reopens the files whose unsaved
     * changes a crash or a quit left there, dirty, with those changes restored.
     */
    public void keepUnsavedEditsIn(Path dir) {
        if (hotExit != null) {
            return;
        }
        hotExit = new HotExit(dir, problem -> bridge.later(() -> lastError.set(problem)));
        documents.forEach(d -> d.journalTo(hotExit));
        hotExit.leftBehind().thenAccept(found -> bridge.later(() -> {
            List<HotExitJournal.Recovered> untitledFound = new java.util.ArrayList<>();
            for (HotExitJournal.Recovered r : found) {
                if (r.problem() != null) {
                    lastError.set("Unsaved changes in " + r.journal() + " could not be restored: " + r.problem()
                            + " (the journal is kept)");
                } else if (r.file() == null) {
                    untitledFound.add(r); // the tab session puts it back in its place
                } else {
                    open(r.file(), document -> restore(document, r));
                }
            }
            untitled.found(untitledFound, hotExit);
        }));
    }

    /**
     * Reopens the untitled document hot exit kept as {@code id}, named {@code title}, with its text (unsaved), once
     * the journals are read; {@code onOpened} gets it, or null when there is no such journal (or no hot exit).
     */
    public void reopenUntitled(String id, String title, Consumer<OpenDocument> onOpened) {
        if (hotExit == null) {
            onOpened.accept(null);
        } else {
            untitled.reopen(id, title, onOpened);
        }
    }

    /** Reopens the untitled documents hot exit kept that {@link #reopenUntitled} was not asked for. */
    public void reopenOtherUntitled() {
        untitled.reopenRest();
    }

    /**
     * Makes {@code document}'s text the recovered one as one undoable edit (its unsaved changes again).
     * The edit is found off the JavaFX thread (a large file is a long scan) and applied only if the
     * document was not edited meanwhile; otherwise the journal is kept and the person told.
     */
    private void restore(OpenDocument document, HotExitJournal.Recovered recovered) {
        Rope text = document.rope();
        long revision = document.buffer().revision();
        bridge.compute(() -> MinimalEdit.between(text, recovered.text()), edit -> {
            if (document.buffer().revision() != revision) {
                lastError.set("Unsaved changes to " + document.title() + " were not restored: it was edited first ("
                        + recovered.journal() + " is kept)");
                return;
            }
            edit.ifPresent(e -> document.buffer().edit(ChangeSet.of(e), EditKind.COMMAND));
            hotExit.forget(recovered.journal());
            progress.set("Restored unsaved changes to " + document.title());
        }, e -> lastError.set("Unsaved changes to " + document.title() + " were not restored: " + rootMessage(e)));
    }

    public ObservableList<OpenDocument> documents() {
        return documents;
    }

    public ObjectProperty<OpenDocument> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** "Opening big.java…" while a file takes longer than 300 ms to load, else "". */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Told (on the FX thread) when a file starts being read, e.g. to load its grammar meanwhile. */
    public void setOnReadStarting(Consumer<Path> onReadStarting) {
        this.onReadStarting = onReadStarting;
    }

    public Optional<OpenDocument> find(Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        return documents.stream().filter(d -> d.path().equals(normalized)).findFirst();
    }

    /** Opens a file (or selects its tab, pinning a preview); {@code onOpened} runs on the JavaFX thread once it shows. */
    public void open(Path file, Consumer<OpenDocument> onOpened) {
        open(file, false, onOpened);
    }

    /**
     * Opens a file as the preview tab (a single click in the file tree): it takes the place of the
     * current preview unless that one has been edited; a file already open is only selected.
     */
    public void openPreview(Path file, Consumer<OpenDocument> onOpened) {
        open(file, true, onOpened);
    }

    /** Selects a document; {@code focus}: its editor takes the keyboard focus (a preview leaves it where it is). */
    private void select(OpenDocument document, boolean focus) {
        keepFocus = !focus;
        try {
            selected.set(document);
        } finally {
            keepFocus = false;
        }
    }

    /** True while a preview is being shown: the tabs do not move the focus into its editor (it stays in the tree). */
    public boolean keepsFocus() {
        return keepFocus;
    }

    /** Keeps a preview tab open (the next preview no longer replaces it). */
    public void pin(OpenDocument document) {
        document.previewProperty().set(false);
    }

    private void open(Path file, boolean asPreview, Consumer<OpenDocument> onOpened) {
        Path path = file.toAbsolutePath().normalize();
        Optional<OpenDocument> existing = find(path);
        if (existing.isPresent()) {
            if (!asPreview) {
                pin(existing.get());
            }
            select(existing.get(), !asPreview);
            onOpened.accept(existing.get());
            return;
        }
        PauseTransition progressDelay = new PauseTransition(PROGRESS_AFTER);
        progressDelay.setOnFinished(e -> progress.set("Opening " + path.getFileName() + "…"));
        progressDelay.play();
        onReadStarting.accept(path);
        bridge.compute(() -> read(path), document -> {
            progressDelay.stop();
            progress.set("");
            if (hotExit != null) {
                document.journalTo(hotExit);
            }
            Optional<OpenDocument> again = find(path); // opened meanwhile (a second click while reading)
            if (again.isPresent()) {
                select(again.get(), !asPreview);
                onOpened.accept(again.get());
                return;
            }
            document.previewProperty().set(asPreview);
            Optional<OpenDocument> replaced = asPreview ? documents.stream()
                    .filter(d -> d.previewProperty().get() && !d.dirtyProperty().get()).findFirst() : Optional.empty();
            keepFocus = asPreview;
            try {
                if (replaced.isPresent()) {
                    disk.unwatch(replaced.get().path());
                    replaced.get().closed();
                    documents.set(documents.indexOf(replaced.get()), document);
                } else {
                    documents.add(document);
                }
            } finally {
                keepFocus = false;
            }
            select(document, !asPreview);
            disk.watch(document);
            onOpened.accept(document);
        }, e -> {
            progressDelay.stop();
            progress.set("");
            lastError.set("Cannot open " + path + ": " + rootMessage(e));
        });
    }

    static OpenDocument read(Path path) {
        try {
            StartupTrace.mark("file read starts");
            DocumentFile.Opened opened = DocumentFile.open(path);
            StartupTrace.mark("file read into a rope");
            TextEncoding encoding = opened.file().encoding();
            String notice = encoding == TextEncoding.ISO_8859_1_FALLBACK
                    ? "Not valid UTF-8: shown as ISO-8859-1; saving writes the same bytes back." : null;
            return new OpenDocument(path, new Buffer(opened.text(), System::currentTimeMillis), opened.file(), false, notice);
        } catch (NotTextException e) {
            return new OpenDocument(path, new Buffer(Rope.empty(), System::currentTimeMillis), null, true,
                    "This is a binary file; it is not shown as text and will not be changed.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves a document atomically (off the JavaFX thread: the rope is an immutable snapshot); the tab
     * stays dirty and the error is reported if the disk says no or the file changed on disk meanwhile.
     * The future (completed on the JavaFX thread) says whether the document is clean afterwards.
     */
    public CompletableFuture<Boolean> save(OpenDocument document) {
        return saves.save(document);
    }

    /**
     * What runs before a save writes (format on save: ui.lsp); the save writes the text as it is when the returned
     * future completes, on the JavaFX thread, however it completes.
     */
    public void setBeforeSave(java.util.function.Function<OpenDocument, CompletableFuture<Void>> beforeSave) {
        saves.setBeforeSave(beforeSave);
    }

    /** Asks where Save As writes a document (the view layer's dialog); empty: cancelled. */
    public void setSavePathAsker(java.util.function.Function<OpenDocument, Optional<Path>> asker) {
        saves.setSavePathAsker(asker);
    }

    /** New File: an untitled document ("Untitled-1", …) in a new tab, selected; Save asks for its path. */
    public OpenDocument newUntitled() {
        OpenDocument document = untitled.create();
        if (hotExit != null) {
            document.journalTo(hotExit);
        }
        documents.add(document);
        selected.set(document);
        return document;
    }

    /** Save As: asks for a path, then writes the document there; the future says whether it is clean. */
    public CompletableFuture<Boolean> saveAs(OpenDocument document) {
        return saves.saveAs(document);
    }

    /**
     * Writes the document's text to {@code target} (atomically, off the JavaFX thread) and makes that its
     * file: the tab is renamed, the old file is left as it was on disk, later saves go to the new one.
     */
    public CompletableFuture<Boolean> saveAs(OpenDocument document, Path target) {
        return saves.saveAs(document, target);
    }

    /** The window closes: journals of documents still dirty are synced and kept for the next start. */
    public void shutdown() {
        disk.shutdown();
        if (hotExit != null) {
            hotExit.close();
        }
    }

    /**
     * Replaces the tab's text with the file on disk, as one undoable edit of the part that differs
     * (carets and highlighting elsewhere stay); unsaved edits are dropped, but Undo brings them back.
     */
    public void reload(OpenDocument document) {
        disk.reload(document);
    }

    /**
     * Drops a document's tab at once, unsaved edits and journal included: callers go through
     * {@link TabCloser}, which asks first.
     */
    public void close(OpenDocument document) {
        if (document.file() != null) {
            closedPaths.remember(document.path());
        }
        int index = documents.indexOf(document);
        documents.remove(document);
        disk.unwatch(document.path());
        document.closed();
        if (selected.get() == document) {
            selected.set(documents.isEmpty() ? null : documents.get(Math.max(0, index - 1)));
        }
    }

    /** Reopens the most recently closed file that is not open now (Ctrl+Shift+T); false when there is none. */
    public boolean reopenClosed() {
        Optional<Path> last = closedPaths.takeLast(path -> find(path).isEmpty() && java.nio.file.Files.exists(path));
        last.ifPresent(path -> open(path, d -> { }));
        return last.isPresent();
    }

    /** Saves every document with unsaved changes; the future says whether all of them are clean afterwards. */
    public CompletableFuture<Boolean> saveAll() {
        return saves.saveAll(documents);
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
