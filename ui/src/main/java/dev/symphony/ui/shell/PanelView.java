package dev.symphony.ui.shell;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A view in the panel below the editors (an extension's {@code panel} view): its heading, a close button, the view. */
final class PanelView extends BorderPane {
    static final String ID = "contributed-panel";
    static final String CLOSE_ID = "contributed-panel-close";
    private final Label title = new Label();
    private Runnable onClose = () -> { };

    PanelView() {
        setId(ID);
        getStyleClass().add("terminal-panel");
        title.getStyleClass().add("text-caption");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("✕");
        close.setId(CLOSE_ID);
        close.getStyleClass().add("flat");
        close.setTooltip(new Tooltip("Close the view"));
        close.setFocusTraversable(false);
        close.setOnAction(e -> onClose.run());
        HBox header = new HBox(4, title, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(2, 6, 2, 8));
        setTop(header);
    }

    void setOnClose(Runnable action) {
        onClose = action;
    }

    void show(String heading, Node view) {
        title.setText(heading == null ? "" : heading.toUpperCase(Locale.ROOT));
        setCenter(view);
    }

    Node view() {
        return getCenter();
    }
}
