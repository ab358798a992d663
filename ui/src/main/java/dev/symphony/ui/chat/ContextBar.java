package dev.symphony.ui.chat;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The context buttons beyond File and Selection: the open tabs, a folder's listing, the active terminal's recent
 * output, the Problems panel, and a URL the person types (fetched when added). Each adds a chip through the
 * {@link ChatView.ContextSource}; one that fails is a chip that says why.
 */
final class ContextBar extends VBox {
    static final String TABS_ID = "chat-add-tabs";
    static final String FOLDER_ID = "chat-add-folder";
    static final String TERMINAL_ID = "chat-add-terminal";
    static final String PROBLEMS_ID = "chat-add-problems";
    static final String URL_ID = "chat-add-url";
    static final String URL_INPUT_ID = "chat-url-input";

    ContextBar(ChatView.ContextSource context, Consumer<ContextChip> add) {
        super(4);
        TextField url = new TextField();
        url.setId(URL_INPUT_ID);
        url.setPromptText("https://… (Enter fetches the page now, once; Esc closes)");
        url.setVisible(false);
        url.managedProperty().bind(url.visibleProperty());
        url.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !url.getText().isBlank()) {
                context.url(url.getText().strip(), add);
                url.clear();
                url.setVisible(false);
            } else if (e.getCode() == KeyCode.ESCAPE) {
                url.setVisible(false);
            }
        });
        FlowPane buttons = new FlowPane(4, 4,
                button(TABS_ID, "+ Tabs", "Every open tab's text", () -> context.openTabs(add)),
                button(FOLDER_ID, "+ Folder", "The listing of the active file's folder (the open folder's when no file is active), "
                        + "without what the ignore files and the agentignore leave out", () -> context.folder(add)),
                button(TERMINAL_ID, "+ Terminal", "The active terminal's recent output", () -> context.terminal(add)),
                button(PROBLEMS_ID, "+ Problems", "The Problems panel's entries", () -> context.problems(add)),
                button(URL_ID, "+ URL", "A web page's text, fetched when you add it", () -> {
                    url.setVisible(true);
                    url.requestFocus();
                }));
        getChildren().addAll(buttons, url);
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().addAll("small", "flat");
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }
}
