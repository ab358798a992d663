package dev.symphony.ui.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.editor.file.LineDiff;
import dev.symphony.editor.text.Rope;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.ChangeMarks;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Gutter change markers of open documents against a quick-diff provider's original texts (the Git extension's HEAD
 * text, {@code workbench.quickDiff}): added, modified and deleted lines, updated as the user types. The original of
 * each open file of the folder is asked for on the {@code quick-diff-base} thread when the file opens and whenever the
 * provider announces itself again (Git does when HEAD moves); the line diff against the buffer runs on the
 * {@code quick-diff} thread, one at a time per document: keystrokes during a diff cause one more diff after it, of the
 * text then. The JavaFX thread only takes the buffer's (immutable) text and sets the result. A file the provider has
 * no text for (untracked, binary, outside the folder) gets no markers.
 */
final class QuickDiffMarkers implements AutoCloseable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final CompletableFuture<Kernel> kernel;
    private final FxBridge bridge;
    private final Supplier<Path> root;
    private final Function<OpenDocument, EditorPane> editors;
    private final ObservableList<OpenDocument> documents;
    private final Map<OpenDocument, Tracked> tracked = new HashMap<>(); // JavaFX thread
    private final ExecutorService bases = daemon("quick-diff-base");
    private final ExecutorService diffs = daemon("quick-diff");
    private String provider; // JavaFX thread
    private String capability;
    private long generation;

    QuickDiffMarkers(CompletableFuture<Kernel> kernel, FxBridge bridge, Supplier<Path> root, ObservableList<OpenDocument> documents,
                     Function<OpenDocument, EditorPane> editors) {
        this.kernel = kernel;
        this.bridge = bridge;
        this.root = root;
        this.documents = documents;
        this.editors = editors;
        documents.addListener((ListChangeListener<OpenDocument>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::forget);
                change.getAddedSubList().forEach(this::fetch);
            }
        });
    }

    /** {@code extension}'s {@code capability} gives original texts (again): every open document's is asked for anew. */
    void provider(String extension, String capability) {
        this.provider = extension;
        this.capability = capability;
        generation++;
        documents.forEach(this::fetch);
    }

    /** The markers shown for {@code document} now (for tests), or null when it has no original. */
    ChangeMarks marksOf(OpenDocument document) {
        Tracked t = tracked.get(document);
        return t == null ? null : t.marks;
    }

    private void fetch(OpenDocument document) {
        Path folder = root.get();
        Path file = document.path();
        if (provider == null || folder == null || file == null) {
            return;
        }
        Path base = folder.toAbsolutePath().normalize();
        Path p = file.toAbsolutePath().normalize();
        if (!p.startsWith(base) || p.equals(base)) {
            return;
        }
        String relative = base.relativize(p).toString().replace(java.io.File.separatorChar, '/');
        String extension = provider;
        String cap = capability;
        long asked = generation;
        bases.execute(() -> {
            Rope original = null;
            try {
                JsonNode out = kernel.join().call(new CapabilityCall("workbench", extension, cap, NODES.objectNode().put("file", relative))).output();
                if (out.path("text").isTextual() && !out.path("binary").asBoolean(false)) {
                    original = Rope.of(out.get("text").asText());
                }
            } catch (RuntimeException e) {
                // not there, refused or the extension stopped: no markers until it announces itself again
            }
            Rope text = original;
            bridge.onFx(() -> {
                if (asked == generation && documents.contains(document)) {
                    track(document, text);
                }
            });
        });
    }

    private void track(OpenDocument document, Rope original) {
        Tracked t = tracked.computeIfAbsent(document, d -> new Tracked(d));
        t.original = original;
        t.diff();
    }

    private void forget(OpenDocument document) {
        Tracked t = tracked.remove(document);
        if (t != null) {
            document.buffer().removeListener(t.listener);
        }
    }

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        bases.shutdownNow();
        diffs.shutdownNow();
        List.copyOf(tracked.keySet()).forEach(this::forget);
    }

    /** One open document's original and markers; every field is touched on the JavaFX thread only. */
    private final class Tracked {
        final OpenDocument document;
        final BufferListener listener = (before, after, change) -> diff();
        Rope original;
        ChangeMarks marks = ChangeMarks.NONE;
        boolean running;
        boolean again;

        Tracked(OpenDocument document) {
            this.document = document;
            document.buffer().addListener(listener);
        }

        void diff() {
            if (running) {
                again = true;
                return;
            }
            running = true;
            Rope from = original;
            Rope to = document.rope();
            diffs.execute(() -> {
                ChangeMarks computed = from == null ? ChangeMarks.NONE : ChangeMarks.of(LineDiff.of(from, to));
                bridge.onFx(() -> {
                    running = false;
                    if (tracked.get(document) != this) {
                        return;
                    }
                    marks = computed;
                    EditorPane pane = editors.apply(document);
                    if (pane != null) {
                        pane.view().setChangeMarks(computed);
                    }
                    if (again) {
                        again = false;
                        diff();
                    }
                });
            });
        }
    }
}
