package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.OpenDocument;
import javafx.animation.PauseTransition;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;

/**
 * Signature help: typing {@code (} or {@code ,} (asked 30 ms later, once the character is in the text) or Trigger
 * Parameter Hints (Ctrl+Shift+Space) asks the server for the signature of the call at the caret and shows it by the
 * caret, the active parameter in bold, its documentation under it. Typing {@code )}, Escape, a click or scrolling hides
 * it; an answer for a text changed meanwhile is dropped and a newer request supersedes the one out. JavaFX thread.
 */
final class SignatureTip {
    static final String ID = "signature-tip";
    private final ServerRequests requests;
    private final Overlay overlay;
    private final VBox box = new VBox(4);
    private final TextFlow signature = new TextFlow();
    private final Label documentation = new Label();
    private final PauseTransition typing = new PauseTransition(Duration.millis(30)); // the character is in the buffer then
    private long requestId = -1;

    SignatureTip(ServerRequests requests, Overlay overlay) {
        this.requests = requests;
        this.overlay = overlay;
        box.setId(ID);
        box.setMouseTransparent(true);
        box.setStyle(Overlay.TIP_STYLE);
        signature.setMaxWidth(600);
        documentation.setWrapText(true);
        documentation.setMaxWidth(600);
        box.setMaxWidth(620);
    }

    boolean isShowing() {
        return overlay.getChildren().contains(box);
    }

    /** The signature shown, the active parameter in [brackets] (tests). */
    String shownText() {
        if (!isShowing()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        signature.getChildren().forEach(n -> {
            Text t = (Text) n;
            b.append(t.getStyle().contains("bold") ? "[" + t.getText() + "]" : t.getText());
        });
        return b.toString();
    }

    /** A character typed: {@code (} and {@code ,} ask, {@code )} hides. */
    void typed(EditorView view, OpenDocument document, char c) {
        if (c == '(' || c == ',') {
            typing.setOnFinished(e -> trigger(view, document));
            typing.playFromStart();
        } else if (c == ')') {
            hide();
        }
    }

    /** Asks for the signature at the primary caret. */
    void trigger(EditorView view, OpenDocument document) {
        typing.stop();
        if (requestId >= 0) {
            requests.cancel(requestId);
        }
        var s = view.buffer().selections();
        int[] at = Positions.position(view.buffer().text(), s.get(s.size() - 1).head());
        int version = requests.versionOf(document);
        requestId = requests.send(document, "signatureHelp", JsonNodeFactory.instance.objectNode().put("version", version)
                .put("line", at[0]).put("column", at[1]), a -> {
                    requestId = -1;
                    JsonNode signatures = a.result().path("signatures");
                    if (a.error() != null || !a.since().isEmpty() || a.version() != version) {
                        return; // about a text that changed since: typing on asks again where it matters
                    }
                    if (signatures.isEmpty()) {
                        hide();
                        return;
                    }
                    show(view, signatures.path(a.result().path("activeSignature").asInt()), a.result().path("activeParameter").asInt());
                }).orElse(-1L);
    }

    private void show(EditorView view, JsonNode active, int activeParameter) {
        String label = active.path("label").asText();
        int parameter = active.has("activeParameter") ? active.path("activeParameter").asInt() : activeParameter;
        JsonNode span = active.path("parameters").path(parameter);
        int start = Math.min(label.length(), Math.max(0, span.path("start").asInt(0)));
        int end = span.isMissingNode() ? start : Math.min(label.length(), Math.max(start, span.path("end").asInt(start)));
        Text before = new Text(label.substring(0, start));
        Text current = new Text(label.substring(start, end));
        current.setStyle("-fx-font-weight: bold; -fx-underline: true;");
        Text after = new Text(label.substring(end));
        for (Text t : new Text[] {before, current, after}) {
            t.getStyleClass().add("text");
            t.setStyle(t.getStyle() + "-fx-font-family: monospace; -fx-fill: -color-fg-default;");
        }
        signature.getChildren().setAll(before, current, after);
        String doc = MarkdownText.plain(active.path("documentation").asText(""));
        documentation.setText(doc.length() > 2000 ? doc.substring(0, 2000) + "…" : doc);
        box.getChildren().setAll(doc.isBlank() ? new javafx.scene.Node[] {signature} : new javafx.scene.Node[] {signature, documentation});
        Point2D caret = view.caretPoint();
        if (caret != null) {
            overlay.place(box, view, caret, view.metrics().lineHeight());
        }
    }

    void hide() {
        typing.stop();
        if (requestId >= 0) {
            requests.cancel(requestId);
            requestId = -1;
        }
        overlay.hide(box);
    }
}
