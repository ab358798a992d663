package dev.symphony.ui.tabs;

import dev.symphony.kernel.fs.AtomicFiles;
import dev.symphony.ui.FxBridge;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The open files: opening (read off the JavaFX thread), selecting, saving atomically, closing. */
public final class EditorTabsViewModel {
    /** Files up to this size open editable in the plain text view. */
    static final int EDITABLE_LIMIT = 4 * 1024 * 1024;
    private final ObservableList<OpenDocument> documents = FXCollections.observableArrayList();
    private final ObjectProperty<OpenDocument> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper();
    private final FxBridge bridge;

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
        bridge.compute(() -> read(path), document -> {
            documents.add(document);
            selected.set(document);
            onOpened.accept(document);
        }, e -> lastError.set("Cannot open " + path + ": " + rootMessage(e)));
    }

    static OpenDocument read(Path path) {
        try {
            long size = Files.size(path);
            byte[] head;
            try (InputStream in = Files.newInputStream(path)) {
                head = in.readNBytes((int) Math.min(size, EDITABLE_LIMIT));
            }
            for (int i = 0; i < Math.min(head.length, 8192); i++) {
                if (head[i] == 0) {
                    return new OpenDocument(path, "", true,
                            "This is a binary file; it is not shown as text and will not be changed.");
                }
            }
            if (size > EDITABLE_LIMIT) {
                return new OpenDocument(path, StandardCharsets.UTF_8.decode(ByteBuffer.wrap(head)).toString(), true,
                        "Large file: the first " + EDITABLE_LIMIT / (1024 * 1024) + " MB are shown read-only.");
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(head)).toString();
                return new OpenDocument(path, text, false, null);
            } catch (CharacterCodingException e) {
                return new OpenDocument(path, new String(head, StandardCharsets.ISO_8859_1), true,
                        "Not valid UTF-8: shown read-only so that saving cannot change its bytes.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a document atomically; the tab stays dirty and the error is reported if the disk says no. */
    public void save(OpenDocument document) {
        if (document == null || document.isReadOnly() || !document.dirtyProperty().get()) {
            return;
        }
        String text = document.textProperty().get();
        bridge.compute(() -> {
            try {
                AtomicFiles.writeString(document.path(), text);
                return text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, saved -> {
            if (saved.equals(document.textProperty().get())) {
                document.dirtyProperty().set(false);
            }
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
