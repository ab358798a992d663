package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.List;
import java.util.function.Consumer;

/**
 * Format Document (Ctrl+Shift+I): the server's edits for the whole document (with the editor's tab size, spaces),
 * checked as {@link WorkspaceEdits#checkRanges} does (lines that exist, no overlaps) and applied as one undoable
 * change. An answer for a text changed meanwhile is dropped: formatting is asked again, never applied to other text.
 * JavaFX thread.
 */
final class DocumentFormatting {
    private final ServerRequests requests;
    private final Consumer<String> status;
    private long requestId = -1;

    DocumentFormatting(ServerRequests requests, Consumer<String> status) {
        this.requests = requests;
        this.status = status;
    }

    void format(EditorView view, OpenDocument document) {
        if (requestId >= 0) {
            requests.cancel(requestId);
        }
        int version = requests.versionOf(document);
        requestId = requests.send(document, "formatting", JsonNodeFactory.instance.objectNode().put("version", version)
                .put("tabSize", view.tabSize()).put("insertSpaces", true), a -> {
                    requestId = -1;
                    if (a.error() != null) {
                        status.accept("Format Document: " + a.error());
                    } else if (a.version() != version || !a.since().isEmpty()) {
                        status.accept("Format Document: the file changed while the server worked; nothing was changed (try again)");
                    } else {
                        apply(view, document, a);
                    }
                }).orElse(-1L);
        if (requestId < 0) {
            status.accept("Format Document: no language server serves " + document.title());
        }
    }

    private void apply(EditorView view, OpenDocument document, ServerRequests.Answer a) {
        try {
            WorkspaceEdits.checkRanges(document.title(), a.result().path("edits"), document.rope());
        } catch (WorkspaceEdits.Refused refused) {
            status.accept("Format Document: the server's edits were refused, nothing changed: " + refused.getMessage());
            return;
        }
        List<TextEdit> edits = Positions.edits(a.result().path("edits"), document.rope(), List.of());
        if (edits == null || edits.isEmpty() || document.isReadOnly()) {
            status.accept(document.isReadOnly() ? "Format Document: " + document.title() + " is read-only" : "Format Document: already formatted");
            return;
        }
        view.buffer().closeGroup();
        view.buffer().edit(new ChangeSet(edits), EditKind.COMMAND);
        view.buffer().closeGroup();
        status.accept("Format Document: " + edits.size() + " edit(s)");
    }
}
