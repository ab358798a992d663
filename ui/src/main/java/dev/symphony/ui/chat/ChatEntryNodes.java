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
    /** The id of a pending edit prompt's "Review in Diff View" button. */
    static final String REVIEW_ID = "chat-review-in-diff";

    private ChatEntryNodes() {
    }

    static Node tool(ChatEntry.Tool t, java.util.function.IntConsumer restore) {
        Label title = new Label((t.ran() ? "✓ " : "✗ ") + t.title());
        title.getStyleClass().add(t.ran() ? "chat-tool-title" : "chat-tool-refused");
        title.setWrapText(true);
        VBox box = new VBox(2, t.checkpoint() == 0 ? title : withButton(title, "Restore", "Restore the files to before this step",
                () -> restore.accept(t.checkpoint())));
        if (t.shown() != null && !t.shown().isBlank()) {
            box.getChildren().add(diffText(firstLines(t.shown())));
        }
        box.getStyleClass().add("chat-tool");
        return box;
    }

    static Node restored(ChatEntry.Restored r, java.util.function.IntConsumer restore) {
        Label title = new Label("↶ " + r.title());
        title.getStyleClass().add("chat-tool-title");
        title.setWrapText(true);
        VBox box = new VBox(2, withButton(title, "Undo", "Undo this restore (its own checkpoint)", () -> restore.accept(r.checkpoint())));
        if (!r.shown().isBlank()) {
            box.getChildren().add(diffText(firstLines(r.shown())));
        }
        box.getStyleClass().add("chat-tool");
        return box;
    }

    /** A line with a small button at its right end. */
    private static Node withButton(Label line, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().addAll("small", "flat", ChatView.RESTORE_CLASS);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        HBox.setHgrow(grow, javafx.scene.layout.Priority.ALWAYS);
        HBox row = new HBox(6, line, grow, b);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    static Node notice(ChatEntry.Notice n) {
        Label text = new Label(n.text());
        text.setWrapText(true);
        text.getStyleClass().add(n.error() ? "chat-error" : "chat-notice");
        return text;
    }

    static Node approval(ChatEntry.Approval a) {
        if (a.automatic()) {
            return autoApplied(a);
        }
        Label title = new Label(a.words().policy() ? "Approve? " + a.title() : a.title());
        title.setWrapText(true);
        title.getStyleClass().add("chat-approval-title");
        Label why = new Label(a.words().why());
        why.getStyleClass().add("chat-meta");
        why.setWrapText(true);
        Button accept = new Button(a.words().accept());
        accept.setId(ChatView.ACCEPT_ID);
        accept.getStyleClass().add("success");
        accept.setOnAction(e -> a.accept());
        Button reject = new Button(a.words().reject());
        reject.setId(ChatView.REJECT_ID);
        reject.getStyleClass().add("danger");
        reject.setOnAction(e -> a.reject());
        Label state = new Label();
        state.getStyleClass().add("chat-meta");
        accept.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        reject.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        state.setWrapText(true);
        HBox buttons = new HBox(6, accept, reject);
        a.review().ifPresent(open -> buttons.getChildren().add(reviewButton(a, open)));
        Runnable show = () -> {
            boolean open = a.stateProperty().get() == ChatEntry.Approval.State.PENDING;
            accept.setDisable(!open);
            reject.setDisable(!open);
            if (!open) { // an answered prompt keeps no live button ids: the next prompt's are unique
                accept.setId(null);
                reject.setId(null);
            }
            state.setText(a.words().outcome(a.stateProperty().get()));
        };
        show.run();
        a.stateProperty().addListener((o, was, now) -> show.run());
        VBox box = new VBox(4, title, why);
        if (a.hunks().isEmpty()) {
            box.getChildren().add(diffText(a.detail()));
        } else {
            int n = 0;
            for (ChatEntry.Hunk h : a.hunks()) {
                javafx.scene.control.CheckBox keep = new javafx.scene.control.CheckBox("Change " + (++n) + " of " + a.hunks().size()
                        + " (line " + h.change().line() + ")");
                keep.getStyleClass().add(ChatView.HUNK_CLASS);
                keep.selectedProperty().bindBidirectional(h.keep());
                keep.disableProperty().bind(a.stateProperty().isNotEqualTo(ChatEntry.Approval.State.PENDING));
                Node diff = diffText(h.change().text());
                diff.opacityProperty().bind(javafx.beans.binding.Bindings.when(h.keep()).then(1.0).otherwise(0.45));
                box.getChildren().addAll(keep, diff);
            }
        }
        box.getChildren().addAll(buttons, state);
        box.getStyleClass().add("chat-approval");
        return box;
    }

    /** An edit the thread's auto-apply answered: one line (its diff shows on the step's own line, with Restore). */
    private static Node autoApplied(ChatEntry.Approval a) {
        Label line = new Label();
        line.getStyleClass().add("chat-meta");
        line.setWrapText(true);
        Runnable show = () -> line.setText(a.title() + ": " + (a.stateProperty().get() == ChatEntry.Approval.State.PENDING
                ? a.words().why() : a.words().outcome(a.stateProperty().get())));
        show.run();
        a.stateProperty().addListener((o, was, now) -> show.run());
        return line;
    }

    /** Opens the edit in the diff view, to accept or reject each change there; off once the prompt is answered. */
    private static Button reviewButton(ChatEntry.Approval a, Runnable open) {
        Button review = new Button("Review in Diff View");
        review.setId(REVIEW_ID);
        review.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        review.setOnAction(e -> open.run());
        review.disableProperty().bind(a.stateProperty().isNotEqualTo(ChatEntry.Approval.State.PENDING));
        review.disableProperty().addListener((o, was, off) -> review.setId(off ? null : REVIEW_ID));
        return review;
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
