package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.function.Consumer;

/**
 * Asking a server for one language feature of one editor's document (folding ranges, inlay hints): {@value #REST_MS}
 * ms after the last edit, one request out at a time ({@link RestingRequests}), and, once the server says it offers
 * none, not asked again until the next edit. What an answer computed for an older text than the buffer's does is the
 * feature's {@link OlderAnswers}. JavaFX thread.
 */
final class FeatureAsker {
    static final int REST_MS = 300;

    /** What an answer computed for an older text than the buffer's does. */
    enum OlderAnswers {
        /** It is dropped: the edits since asked again. */
        DROPPED,
        /** It is used, carried through the edits since by the feature ({@link ServerRequests.Answer#carried}). */
        CARRIED
    }

    private final RestingRequests asking;
    private final String request;
    private final String offersNone;
    private final OlderAnswers older;
    private boolean offered = true; // false once the server said it has none: asked again after an edit

    /**
     * @param request    the request's name ({@code foldingRange}, {@code inlayHint})
     * @param offersNone how the error of a server without the feature ends ("offers no folding ranges")
     * @param ask        the owner's ask, run once the text rested: it calls {@link #send}
     */
    FeatureAsker(ServerRequests requests, EditorView view, OpenDocument document, String request, String offersNone,
                 OlderAnswers older, Runnable ask) {
        this.asking = new RestingRequests(requests, view, document, ask);
        this.request = request;
        this.offersNone = offersNone;
        this.older = older;
    }

    /** Asks after {@code ms} (at least 1) unless asked to again meanwhile. */
    void askSoon(int ms) {
        asking.askSoon(ms);
    }

    /** The text changed: a server that offered none is asked again, {@value #REST_MS} ms after the last edit. */
    void edited() {
        offered = true;
        asking.edited();
        asking.askSoon(REST_MS);
    }

    /** False once the server said it offers none, until the next edit. */
    boolean offered() {
        return offered;
    }

    /** The request's fields: the version of the document it is about. */
    ObjectNode fields() {
        return JsonNodeFactory.instance.objectNode().put("version", asking.version());
    }

    /**
     * Sends the request with {@code fields} (the one out before it is cancelled) unless the server offers none;
     * {@code onResult} gets an answer to show (with the text it was computed for), {@code onError} any error (a server
     * without the feature is marked so first).
     */
    void send(ObjectNode fields, Consumer<ServerRequests.Answer> onResult, Consumer<String> onError) {
        if (!offered) {
            return;
        }
        asking.send(request, fields, a -> {
            if (a.error() != null) {
                offered = !a.error().endsWith(offersNone);
                onError.accept(a.error());
            } else if (a.textThen() != null && (older == OlderAnswers.CARRIED || a.since().isEmpty())) {
                onResult.accept(a);
            } // else computed for a text long gone, or older while such answers are dropped: the edits since asked again
        });
    }
}
