package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.editor.BackgroundMarks;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * Document highlights: when the caret rests on a name ({@value #DELAY_MS} ms after it last moved), the server's places
 * of the same symbol in the document are painted behind the text (reads and plain mentions in one colour, writes in a
 * stronger one). Any edit clears them at once, so they never mark text that moved, until the caret rests again; a caret
 * that leaves the name clears them; moving within a marked place asks nothing. One request at most is out: a newer one
 * cancels it ({@code $/cancelRequest}), and an answer for an older text is dropped. JavaFX thread.
 */
final class DocumentHighlights {
    static final int DELAY_MS = 250;
    private static final Color READ = Color.rgb(87, 87, 87, 0.22);
    private static final Color WRITE = Color.rgb(14, 99, 156, 0.30);
    private final ServerRequests requests;
    private final PauseTransition rest = new PauseTransition(Duration.millis(DELAY_MS));
    private long requestId = -1;
    private EditorView pendingView;
    private OpenDocument pendingDocument;
    private EditorView shownIn; // the view whose text highlights are ours
    private long shownRevision;
    private List<BackgroundMarks.TextBand> shown = List.of();
    private BufferListener clearOnEdit;

    DocumentHighlights(ServerRequests requests) {
        this.requests = requests;
        rest.setOnFinished(e -> ask());
    }

    /** The caret of {@code view} moved (a key, a click): ask again once it rests on a name, or clear. */
    void caretMoved(EditorView view, OpenDocument document) {
        if (!requests.serves(document)) {
            return;
        }
        int caret = caret(view);
        if (view == shownIn && view.buffer().revision() == shownRevision
                && shown.stream().anyMatch(b -> b.start() <= caret && caret <= b.end())) {
            return; // still on the symbol marked
        }
        cancel();
        Rope text = view.buffer().text();
        boolean onName = caret < text.length() && Positions.wordChar(text.charAt(caret))
                || caret > 0 && Positions.wordChar(text.charAt(caret - 1));
        if (!onName) {
            clear();
            return;
        }
        pendingView = view;
        pendingDocument = document;
        rest.playFromStart();
    }

    private void ask() {
        EditorView view = pendingView;
        OpenDocument document = pendingDocument;
        if (view == null || view.getScene() == null) {
            return;
        }
        cancel();
        long revision = view.buffer().revision();
        int version = requests.versionOf(document);
        int[] at = Positions.position(view.buffer().text(), caret(view));
        requestId = requests.send(document, "documentHighlight", JsonNodeFactory.instance.objectNode().put("version", version)
                .put("line", at[0]).put("column", at[1]), a -> {
                    requestId = -1;
                    if (a.error() == null && a.version() == version && a.since().isEmpty() && view.buffer().revision() == revision) {
                        show(view, a.result().path("highlights"), revision);
                    } // else quietly nothing: a hint, asked again when the caret rests
                }).orElse(-1L);
    }

    private void show(EditorView view, JsonNode highlights, long revision) {
        clear();
        Rope text = view.buffer().text();
        List<BackgroundMarks.TextBand> bands = new ArrayList<>();
        for (JsonNode h : highlights) {
            int start = Positions.offset(text, h, false);
            int end = Positions.offset(text, h, true);
            if (end > start) {
                bands.add(new BackgroundMarks.TextBand(start, end, "write".equals(h.path("kind").asText()) ? WRITE : READ));
            }
        }
        bands.sort(Comparator.comparingInt(BackgroundMarks.TextBand::start));
        if (bands.isEmpty()) {
            return;
        }
        shown = List.copyOf(bands);
        shownIn = view;
        shownRevision = revision;
        view.setTextHighlights(shown);
        BufferListener listener = new BufferListener() {
            @Override
            public void onTextChanged(Rope before, Rope after, dev.symphony.editor.text.ChangeSet change) {
                if (clearOnEdit == this) {
                    clear(false);
                }
                // not removed here: the buffer is iterating its listeners
                Platform.runLater(() -> view.buffer().removeListener(this));
            }
        };
        clearOnEdit = listener;
        view.buffer().addListener(listener);
    }

    /** Takes the marks away (an edit, another tab, the caret off the name). */
    void clear() {
        clear(true);
    }

    private void clear(boolean unlisten) {
        if (shownIn != null) {
            shownIn.setTextHighlights(List.of());
            if (unlisten && clearOnEdit != null) {
                shownIn.buffer().removeListener(clearOnEdit);
            }
        }
        shownIn = null;
        shown = List.of();
        clearOnEdit = null;
    }

    /** Stops what is waiting or out, and clears the marks. */
    void reset() {
        rest.stop();
        cancel();
        clear();
    }

    private void cancel() {
        if (requestId >= 0) {
            requests.cancel(requestId);
            requestId = -1;
        }
    }

    /** The places marked now (tests). */
    List<BackgroundMarks.TextBand> shown() {
        return shown;
    }

    private static int caret(EditorView v) {
        var s = v.buffer().selections();
        return s.get(s.size() - 1).head();
    }
}
