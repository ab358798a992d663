package dev.symphony.ui.tabs;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A file open in a tab. Until the rope-backed editor view replaces it, the text lives here as a
 * String; files too large or not valid UTF-8 open read-only with a notice, so a save can never
 * corrupt them.
 */
public final class OpenDocument {
    private final Path path;
    private final StringProperty text = new SimpleStringProperty();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final boolean readOnly;
    private final String notice;

    OpenDocument(Path path, String text, boolean readOnly, String notice) {
        this.path = path;
        this.text.set(text);
        this.readOnly = readOnly;
        this.notice = notice;
        this.text.addListener((obs, old, now) -> dirty.set(true));
    }

    public Path path() {
        return path;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Why the document is read-only or shown partially, or null. */
    public String notice() {
        return notice;
    }

    public String title() {
        return path.getFileName().toString();
    }
}
