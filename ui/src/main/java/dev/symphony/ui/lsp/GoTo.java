package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Go to Definition (F12, Ctrl+click), Go to Declaration, Go to Type Definition and Go to Implementations (Ctrl+F12):
 * the server's places for the name at an offset. Definition opens the first place (in its tab, at the name); the others
 * open a single place and list several in the {@link LocationPicker} (an interface's implementations); none is said in
 * the status bar. A newer ask supersedes the one out (cancelled, {@code $/cancelRequest}); an answer for a text changed
 * meanwhile is dropped (it may point elsewhere now). JavaFX thread.
 */
final class GoTo {
    /** What is asked: the request, the command's title, and how a missing answer reads. */
    enum Kind {
        DEFINITION("definition", "Go to Definition", "definition"),
        DECLARATION("declaration", "Go to Declaration", "declaration"),
        TYPE_DEFINITION("typeDefinition", "Go to Type Definition", "type definition"),
        IMPLEMENTATION("implementation", "Go to Implementations", "implementation");

        final String request;
        final String title;
        final String noun;

        Kind(String request, String title, String noun) {
            this.request = request;
            this.title = title;
            this.noun = noun;
        }
    }

    private final ServerRequests requests;
    private final LocationPicker places;
    private final LocationPicker.Opener opener;
    private final Consumer<String> status;
    private long requestId = -1;

    GoTo(ServerRequests requests, LocationPicker places, LocationPicker.Opener opener, Consumer<String> status) {
        this.requests = requests;
        this.places = places;
        this.opener = opener;
        this.status = status;
    }

    /** Asks where the name at {@code offset} of {@code document} (shown in {@code view}) has its {@code kind} of place. */
    void go(Kind kind, EditorView view, OpenDocument document, int offset) {
        if (requestId >= 0) {
            requests.cancel(requestId);
        }
        int[] at = Positions.position(view.buffer().text(), offset);
        int version = requests.versionOf(document);
        requestId = requests.send(document, kind.request, JsonNodeFactory.instance.objectNode().put("version", version)
                .put("line", at[0]).put("column", at[1]), a -> {
                    requestId = -1;
                    JsonNode locations = a.result().path("locations");
                    if (a.error() != null) {
                        status.accept(kind.title + ": " + a.error());
                    } else if (a.version() != version || !a.since().isEmpty()) {
                        status.accept(kind.title + ": the file changed while the server looked; ask again");
                    } else if (locations.isEmpty()) {
                        status.accept(kind.title + ": no " + kind.noun + " found");
                    } else if (locations.size() == 1 || kind == Kind.DEFINITION) {
                        JsonNode first = locations.get(0);
                        opener.open(Path.of(first.path("file").asText()), first.path("startLine").asInt() + 1, first.path("startColumn").asInt() + 1);
                    } else {
                        places.show(view, document, kind.title + " (" + locations.size() + ")", locations);
                    }
                }).orElse(-1L);
        if (requestId < 0) {
            status.accept(kind.title + ": no language server serves " + document.title());
        }
    }
}
