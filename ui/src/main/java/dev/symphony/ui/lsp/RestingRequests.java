package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Asking a server about one editor's document once its text rests (semantic tokens, inlay hints): {@link #askSoon}
 * (re)starts the pause, then the owner's ask runs; {@link #send} sends nothing while the view is not shown, retries
 * while the document's sync is starting (the extension activates just after the file opens), and cancels the request
 * still out, so at most one is. JavaFX thread.
 */
final class RestingRequests {
    private static final int NOT_SERVED_RETRIES = 40;
    private static final int NOT_SERVED_RETRY_MS = 500;
    private final ServerRequests requests;
    private final EditorView view;
    private final OpenDocument document;
    private final PauseTransition rest = new PauseTransition();
    private long requestId = -1;
    private int notServed;

    RestingRequests(ServerRequests requests, EditorView view, OpenDocument document, Runnable ask) {
        this.requests = requests;
        this.view = view;
        this.document = document;
        rest.setOnFinished(e -> ask.run());
    }

    /** Asks after {@code ms} (at least 1) unless asked to again meanwhile. */
    void askSoon(int ms) {
        rest.setDuration(Duration.millis(Math.max(1, ms)));
        rest.playFromStart();
    }

    /** The text changed: a document that was not served yet gets its retries again. */
    void edited() {
        notServed = 0;
    }

    /**
     * True when the view as scrolled now shows a line outside {@code lines} ({first, last}); read from the scroll
     * value ({@link EditorView#linesOnScreen}), since the view's {@code topLine} follows only in its next layout.
     */
    static boolean scrolledOutOf(int[] lines, EditorView view) {
        int[] onScreen = view.linesOnScreen();
        return onScreen[0] < lines[0] || onScreen[1] > lines[1];
    }

    /** The lines on screen ± {@code margin}, within the text: the range to ask a server about. */
    static int[] linesAround(EditorView view, int margin) {
        int[] onScreen = view.linesOnScreen();
        int lineCount = view.buffer().text().lineCount();
        return new int[] {Math.max(0, onScreen[0] - margin), Math.min(lineCount - 1, onScreen[1] + margin)};
    }

    /** The version of the document the next request is about. */
    int version() {
        return requests.versionOf(document);
    }

    /**
     * Sends {@code request} with {@code fields} (the one out before it is cancelled); {@code onAnswer} gets its answer.
     * False when nothing was sent: the view is not shown (asked again when it is) or nothing serves the document yet.
     */
    boolean send(String request, ObjectNode fields, Consumer<ServerRequests.Answer> onAnswer) {
        if (view.getScene() == null) {
            return false;
        }
        if (!requests.serves(document)) {
            if (notServed++ < NOT_SERVED_RETRIES) {
                askSoon(NOT_SERVED_RETRY_MS);
            }
            return false;
        }
        if (requestId >= 0) {
            requests.cancel(requestId);
        }
        requestId = requests.send(document, request, fields, a -> {
            requestId = -1;
            onAnswer.accept(a);
        }).orElse(-1L);
        return true;
    }
}
