package dev.symphony.ui.lsp;

import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.editor.Inlay;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.List;

/**
 * Inlay hints in the active editor ({@link EditorView#setInlayLayer}): the server's hints for the lines on screen plus
 * {@value #MARGIN} above and below, asked when an editor becomes active, {@value #REST_MS} ms after its last edit, and
 * when the view scrolls out of the lines asked for. Between answers the hints move with every edit and a hint an edit
 * touches is dropped ({@link InlayHintSet#edited}); an answer for an older text is carried through the edits since, so
 * no hint is ever shown beside text it was not computed for. One request at most is out (a newer one cancels it); a
 * server without inlay hints is not asked again until the next edit. JavaFX thread.
 */
final class InlayHints {
    static final int REST_MS = FeatureAsker.REST_MS;
    static final int MARGIN = 100;
    private final ServerRequests requests;

    InlayHints(ServerRequests requests) {
        this.requests = requests;
    }

    /** {@code view} (showing {@code document}) became the active editor: show its hints, and ask for them. */
    void shown(EditorView view, OpenDocument document) {
        Layer layer = view.inlayLayer() instanceof Layer l && l.document == document ? l : new Layer(view, document);
        layer.asking.askSoon(0);
    }

    /** The hints shown in {@code view} now (tests). */
    InlayHintSet hints(EditorView view) {
        return view.inlayLayer() instanceof Layer l ? l.hints : InlayHintSet.NONE;
    }

    /** One view's hints, kept in step with its buffer. */
    private final class Layer implements EditorView.InlayLayer, BufferListener {
        private final EditorView view;
        private final OpenDocument document;
        private final FeatureAsker asking;
        private InlayHintSet hints = InlayHintSet.NONE;
        private int[] lines = {0, -1}; // the lines asked for

        Layer(EditorView view, OpenDocument document) {
            this.view = view;
            this.document = document;
            asking = new FeatureAsker(requests, view, document, "inlayHint", "offers no inlay hints",
                    FeatureAsker.OlderAnswers.CARRIED, this::ask);
            view.buffer().addListener(this);
            view.setInlayLayer(this);
            view.scrollLinesProperty().addListener((o, was, now) -> {
                boolean whole = lines[0] == 0 && lines[1] >= view.buffer().text().lineCount() - 1;
                if (asking.offered() && !whole && RestingRequests.scrolledOutOf(lines, view)) {
                    asking.askSoon(REST_MS);
                }
            });
        }

        @Override
        public List<Inlay> inlays(int line, int lineStart, int lineLength) {
            return hints.inLine(lineStart, lineLength);
        }

        @Override
        public void onTextChanged(Rope before, Rope after, ChangeSet change) {
            hints = change == null ? InlayHintSet.NONE : hints.edited(change);
            asking.edited();
        }

        private void ask() {
            int[] asked = RestingRequests.linesAround(view, MARGIN);
            asking.send(asking.fields().put("line", asked[0]).put("endLine", asked[1] + 1), a -> {
                lines = asked;
                hints = a.carried(InlayHintSet.decode(a.result(), a.textThen()), InlayHintSet::edited);
                view.stylesChanged();
            }, error -> { });
        }
    }
}
