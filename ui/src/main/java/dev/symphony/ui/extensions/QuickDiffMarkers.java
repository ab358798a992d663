package dev.symphony.ui.extensions;

import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.editor.file.LineDiff;
import dev.symphony.editor.text.Rope;
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
import java.util.function.Function;
import java.util.function.Supplier;
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
final class QuickDiffMarkers extends PerFileProvider {
    private final Map<OpenDocument, Tracked> tracked = new HashMap<>(); // JavaFX thread
    private final ExecutorService bases = daemon("quick-diff-base");
    private final ExecutorService diffs = daemon("quick-diff");

    QuickDiffMarkers(CompletableFuture<Kernel> kernel, FxBridge bridge, Supplier<Path> root, ObservableList<OpenDocument> documents,
                     Function<OpenDocument, EditorPane> editors) {
        super(kernel, bridge, root, documents, editors);
    }

    /** {@code extension}'s {@code capability} gives original texts (again): every open document's is asked for anew. */
    void provider(String extension, String capability) {
        use(extension, capability);
    }

    /** The markers shown for {@code document} now (for tests), or null when it has no original. */
    ChangeMarks marksOf(OpenDocument document) {
        Tracked t = tracked.get(document);
        return t == null ? null : t.marks;
    }

    @Override
    void fetch(OpenDocument document) {
        ask(document, bases, out -> out.path("text").isTextual() && !out.path("binary").asBoolean(false)
                ? Rope.of(out.get("text").asText()) : null, original -> track(document, original));
    }

    private void track(OpenDocument document, Rope original) {
        Tracked t = tracked.computeIfAbsent(document, d -> new Tracked(d));
        t.original = original;
        t.diff();
    }

    @Override
    void forget(OpenDocument document) {
        Tracked t = tracked.remove(document);
        if (t != null) {
            document.buffer().removeListener(t.listener);
        }
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
