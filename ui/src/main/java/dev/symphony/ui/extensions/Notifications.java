package dev.symphony.ui.extensions;

import dev.symphony.contract.protocol.WorkbenchProtocol;
import dev.symphony.ui.shell.MainWindowView;
import dev.symphony.ui.shell.MainWindowViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** An extension's notification: a card over the editor area with its message and up to three actions (commands). */
final class Notifications {
    static final String CARD_CLASS = "extension-notification";
    private final MainWindowView view;
    private final MainWindowViewModel window;

    Notifications(MainWindowView view, MainWindowViewModel window) {
        this.view = view;
        this.window = window;
    }

    void show(String extension, WorkbenchProtocol.Notification n) {
        VBox card = new VBox(6);
        card.getStyleClass().add(CARD_CLASS);
        card.setMaxSize(420, javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setPadding(new Insets(10));
        card.setStyle("-fx-background-color: -color-bg-overlay; -fx-border-color: -color-border-default; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.2), 8, 0, 0, 2);");
        Label from = new Label(extension + " · " + n.severity());
        from.getStyleClass().add("text-caption");
        Label message = new Label(n.message());
        message.setWrapText(true);
        HBox buttons = new HBox(6);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        for (WorkbenchProtocol.Action a : n.actions()) {
            Button b = new Button(a.title());
            b.setOnAction(e -> {
                dismiss(card);
                window.run(a.command());
            });
            buttons.getChildren().add(b);
        }
        Button close = new Button("Dismiss");
        close.setOnAction(e -> dismiss(card));
        buttons.getChildren().add(close);
        card.getChildren().addAll(from, message, buttons);
        view.addOverlay(card);
        javafx.scene.layout.StackPane.setAlignment(card, Pos.BOTTOM_RIGHT);
        javafx.scene.layout.StackPane.setMargin(card, new Insets(0, 12, 12, 0));
    }

    private static void dismiss(javafx.scene.Node card) {
        ((javafx.scene.layout.Pane) card.getParent()).getChildren().remove(card);
    }
}
