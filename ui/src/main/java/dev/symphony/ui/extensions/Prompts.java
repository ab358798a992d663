package dev.symphony.ui.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.contract.protocol.WorkbenchProtocol;
import dev.symphony.ui.shell.MainWindowView;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/**
 * An extension's quick pick (a list to choose from) or input box (no items): a card at the top of the editor area, like
 * the command palette. The answer — the chosen item, the typed text, or null when dismissed — goes to {@code answer}.
 */
final class Prompts {
    static final String CARD_ID = "extension-prompt";
    private final MainWindowView view;

    Prompts(MainWindowView view) {
        this.view = view;
    }

    void show(String extension, WorkbenchProtocol.QuickPick pick, Consumer<JsonNode> answer) {
        VBox card = new VBox(6);
        card.setId(CARD_ID);
        card.setMaxSize(480, javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setPadding(new Insets(8));
        card.setStyle("-fx-background-color: -color-bg-overlay; -fx-border-color: -color-border-default;");
        Label from = new Label(extension + (pick.placeholder() == null ? "" : ": " + pick.placeholder()));
        from.getStyleClass().add("text-caption");
        TextField input = new TextField();
        input.setPromptText(pick.placeholder());
        Runnable[] close = new Runnable[1];
        boolean[] answered = {false};
        Consumer<JsonNode> reply = value -> {
            if (!answered[0]) {
                answered[0] = true;
                close[0].run();
                answer.accept(value);
            }
        };
        close[0] = () -> ((Pane) card.getParent()).getChildren().remove(card);
        card.getChildren().addAll(from, input);
        if (pick.items().isEmpty()) {
            input.setOnAction(e -> reply.accept(JsonNodeFactory.instance.textNode(input.getText())));
        } else {
            ListView<String> list = new ListView<>();
            list.getItems().setAll(pick.items());
            list.setPrefHeight(Math.min(8, pick.items().size()) * 26 + 4);
            input.textProperty().addListener((o, was, filter) -> list.getItems().setAll(pick.items().stream()
                    .filter(i -> i.toLowerCase(java.util.Locale.ROOT).contains(filter.toLowerCase(java.util.Locale.ROOT))).toList()));
            input.setOnAction(e -> {
                String chosen = list.getSelectionModel().getSelectedItem() != null ? list.getSelectionModel().getSelectedItem()
                        : list.getItems().isEmpty() ? null : list.getItems().get(0);
                if (chosen != null) {
                    reply.accept(JsonNodeFactory.instance.textNode(chosen));
                }
            });
            list.setOnMouseClicked(e -> {
                if (list.getSelectionModel().getSelectedItem() != null) {
                    reply.accept(JsonNodeFactory.instance.textNode(list.getSelectionModel().getSelectedItem()));
                }
            });
            card.getChildren().add(list);
        }
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> reply.accept(JsonNodeFactory.instance.nullNode()));
        HBox buttons = new HBox(cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        card.getChildren().add(buttons);
        view.addOverlay(card);
        input.requestFocus();
    }
}
