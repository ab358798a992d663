package dev.symphony.ui.tabs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.kernel.fs.AtomicFiles;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.EditorPane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.util.Duration;

/**
 * The open tabs of each folder with their carets and scroll positions ({@code data/tab-session.json}),
 * so the next start on that folder shows every tab as it was (unsaved text comes back through
 * {@link HotExit}; an untitled document's text too, so it comes back in its place). Remembered a second
 * after the tabs, the active tab, its caret or its scroll change, and when the window closes; read and
 * written off the JavaFX thread.
 */
public final class TabSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FOLDERS = 20;
    private final Path file;
    private final EditorTabsViewModel tabs;
    private final EditorTabsView view;
    private final FxBridge bridge;
    private final PauseTransition debounce = new PauseTransition(Duration.seconds(1));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tab-session");
        t.setDaemon(true);
        return t;
    });
    private Path folder;
    private boolean restoring;
    private boolean frozen;

    /**
     * One document's tab as remembered; {@code alsoIn}: the other groups that show it too (second views);
     * {@code untitled}: an untitled document's journal id (its {@code path} is its name), else null.
     */
    record Entry(Path path, int anchor, int head, double scroll, boolean preview, boolean active, int group,
            List<Integer> alsoIn, String untitled) {
    }

    /** What "active" holds for an untitled document: this and its id (a file's is its path). */
    private static final String UNTITLED = "untitled:";

    /** A folder's remembered tabs and editor-group layout (empty: one group). */
    record Session(List<Entry> entries, java.util.Optional<EditorGroups.Layout> layout) {
    }

    public TabSession(Path file, EditorTabsViewModel tabs, EditorTabsView view, FxBridge bridge) {
        this.file = file;
        this.tabs = tabs;
        this.view = view;
        this.bridge = bridge;
        debounce.setOnFinished(e -> save());
        tabs.documents().addListener((ListChangeListener<OpenDocument>) c -> changed());
        view.statusProperty().addListener((o, a, b) -> changed()); // the caret moved or the tab changed
        ChangeListener<Number> scrolled = (o, a, b) -> changed();
        view.groups().changesProperty().addListener(scrolled); // a split, or a tab moved to another group
        tabs.selectedProperty().addListener((o, was, now) -> {
            EditorPane before = was == null ? null : view.editorOf(was);
            if (before != null) {
                before.view().scrollLinesProperty().removeListener(scrolled);
            }
            EditorPane after = now == null ? null : view.editorOf(now);
            if (after != null) {
                after.view().scrollLinesProperty().addListener(scrolled);
            }
            changed();
        });
    }

    private void changed() {
        if (folder != null && !restoring && !frozen) {
            debounce.playFromStart();
        }
    }

    /** Reopens the tabs remembered for {@code root} (in order, the active one last selected); from now on its tabs are remembered. */
    public void restore(Path root) {
        if (folder != null && !restoring && !frozen) {
            debounce.stop();
            save(); // the previous folder's tabs, as they are
        }
        folder = root;
        restoring = true;
        bridge.compute(() -> read(root), session -> open(session, 0, null), e -> restoring = false);
    }

    /** Opens the entries from {@code index} on, one after another (so the tabs keep their order); the active one last. */
    private void open(Session session, int index, OpenDocument active) {
        List<Entry> entries = session.entries();
        if (index >= entries.size()) {
            tabs.reopenOtherUntitled(); // kept by hot exit, named by no session: after the remembered tabs
            session.layout().ifPresent(layout -> view.groups().restore(layout, tab -> groupOf(tab, entries),
                    tab -> entryOf(tab, entries).map(Entry::alsoIn).orElse(List.of())));
            restoring = false;
            if (active != null) {
                tabs.selectedProperty().set(active);
            }
            return;
        }
        Entry entry = entries.get(index);
        java.util.function.Consumer<OpenDocument> placed = document -> {
            bridge.later(() -> place(document, entry));
            open(session, index + 1, entry.active() ? document : active);
        };
        if (entry.untitled() != null) {
            tabs.reopenUntitled(entry.untitled(), entry.path().toString(), document -> {
                if (document == null) { // its text was not kept (empty, or saved meanwhile)
                    open(session, index + 1, active);
                } else {
                    placed.accept(document);
                }
            });
            return;
        }
        if (!Files.isRegularFile(entry.path())) {
            open(session, index + 1, active);
            return;
        }
        if (entry.preview()) {
            tabs.openPreview(entry.path(), placed);
        } else {
            tabs.open(entry.path(), placed);
        }
    }

    private static int groupOf(javafx.scene.control.Tab tab, List<Entry> entries) {
        return entryOf(tab, entries).map(Entry::group).orElse(0);
    }

    private static java.util.Optional<Entry> entryOf(javafx.scene.control.Tab tab, List<Entry> entries) {
        if (tab.getUserData() instanceof OpenDocument d) {
            return entries.stream().filter(e -> e.path().equals(d.path())).findFirst();
        }
        return java.util.Optional.empty();
    }

    /** The caret and scroll position as remembered (clamped: the file may have changed since). */
    private void place(OpenDocument document, Entry entry) {
        EditorPane pane = view.editorOf(document);
        if (pane == null) {
            return;
        }
        int length = document.rope().length();
        int anchor = Math.max(0, Math.min(length, entry.anchor()));
        int head = Math.max(0, Math.min(length, entry.head()));
        pane.view().controller().setSelections(SelectionSet.single(Selection.of(anchor, head)), head);
        pane.view().scrollTo(entry.scroll());
    }

    /** The remembered tabs of a folder, in tab order. */
    private Session read(Path root) {
        List<Entry> entries = new ArrayList<>();
        java.util.Optional<EditorGroups.Layout> layout = java.util.Optional.empty();
        try {
            JsonNode session = JSON.readTree(file.toFile()).path(root.toString());
            String active = session.path("active").asText("");
            for (JsonNode tab : session.path("tabs")) {
                String untitled = tab.hasNonNull("untitled") ? tab.get("untitled").asText() : null;
                String path = untitled == null ? tab.path("path").asText() : tab.path("title").asText("Untitled");
                List<Integer> alsoIn = new ArrayList<>();
                tab.path("alsoIn").forEach(g -> alsoIn.add(g.asInt()));
                entries.add(new Entry(Path.of(path), tab.path("anchor").asInt(), tab.path("head").asInt(),
                        tab.path("scroll").asDouble(), tab.path("preview").asBoolean(),
                        (untitled == null ? path : UNTITLED + untitled).equals(active),
                        Math.max(0, tab.path("group").asInt()), List.copyOf(alsoIn), untitled));
            }
            layout = GroupLayoutJson.read(session.get("groups"));
        } catch (IOException | RuntimeException e) {
            // nothing remembered yet, or unreadable: start with no tabs
        }
        return new Session(entries, layout);
    }

    private void save() {
        if (folder == null) {
            return;
        }
        ArrayNode list = JSON.createArrayNode();
        for (OpenDocument d : tabs.documents()) {
            ObjectNode tab = d.isUntitled() ? list.addObject().put("untitled", d.untitledId()).put("title", d.title())
                    : list.addObject().put("path", d.path().toString());
            Selection s = d.buffer().selections().get(d.buffer().selections().size() - 1);
            EditorPane pane = view.editorOf(d);
            tab.put("anchor", s.anchor()).put("head", s.head())
                    .put("scroll", pane == null ? 0 : pane.view().scrollLines())
                    .put("preview", d.previewProperty().get());
            List<javafx.scene.control.Tab> shown = view.tabsOf(d);
            int group = shown.isEmpty() ? 0 : view.groups().groups().indexOf(shown.get(0).getTabPane());
            if (group > 0) {
                tab.put("group", group);
            }
            if (shown.size() > 1) {
                ArrayNode alsoIn = tab.putArray("alsoIn");
                shown.subList(1, shown.size()).forEach(t -> alsoIn.add(view.groups().groups().indexOf(t.getTabPane())));
            }
        }
        JsonNode layout = GroupLayoutJson.write(view.groups().describe());
        OpenDocument active = tabs.selectedProperty().get();
        String activePath = active == null ? "" : active.isUntitled() ? UNTITLED + active.untitledId() : active.path().toString();
        String key = folder.toString();
        writer.execute(() -> write(key, list, activePath, layout));
    }

    private void write(String key, ArrayNode list, String active, JsonNode layout) {
        ObjectNode all;
        try {
            JsonNode old = Files.exists(file) ? JSON.readTree(file.toFile()) : null;
            all = old instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (IOException | RuntimeException e) {
            all = JSON.createObjectNode();
        }
        all.remove(key);
        ObjectNode session = all.putObject(key).put("active", active); // newest folder last
        session.set("tabs", list);
        if (!layout.isInt()) {
            session.set("groups", layout);
        }
        while (all.size() > MAX_FOLDERS) {
            all.remove(all.fieldNames().next());
        }
        try {
            AtomicFiles.writeString(file, all.toString());
        } catch (IOException e) {
            // remembering tabs is a convenience; the session goes on without it
        }
    }

    /**
     * The window is about to close its tabs: remembers them as they are now and stops following them (so
     * the closing does not make the remembered list empty) until {@link #resume} (the close was cancelled).
     */
    public void freeze() {
        debounce.stop();
        if (!restoring && !frozen) {
            save();
        }
        frozen = true;
    }

    public void resume() {
        frozen = false;
    }

    /** Remembers the tabs as they are now (unless frozen) and waits for the write. */
    @Override
    public void close() {
        freeze();
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
