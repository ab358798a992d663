package dev.symphony.ui.lsp;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What the Outline and References views share: a title over a list of places, a click or Enter opens the selected one,
 * and the one request out for the list ({@link #requestId}), which a newer one cancels. JavaFX thread.
 */
abstract class PlacesPane extends VBox {
    final ServerRequests requests;
    final Label title = new Label();
    final ListView<LocationPicker.Entry> list = new ListView<>();
    private final LocationPicker.Opener opener;
    /** The request whose answer the list waits for, or -1. */
    long requestId = -1;

    PlacesPane(String id, ServerRequests requests, LocationPicker.Opener opener) {
        this.requests = requests;
        this.opener = opener;
        setId(id);
        list.setOnMouseClicked(e -> open());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open();
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().setAll(title, list);
    }

    /** Opens the selected place. */
    final void open() {
        LocationPicker.Entry e = list.getSelectionModel().getSelectedItem();
        if (e != null) {
            opener.open(e.file(), e.line() + 1, e.column() + 1);
        }
    }

    /** Cancels the request out, if any (its answer is dropped, the server is told). */
    final void cancel() {
        if (requestId >= 0) {
            requests.cancel(requestId);
            requestId = -1;
        }
    }

    /** The places listed now (tests). */
    final List<LocationPicker.Entry> shown() {
        return List.copyOf(list.getItems());
    }
}
