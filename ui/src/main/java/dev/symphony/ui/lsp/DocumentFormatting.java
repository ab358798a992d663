package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Format Document (Ctrl+Shift+I), Format Selection (Shift+Alt+F: the lines of the selections' span) and format on save
 * ({@code editor.formatOnSave}): the server's edits (with the editor's tab size, spaces), checked as
 * {@link WorkspaceEdits#checkRanges} does (lines that exist, no overlaps) and applied as one undoable change. An answer
 * for a text changed meanwhile is dropped: formatting is asked again, never applied to other text. A save waits at most
 * {@value #SAVE_WAIT_MS} ms for the server, then saves the text as it is and says so. JavaFX thread.
 */
final class DocumentFormatting {
    static final int SAVE_WAIT_MS = 1500;
    private static final String ON_SAVE = "Format on Save";
    private final ServerRequests requests;
    private final Consumer<String> status;
    private final ToIntFunction<OpenDocument> tabSize;
    private final BooleanSupplier formatOnSave;
    private long requestId = -1;

    DocumentFormatting(ServerRequests requests, Consumer<String> status, ToIntFunction<OpenDocument> tabSize, BooleanSupplier formatOnSave) {
        this.requests = requests;
        this.status = status;
        this.tabSize = tabSize;
        this.formatOnSave = formatOnSave;
    }

    void format(EditorView view, OpenDocument document) {
        send("Format Document", "formatting", document, options(view.tabSize()), null);
    }

    /** Formats the whole lines the selections span (from the first one's start to the last one's end). */
    void formatSelection(EditorView view, OpenDocument document) {
        var sels = view.buffer().selections().all();
        Selection first = sels.get(0);
        Selection last = sels.get(sels.size() - 1);
        Rope text = view.buffer().text();
        int[] from = Positions.position(text, text.lineStart(text.lineOf(first.start())));
        int[] to = Positions.position(text, text.lineEnd(text.lineOf(last.end())));
        send("Format Selection", "rangeFormatting", document, options(view.tabSize()).put("line", from[0]).put("column", from[1])
                .put("endLine", to[0]).put("endColumn", to[1]), null);
    }

    /**
     * Before {@code document} is saved: when {@code editor.formatOnSave} is on and a server serves it, formats it and
     * completes (on the JavaFX thread) once the edits are applied, refused or dropped, or after {@value #SAVE_WAIT_MS} ms
     * without an answer; at once otherwise. Never completes exceptionally: the save goes ahead either way.
     */
    CompletableFuture<Void> beforeSave(OpenDocument document) {
        if (document.isReadOnly() || !requests.serves(document) || !formatOnSave.getAsBoolean()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        PauseTransition wait = new PauseTransition(Duration.millis(SAVE_WAIT_MS));
        long id = send(ON_SAVE, "formatting", document, options(tabSize.applyAsInt(document)), () -> {
            wait.stop();
            done.complete(null);
        });
        if (id < 0) {
            return CompletableFuture.completedFuture(null);
        }
        wait.setOnFinished(e -> {
            if (requestId == id) {
                requests.cancel(id);
                requestId = -1;
                status.accept("Format on Save: " + document.title() + "'s language server did not answer within "
                        + SAVE_WAIT_MS + " ms; saved as it was");
            }
            done.complete(null);
        });
        wait.play();
        return done;
    }

    private static ObjectNode options(int tabSize) {
        return JsonNodeFactory.instance.objectNode().put("tabSize", tabSize).put("insertSpaces", true);
    }

    /** Sends one formatting request (superseding the one out); {@code after} runs once its answer was handled. */
    private long send(String name, String request, OpenDocument document, ObjectNode fields, Runnable after) {
        if (requestId >= 0) {
            requests.cancel(requestId);
        }
        int version = requests.versionOf(document);
        requestId = requests.send(document, request, fields.put("version", version), a -> {
            requestId = -1;
            if (a.error() != null) {
                status.accept(name + ": " + a.error());
            } else if (a.version() != version || !a.since().isEmpty()) {
                status.accept(name + ": the file changed while the server worked; nothing was changed (try again)");
            } else {
                apply(name, document, a);
            }
            if (after != null) {
                after.run();
            }
        }).orElse(-1L);
        if (requestId < 0) {
            status.accept(name + ": no language server serves " + document.title());
        }
        return requestId;
    }

    private void apply(String name, OpenDocument document, ServerRequests.Answer a) {
        try {
            WorkspaceEdits.checkRanges(document.title(), a.result().path("edits"), document.rope());
        } catch (WorkspaceEdits.Refused refused) {
            status.accept(name + ": the server's edits were refused, nothing changed: " + refused.getMessage());
            return;
        }
        List<TextEdit> edits = Positions.edits(a.result().path("edits"), document.rope(), List.of());
        if (edits != null && edits.isEmpty() && name.equals(ON_SAVE)) {
            return; // nothing to say on every save
        }
        if (edits == null || edits.isEmpty() || document.isReadOnly()) {
            status.accept(document.isReadOnly() ? name + ": " + document.title() + " is read-only" : name + ": already formatted");
            return;
        }
        document.buffer().closeGroup();
        document.buffer().edit(new ChangeSet(edits), EditKind.COMMAND);
        document.buffer().closeGroup();
        status.accept(name + ": " + edits.size() + " edit(s)");
    }
}
