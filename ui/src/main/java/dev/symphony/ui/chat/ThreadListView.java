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
        getChildren().addAll(search, list, note(PROBLEM_ID, "chat-error", history.problemProperty()));
    }

    /** A wrapping line that shows {@code text}, and takes no room while it is empty. */
    static Label note(String id, String styleClass, javafx.beans.value.ObservableStringValue text) {
        Label note = new Label();
        note.setId(id);
        note.getStyleClass().add(styleClass);
        note.setWrapText(true);
        note.textProperty().bind(text);
        note.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }
}
