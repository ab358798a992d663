package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.editor.StyledLine;
import dev.symphony.ui.editor.TokenLook;
import dev.symphony.ui.editor.syntax.SyntaxStyles;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.HashMap;
import java.util.Map;

/**
 * Semantic tokens layered over TextMate's styles ({@link EditorView#setStyleLayer}) in the active editor: asked when
 * an editor becomes active and {@value #REST_MS} ms after its last edit (the extension asks the server by delta when it
 * offers deltas), and on a file over {@value #LARGE_LINES} lines only for the lines on screen plus {@value #MARGIN}
 * above and below (asked again when the view scrolls out of them). Between answers the tokens move with every edit and
 * a token an edit touches is dropped ({@link SemanticTokens#edited}), so nothing is painted on text it was not computed
 * for; an answer for an older text is carried through the edits since, or dropped when that text is gone. One request
 * at most is out; a server without semantic tokens is not asked again until the next edit. JavaFX thread.
 */
final class SemanticHighlighting {
    static final int REST_MS = 300;
    static final int LARGE_LINES = 3000;
    static final int MARGIN = 100;
    private final ServerRequests requests;
    private final Map<String, TokenLook> light = new HashMap<>();
    private final Map<String, TokenLook> dark = new HashMap<>();

    SemanticHighlighting(ServerRequests requests) {
        this.requests = requests;
    }

    /** {@code view} (showing {@code document}) became the active editor: layer its tokens, and ask for them. */
    void shown(EditorView view, OpenDocument document) {
        Layer layer = view.styleLayer() instanceof Layer l && l.document == document ? l : new Layer(view, document);
        layer.askSoon(0);
    }

    /** The tokens painted in {@code view} now (tests). */
    SemanticTokens tokens(EditorView view) {
        return view.styleLayer() instanceof Layer l ? l.tokens : SemanticTokens.NONE;
    }

    private TokenLook look(boolean isDark, String scope) {
        return (isDark ? dark : light).computeIfAbsent(scope, k -> SyntaxStyles.lookOfScope(isDark, k));
    }

    /** One view's tokens, kept in step with its buffer. */
    private final class Layer implements EditorView.StyleLayer, BufferListener {
        private final EditorView view;
        private final OpenDocument document;
        private final RestingRequests asking;
        private SemanticTokens tokens = SemanticTokens.NONE;
        private int[] lines; // {first, last} asked for on a large file; null: the whole document

        Layer(EditorView view, OpenDocument document) {
            this.view = view;
            this.document = document;
            asking = new RestingRequests(requests, view, document, this::ask);
            view.buffer().addListener(this);
            view.setStyleLayer(this);
            view.scrollLinesProperty().addListener((o, was, now) -> {
                if (lines != null && RestingRequests.scrolledOutOf(lines, view)) {
                    askSoon(REST_MS);
                }
            });
        }

        void askSoon(int ms) {
            asking.askSoon(ms);
        }

        @Override
        public StyledLine apply(int line, int lineStart, int lineLength, StyledLine base) {
            if (tokens.size() == 0) {
                return base;
            }
            boolean dark = view.colors().background().getBrightness() < 0.5;
            return tokens.apply(lineStart, lineLength, base, scope -> look(dark, scope));
        }

        @Override
        public void onTextChanged(Rope before, Rope after, ChangeSet change) {
            tokens = change == null ? SemanticTokens.NONE : tokens.edited(change);
            asking.edited();
            askSoon(REST_MS);
        }

        private void ask() {
            ObjectNode fields = JsonNodeFactory.instance.objectNode().put("version", asking.version());
            int lineCount = view.buffer().text().lineCount();
            int[] asked = null;
            if (lineCount > LARGE_LINES) {
                asked = RestingRequests.linesAround(view, MARGIN);
                fields.put("line", asked[0]).put("endLine", asked[1] + 1);
            }
            int[] range = asked;
            asking.send("semanticTokens", fields, a -> {
                if (a.error() != null || a.textThen() == null) {
                    return; // no tokens from this server (or for a text long gone): TextMate's styles stay; the next edit asks again
                }
                lines = range;
                tokens = a.carried(SemanticTokens.decode(a.result(), a.textThen()), SemanticTokens::edited);
                view.stylesChanged();
            });
        }
    }
}
