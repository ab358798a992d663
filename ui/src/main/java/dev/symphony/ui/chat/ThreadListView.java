package dev.symphony.ui.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/**
 * The workspace's kept chat threads: a search box over their titles and messages, and the list (newest first); a
 * click, or Enter on the selected one, opens a thread. Files that could not be read are named below, in red.
 */
final class ThreadListView extends VBox {
    static final String ID = "chat-threads";
    static final String SEARCH_ID = "chat-thread-search";
    static final String LIST_ID = "chat-thread-list";
    static final String PROBLEM_ID = "chat-thread-problem";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    ThreadListView(ChatHistory history) {
        super(4);
        setId(ID);
        getStyleClass().add("chat-threads");
        TextField search = new TextField();
        search.setId(SEARCH_ID);
        search.setPromptText("Search the threads of this folder");
        search.textProperty().bindBidirectional(history.queryProperty());
        ListView<ChatThreads.Saved> list = new ListView<>(history.threads());
        list.setId(LIST_ID);
        list.setPrefHeight(160);
        list.setPlaceholder(new Label("No kept threads match"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ChatThreads.Saved item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title() + "\n"
                        + WHEN.format(Instant.ofEpochMilli(item.updated()).atZone(ZoneId.systemDefault())));
            }
        });
        list.setOnMouseClicked(e -> {
            ChatThreads.Saved picked = list.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && picked != null) {
                history.open(picked.id());
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            ChatThreads.Saved picked = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && picked != null) {
                history.open(picked.id());
                e.consume();
            }
        });
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> { // a filter: the field's own keys come after
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        Label problem = new Label();
        problem.setId(PROBLEM_ID);
        problem.getStyleClass().add("chat-error");
        problem.setWrapText(true);
        problem.textProperty().bind(history.problemProperty());
        problem.visibleProperty().bind(history.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().addAll(search, list, problem);
    }
}
