package dev.symphony.ui.chat;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** The nodes of the chat's non-Markdown entries: tool lines, notices and approval prompts. */
final class ChatEntryNodes {
    static final int SHOWN_LINES = 30;

    private ChatEntryNodes() {
    }

    static Node tool(ChatEntry.Tool t) {
        Label title = new Label((t.ran() ? "✓ " : "✗ ") + t.title());
        title.getStyleClass().add(t.ran() ? "chat-tool-title" : "chat-tool-refused");
        title.setWrapText(true);
        VBox box = new VBox(2, title);
        if (t.shown() != null && !t.shown().isBlank()) {
            box.getChildren().add(diffText(firstLines(t.shown())));
        }
        box.getStyleClass().add("chat-tool");
        return box;
    }

    static Node notice(ChatEntry.Notice n) {
        Label text = new Label(n.text());
        text.setWrapText(true);
        text.getStyleClass().add(n.error() ? "chat-error" : "chat-notice");
        return text;
    }

    static Node approval(ChatEntry.Approval a) {
        Label title = new Label("Approve? " + a.title());
        title.setWrapText(true);
        title.getStyleClass().add("chat-approval-title");
        Label why = new Label("The approval policy asks before this step.");
        why.getStyleClass().add("chat-meta");
        why.setWrapText(true);
        Button accept = new Button("Accept");
        accept.setId(ChatView.ACCEPT_ID);
        accept.getStyleClass().add("success");
        accept.setOnAction(e -> a.accept());
        Button reject = new Button("Reject");
        reject.setId(ChatView.REJECT_ID);
        reject.getStyleClass().add("danger");
        reject.setOnAction(e -> a.reject());
        Label state = new Label();
        state.getStyleClass().add("chat-meta");
        accept.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        reject.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        state.setWrapText(true);
        HBox buttons = new HBox(6, accept, reject);
        Runnable show = () -> {
            boolean open = a.stateProperty().get() == ChatEntry.Approval.State.PENDING;
            accept.setDisable(!open);
            reject.setDisable(!open);
            if (!open) { // an answered prompt keeps no live button ids: the next prompt's are unique
                accept.setId(null);
                reject.setId(null);
            }
            state.setText(switch (a.stateProperty().get()) {
                case PENDING -> "";
                case ACCEPTED -> "Accepted";
                case REJECTED -> "Rejected: nothing was changed";
            });
        };
        show.run();
        a.stateProperty().addListener((o, was, now) -> show.run());
        VBox box = new VBox(4, title, why, diffText(a.detail()), buttons, state);
        box.getStyleClass().add("chat-approval");
        return box;
    }

    /** Monospaced text; in a diff, added and removed lines take their colours. */
    static Node diffText(String text) {
        TextFlow flow = new TextFlow();
        for (String line : text.split("\n", -1)) {
            Text t = new Text(line + "\n");
            t.getStyleClass().add(MarkdownNodes.CODE_TEXT);
            if (line.startsWith("+") && !line.startsWith("+++")) {
                t.getStyleClass().add("chat-diff-added");
            } else if (line.startsWith("-") && !line.startsWith("---")) {
                t.getStyleClass().add("chat-diff-removed");
            }
            flow.getChildren().add(t);
        }
        flow.getStyleClass().add(MarkdownNodes.CODE_BLOCK);
        return flow;
    }

    private static String firstLines(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length <= SHOWN_LINES) {
            return text.stripTrailing();
        }
        return String.join("\n", java.util.Arrays.copyOf(lines, SHOWN_LINES)) + "\n… " + (lines.length - SHOWN_LINES) + " more lines";
    }
}
