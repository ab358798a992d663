package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.editor.fold.FoldRegion;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * A server's folding ranges as the active editor's foldable regions ({@link dev.symphony.ui.editor.EditorFolding}):
 * asked when an editor becomes active and {@value #REST_MS} ms after its last edit. An answer computed for an older
 * text than the buffer's is dropped (the edit since asked again); between answers the regions move with the edits.
 * A server that is still starting is asked again every second for a minute; one without folding ranges leaves the
 * editor's indentation regions in place and is not asked again until the next edit. One request at most is out (a newer one cancels it). JavaFX thread.
 */
final class FoldingRanges {
    static final int REST_MS = FeatureAsker.REST_MS;
    /** While the server starts (its first seconds) it is asked again every second, this many times at most. */
    static final int STARTING_RETRIES = 60;
    private final ServerRequests requests;

    FoldingRanges(ServerRequests requests) {
        this.requests = requests;
    }

    /** {@code view} (showing {@code document}) became the active editor: ask for its ranges. */
    void shown(EditorView view, OpenDocument document) {
        Asker asker = new Asker(view, document);
        asker.asking.askSoon(0);
    }

    /** One view's requests, following its buffer's edits; replaced (and detached) when the view is shown again. */
    private final class Asker implements BufferListener {
        private final EditorView view;
        private final FeatureAsker asking;
        private int startingRetries;

        Asker(EditorView view, OpenDocument document) {
            this.view = view;
            asking = new FeatureAsker(requests, view, document, "foldingRange", "offers no folding ranges",
                    FeatureAsker.OlderAnswers.DROPPED, this::ask);
            if (view.getProperties().put(FoldingRanges.class, this) instanceof Asker before) {
                view.buffer().removeListener(before);
            }
            view.buffer().addListener(this);
        }

        @Override
        public void onTextChanged(Rope before, Rope after, ChangeSet change) {
            if (view.getProperties().get(FoldingRanges.class) != this) {
                return;
            }
            startingRetries = 0;
            asking.edited();
        }

        private void ask() {
            asking.send(asking.fields(), a -> view.folding().setRegions(a.textThen(), decode(a.result())), error -> {
                if (error.contains("is not running") && startingRetries++ < STARTING_RETRIES) {
                    asking.askSoon(1000); // the server is starting: the file that started it is asked about once it runs
                }
            });
        }
    }

    /** {@code {ranges: [{startLine, endLine}]}} as regions sorted by start line; ranges that do not span two lines are left out. */
    static List<FoldRegion> decode(JsonNode result) {
        List<FoldRegion> out = new ArrayList<>();
        for (JsonNode r : result.path("ranges")) {
            int start = r.path("startLine").asInt(-1);
            int end = r.path("endLine").asInt(-1);
            if (start >= 0 && end > start) {
                out.add(new FoldRegion(start, end));
            }
        }
        out.sort(null);
        return out;
    }
}
