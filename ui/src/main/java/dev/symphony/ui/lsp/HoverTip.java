package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.OpenDocument;
import javafx.animation.PauseTransition;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The hover tip: after the mouse rests on a word for {@link #DELAY} (or at once at the caret, command Show Hover) the
 * server's hover Markdown is shown as plain text beside it. Moving off the word, typing or scrolling hides it; an
 * answer for a text that changed meanwhile is dropped, and a newer hover cancels the one on its way. JavaFX thread.
 */
final class HoverTip {
    static final String ID = "hover-tip";
    static final Duration DELAY = Duration.millis(500);
    private final ServerRequests requests;
    private final Overlay overlay;
    private final VBox box = new VBox();
    private final Label text = new Label();
    private final PauseTransition resting = new PauseTransition(DELAY);
    private long requestId = -1;
    private int from = -1;
    private int to = -1;
    private EditorView shownIn;
    private boolean fromMouse; // the tip on its way or shown: asked by the mouse resting (not Show Hover)

    HoverTip(ServerRequests requests, Overlay overlay) {
        this.requests = requests;
        this.overlay = overlay;
        box.setId(ID);
        box.setMouseTransparent(true);
        box.setStyle(Overlay.TIP_STYLE);
        text.setWrapText(true);
        text.setMaxWidth(520);
        box.setMaxWidth(540);
        box.getChildren().add(text);
    }

    boolean isShowing() {
        return overlay.getChildren().contains(box);
    }

    String shownText() {
        return isShowing() ? text.getText() : "";
    }

    /** The mouse is at {@code viewPoint} of {@code view}: hides a tip it left, asks after the delay where it rests. */
    void mouseAt(EditorView view, OpenDocument document, Point2D viewPoint) {
        int offset = view.offsetAt(viewPoint.getX(), viewPoint.getY());
        if (isShowing() && fromMouse && (view != shownIn || offset < from || offset > to)) {
            hide();
        }
        if (isShowing()) {
            return;
        }
        resting.setOnFinished(e -> {
            fromMouse = true;
            request(view, document, offset, viewPoint);
        });
        resting.playFromStart();
    }

    /** The mouse left the editors: a tip it asked for goes; one Show Hover asked for stays until a key or click. */
    void mouseLeft() {
        resting.stop();
        if (fromMouse) {
            hide();
        }
    }

    /** Show Hover: at the primary caret, now. */
    void atCaret(EditorView view, OpenDocument document) {
        var s = view.buffer().selections();
        Point2D p = view.caretPoint();
        if (p != null) {
            resting.stop();
            fromMouse = false;
            request(view, document, s.get(s.size() - 1).head(), p);
        }
    }

    private void request(EditorView view, OpenDocument document, int offset, Point2D viewPoint) {
        Rope rope = view.buffer().text();
        if (offset >= rope.length() || !Positions.wordChar(rope.charAt(offset)) && (offset == 0 || !Positions.wordChar(rope.charAt(offset - 1)))) {
            return; // not on a word
        }
        if (requestId >= 0) {
            requests.cancel(requestId);
        }
        int[] at = Positions.position(rope, offset);
        int version = requests.versionOf(document);
        requestId = requests.send(document, "hover", JsonNodeFactory.instance.objectNode().put("version", version)
                .put("line", at[0]).put("column", at[1]), a -> {
                    requestId = -1;
                    String shown = MarkdownText.plain(a.result().path("markdown").asText(""));
                    if (a.error() != null || a.version() != version || !a.since().isEmpty() || shown.isBlank()) {
                        return; // nothing to say, or said about a text that changed since: never shown
                    }
                    Rope now = view.buffer().text();
                    if (a.result().has("range")) {
                        from = Positions.offset(now, a.result().get("range"), false);
                        to = Positions.offset(now, a.result().get("range"), true);
                    } else {
                        from = Positions.wordStart(now, Math.min(offset + 1, now.length()));
                        to = offset;
                        while (to < now.length() && Positions.wordChar(now.charAt(to))) {
                            to++;
                        }
                    }
                    text.setText(shown.length() > 4000 ? shown.substring(0, 4000) + "…" : shown);
                    text.setStyle(a.result().path("markdown").asText("").contains("```") ? "-fx-font-family: monospace;" : "");
                    shownIn = view;
                    overlay.place(box, view, viewPoint, view.metrics().lineHeight());
                }).orElse(-1L);
    }

    void hide() {
        resting.stop();
        if (requestId >= 0) {
            requests.cancel(requestId);
            requestId = -1;
        }
        overlay.hide(box);
        shownIn = null;
    }
}
