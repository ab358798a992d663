package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.EditorTabsViewModel;
import dev.symphony.ui.tabs.OpenDocument;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/**
 * The References view (Shift+Alt+F12, palette Find All References in View): the places of the symbol at the caret,
 * docked in the panel below the editors so they stay while the user goes through them, each as
 * {@code file:line:column   the line's text} in the server's order (the line from the open buffer, or read from disk off
 * the JavaFX thread for a file not open; cut at {@value #MAX_LINE} characters). A click or Enter opens the place. An
 * answer for a text changed meanwhile is dropped (its positions would be off) and said; a newer ask cancels the one out.
 */
final class ReferencesView extends PlacesPane {
    static final String ID = "references-view";
    static final int MAX_LINE = 200;
    private static final long MAX_FILE_BYTES = 8L << 20;
    private final EditorTabsViewModel tabs;
    private final Supplier<Path> workspace;
    private final Consumer<String> status;
    private final FxBridge bridge;
    private final BiConsumer<String, Node> dock;
    private long generation; // lines read for an older answer are not shown

    ReferencesView(ServerRequests requests, EditorTabsViewModel tabs, Supplier<Path> workspace, LocationPicker.Opener opener,
                   Consumer<String> status, FxBridge bridge, BiConsumer<String, Node> dock) {
        super(ID, requests, opener);
        this.tabs = tabs;
        this.workspace = workspace;
        this.status = status;
        this.bridge = bridge;
        this.dock = dock;
        list.setPlaceholder(new Label("No references"));
    }

    /** Asks for the references of the name at {@code view}'s caret; the view shows them when they are in. */
    void find(EditorView view, OpenDocument document) {
        cancel();
        Rope text = view.buffer().text();
        var s = view.buffer().selections();
        int caret = s.get(s.size() - 1).head();
        int start = Positions.wordStart(text, caret);
        int end = caret;
        while (end < text.length() && Positions.wordChar(text.charAt(end))) {
            end++;
        }
        String name = start < end ? text.substring(start, end) : "the symbol";
        int[] at = Positions.position(text, caret);
        int version = requests.versionOf(document);
        requestId = requests.send(document, "references", JsonNodeFactory.instance.objectNode().put("version", version)
                .put("line", at[0]).put("column", at[1]), a -> {
                    requestId = -1;
                    if (a.error() != null) {
                        status.accept("References: " + a.error());
                    } else if (a.version() != version || !a.since().isEmpty()) {
                        status.accept("References: " + document.title() + " changed while the server looked; ask again");
                    } else {
                        show(name, a.result().path("locations"));
                    }
                }).orElse(-1L);
        if (requestId < 0) {
            status.accept("References: no language server serves " + document.title());
        }
    }

    private void show(String name, JsonNode locations) {
        Path root = workspace.get();
        List<LocationPicker.Entry> places = new ArrayList<>();
        Map<Path, Rope> open = new HashMap<>();
        for (JsonNode l : locations) {
            if (!l.path("file").isTextual()) {
                continue;
            }
            LocationPicker.Entry e = LocationPicker.entry(l, null, root);
            places.add(e);
            tabs.find(e.file()).ifPresent(d -> open.put(e.file(), d.rope())); // immutable snapshots, read off the FX thread
        }
        long g = ++generation;
        long files = places.stream().map(LocationPicker.Entry::file).distinct().count();
        bridge.compute(() -> withLines(places, open), entries -> {
            if (g == generation) {
                title.setText(" References to " + name + ": " + entries.size() + " in " + files + " file(s) (Enter or a click: go)");
                list.getItems().setAll(entries);
                list.getSelectionModel().select(0);
                dock.accept("References", this);
            }
        }, e -> status.accept("References: " + e.getMessage()));
    }

    /** Each place with its line's text appended (background thread). */
    private static List<LocationPicker.Entry> withLines(List<LocationPicker.Entry> places, Map<Path, Rope> open) {
        Map<Path, List<String>> read = new HashMap<>();
        List<LocationPicker.Entry> out = new ArrayList<>();
        for (LocationPicker.Entry e : places) {
            String line;
            Rope rope = open.get(e.file());
            if (rope != null) {
                line = e.line() < rope.lineCount() ? rope.substring(rope.lineStart(e.line()), rope.lineEnd(e.line())) : "";
            } else {
                List<String> lines = read.computeIfAbsent(e.file(), ReferencesView::lines);
                line = e.line() < lines.size() ? lines.get(e.line()) : "";
            }
            line = line.strip();
            out.add(new LocationPicker.Entry(e.text() + "   " + (line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line),
                    e.file(), e.line(), e.column()));
        }
        return out;
    }

    /** A file's lines as UTF-8 (malformed bytes replaced); none for a file too large or unreadable. */
    private static List<String> lines(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return List.of();
            }
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
                return r.lines().toList();
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    ListView<LocationPicker.Entry> list() {
        return list;
    }
}
