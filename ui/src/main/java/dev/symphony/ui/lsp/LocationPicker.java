package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * A list of places to go, at the caret: Find All References (Shift+F12), Go to Symbol in Editor (Ctrl+Shift+O: the
 * document's outline, indented), Go to Symbol in Workspace (Ctrl+T: the server is asked again as the query changes) and
 * the places of a go-to answer with more than one ({@link GoTo}, e.g. an interface's implementations).
 * Typing filters (references and the outline on the client), Up/Down move, Enter or a click opens the place, Escape
 * closes. Each answer replaces the one before; a newer request cancels the one out. JavaFX thread.
 */
final class LocationPicker {
    static final String ID = "location-picker";

    /** One place as listed. */
    record Entry(String text, Path file, int line, int column) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Opens {@code file} at 1-based {@code line} and {@code column}. */
    interface Opener {
        void open(Path file, int line, int column);
    }

    private final ServerRequests requests;
    private final Overlay overlay;
    private final Supplier<Path> workspace;
    private final Opener opener;
    private final Consumer<String> status;
    private final VBox box = new VBox();
    private final Label title = new Label();
    private final TextField query = new TextField();
    private final ListView<Entry> list = new ListView<>();
    private final List<Entry> all = new ArrayList<>();
    private long requestId = -1;
    private boolean asksServer; // workspace symbols: the query goes to the server
    private OpenDocument document;
    private EditorView from; // gets the focus back on Escape

    LocationPicker(ServerRequests requests, Overlay overlay, Supplier<Path> workspace, Opener opener, Consumer<String> status) {
        this.requests = requests;
        this.overlay = overlay;
        this.workspace = workspace;
        this.opener = opener;
        this.status = status;
        box.setId(ID);
        box.setStyle(Overlay.BOX_STYLE);
        list.setPrefWidth(520);
        list.setPrefHeight(22 * 12 + 4);
        list.setFixedCellSize(22);
        list.setFocusTraversable(false);
        list.setOnMouseClicked(e -> open());
        query.setPromptText("type to filter");
        query.textProperty().addListener((o, was, now) -> queryChanged(now));
        query.setOnKeyPressed(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                if (from != null) {
                    from.requestFocus();
                }
            } else if (e.getCode() == KeyCode.ENTER) {
                open();
            } else if (e.getCode() == KeyCode.DOWN) {
                list.getSelectionModel().select(Math.min(list.getItems().size() - 1, i + 1));
                list.scrollTo(list.getSelectionModel().getSelectedIndex());
            } else if (e.getCode() == KeyCode.UP) {
                list.getSelectionModel().select(Math.max(0, i - 1));
                list.scrollTo(list.getSelectionModel().getSelectedIndex());
            } else {
                return;
            }
            e.consume();
        });
        box.getChildren().setAll(title, query, list);
    }

    boolean isShowing() {
        return overlay.getChildren().contains(box);
    }

    /** The entries listed now (tests). */
    List<Entry> shown() {
        return List.copyOf(list.getItems());
    }

    /** Types {@code text} into the query (tests and the commands). */
    TextField query() {
        return query;
    }

    void references(EditorView view, OpenDocument d) {
        var s = view.buffer().selections();
        int[] at = Positions.position(view.buffer().text(), s.get(s.size() - 1).head());
        start(view, d, "References", false, "references", JsonNodeFactory.instance.objectNode().put("line", at[0]).put("column", at[1]));
    }

    void documentSymbols(EditorView view, OpenDocument d) {
        start(view, d, "Go to Symbol in Editor", false, "documentSymbol", JsonNodeFactory.instance.objectNode());
    }

    void workspaceSymbols(EditorView view, OpenDocument d) {
        start(view, d, "Go to Symbol in Workspace", true, "workspaceSymbol", JsonNodeFactory.instance.objectNode().put("query", ""));
    }

    /** Lists {@code locations} ({@code [{file, startLine…}]}, a server's answer already in) under {@code name}. */
    void show(EditorView view, OpenDocument d, String name, JsonNode locations) {
        close();
        prepare(view, d, name, false);
        locations.forEach(i -> all.add(entry(i)));
        filter("");
        place(view);
    }

    private void start(EditorView view, OpenDocument d, String name, boolean server, String request, ObjectNode fields) {
        close();
        if (!requests.serves(d)) {
            status.accept(name + ": no language server serves " + d.title());
            return;
        }
        prepare(view, d, name, server);
        ask(name, request, fields);
        place(view);
    }

    private void prepare(EditorView view, OpenDocument d, String name, boolean server) {
        document = d;
        from = view;
        asksServer = server;
        title.setText(" " + name + " (Enter: go, Escape: close)");
        all.clear();
        list.getItems().clear();
        query.setText("");
    }

    private void place(EditorView view) {
        Point2D caret = view.caretPoint();
        overlay.place(box, view, caret == null ? new Point2D(0, 0) : caret, view.metrics().lineHeight());
        query.requestFocus();
    }

    private void ask(String name, String request, ObjectNode fields) {
        if (requestId >= 0) {
            requests.cancel(requestId);
        }
        fields.put("version", requests.versionOf(document));
        requestId = requests.send(document, request, fields, a -> {
            requestId = -1;
            if (a.error() != null) {
                status.accept(name + ": " + a.error());
                return;
            }
            all.clear();
            JsonNode items = a.result().has("locations") ? a.result().path("locations") : a.result().path("symbols");
            items.forEach(i -> all.add(entry(i)));
            if (all.isEmpty() && !asksServer) {
                status.accept(name + ": nothing found");
            }
            filter(asksServer ? "" : query.getText());
        }).orElse(-1L);
    }

    private Entry entry(JsonNode i) {
        return entry(i, document.path(), workspace.get());
    }

    /**
     * A place of an answer ({@code {file?, startLine, startColumn, name?, kind?, depth?}}; without a file, {@code file})
     * as listed: {@code name   kind   line:column} (with the file, relative to {@code root}, for a workspace symbol) or
     * {@code file:line:column}.
     */
    static Entry entry(JsonNode i, Path file, Path root) {
        Path at = i.has("file") ? Path.of(i.path("file").asText()) : file;
        String where = (root != null && at.startsWith(root) ? root.relativize(at) : at) + ":" + (i.path("startLine").asInt() + 1)
                + ":" + (i.path("startColumn").asInt() + 1);
        String text = i.has("name") ? "  ".repeat(Math.min(8, i.path("depth").asInt())) + i.path("name").asText() + "   "
                + i.path("kind").asText().toLowerCase(Locale.ROOT) + "   " + (i.has("file") ? where : where.substring(where.indexOf(':') + 1))
                : where;
        return new Entry(text, at, i.path("startLine").asInt(), i.path("startColumn").asInt());
    }

    private void queryChanged(String now) {
        if (!isShowing()) {
            return;
        }
        if (asksServer) {
            ask("Go to Symbol in Workspace", "workspaceSymbol", JsonNodeFactory.instance.objectNode().put("query", now));
        } else {
            filter(now);
        }
    }

    private void filter(String text) {
        String q = text.strip().toLowerCase(Locale.ROOT);
        list.getItems().setAll(all.stream().filter(e -> q.isEmpty() || e.text().toLowerCase(Locale.ROOT).contains(q)).toList());
        list.getSelectionModel().select(0);
    }

    private void open() {
        Entry e = list.getSelectionModel().getSelectedItem();
        if (e != null) {
            close();
            opener.open(e.file(), e.line() + 1, e.column() + 1);
        }
    }

    void close() {
        if (requestId >= 0) {
            requests.cancel(requestId);
            requestId = -1;
        }
        overlay.hide(box);
    }
}
