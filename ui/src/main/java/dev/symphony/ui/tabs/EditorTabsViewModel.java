package dev.symphony.ui.tabs;

import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.file.DocumentFile;
import dev.symphony.editor.file.NotTextException;
import dev.symphony.editor.file.TextEncoding;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.probe.StartupTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
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
 * atomically through {@link DocumentFile} (which refuses to overwrite external changes), closing.
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

    public EditorTabsViewModel(FxBridge bridge) {
        this.bridge = bridge;
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

    /** Opens a file (or selects its tab); {@code onOpened} runs on the JavaFX thread once it shows. */
    public void open(Path file, Consumer<OpenDocument> onOpened) {
        Path path = file.toAbsolutePath().normalize();
        Optional<OpenDocument> existing = find(path);
        if (existing.isPresent()) {
            selected.set(existing.get());
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
            documents.add(document);
            selected.set(document);
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
     */
    public void save(OpenDocument document) {
        if (document == null || document.isReadOnly() || !document.dirtyProperty().get()) {
            return;
        }
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
            lastError.set(null);
        }, e -> lastError.set("Cannot save " + document.path() + ": " + rootMessage(e)));
    }

    public void close(OpenDocument document) {
        int index = documents.indexOf(document);
        documents.remove(document);
        if (selected.get() == document) {
            selected.set(documents.isEmpty() ? null : documents.get(Math.max(0, index - 1)));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
