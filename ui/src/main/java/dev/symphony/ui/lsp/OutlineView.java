package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.editor.buffer.Buffer;
import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * The Outline view (palette Focus on Outline View; in the side bar, in place of the Explorer until another view is
 * shown there): the active editor's symbols from its language server in document order, children indented under their
 * parent, each with its kind and line:column; a click or Enter goes there. It follows the active editor and asks again
 * {@value #REST_MS} ms after the last edit; a newer ask cancels the one out, and an answer for an older text is dropped
 * (the next rest asks again). Nothing is asked while it is not shown. JavaFX thread.
 */
final class OutlineView extends PlacesPane {
    static final String ID = "outline-view";
    static final int REST_MS = 500;
    private final Supplier<Path> workspace;
    private final PauseTransition rest = new PauseTransition(Duration.millis(REST_MS));
    private final BufferListener edited = (before, after, change) -> rest.playFromStart();
    private OpenDocument document;
    private Buffer listenedTo;

    OutlineView(ServerRequests requests, Supplier<Path> workspace, LocationPicker.Opener opener) {
        super(ID, requests, opener);
        this.workspace = workspace;
        rest.setOnFinished(e -> ask());
    }

    /** True while the view is in the window. */
    boolean isShown() {
        return getScene() != null;
    }

    /** Shows {@code d}'s outline (null: no editor) and follows its edits. */
    void follow(OpenDocument d) {
        if (listenedTo != null) {
            listenedTo.removeListener(edited);
            listenedTo = null;
        }
        cancel();
        rest.stop();
        document = d;
        list.getItems().clear();
        if (d == null) {
            title.setText(" Outline");
            list.setPlaceholder(new Label("No editor is active"));
            return;
        }
        title.setText(" Outline: " + d.title());
        listenedTo = d.buffer();
        listenedTo.addListener(edited);
        ask();
    }

    private void ask() {
        OpenDocument d = document;
        if (d == null || !isShown()) {
            return;
        }
        cancel();
        int version = requests.versionOf(d);
        list.setPlaceholder(new Label("Asking " + d.title() + "'s language server…"));
        requestId = requests.send(d, "documentSymbol", JsonNodeFactory.instance.objectNode().put("version", version), a -> {
            requestId = -1;
            if (d != document) {
                return;
            }
            if (a.error() != null) {
                list.setPlaceholder(new Label(a.error()));
            } else if (a.version() != version || !a.since().isEmpty()) {
                rest.playFromStart(); // the text changed meanwhile: ask again once it rests
            } else {
                List<LocationPicker.Entry> entries = new ArrayList<>();
                a.result().path("symbols").forEach(s -> entries.add(LocationPicker.entry(s, d.path(), workspace.get())));
                list.setPlaceholder(new Label("No symbols in " + d.title()));
                list.getItems().setAll(entries);
            }
        }).orElse(-1L);
        if (requestId < 0) {
            list.setPlaceholder(new Label("No language server serves " + d.title()));
        }
    }
}
