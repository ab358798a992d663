package dev.symphony.ui.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * What the editors' per-file provider features share (a quick-diff provider's original texts, a line-annotation
 * provider's lines): the open documents of the folder are followed as they open and close, and each is asked about
 * by its path relative to the folder ({@code {"file": "src/A.java"}}), through the kernel on a thread of the
 * feature's own; an answer is used on the JavaFX thread only if the provider has not changed and the document is
 * still open. Files outside the folder, untitled ones, and anything while no provider is set are not asked about.
 */
abstract class PerFileProvider implements AutoCloseable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    final FxBridge bridge;
    final Function<OpenDocument, EditorPane> editors;
    final ObservableList<OpenDocument> documents;
    private final CompletableFuture<Kernel> kernel;
    private final Supplier<Path> root;
    String provider; // JavaFX thread, like the two below
    private String capability;
    private long generation;

    PerFileProvider(CompletableFuture<Kernel> kernel, FxBridge bridge, Supplier<Path> root, ObservableList<OpenDocument> documents,
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

    /** A document opened (or the provider changed): ask about it. JavaFX thread. */
    abstract void fetch(OpenDocument document);

    /** A document closed (or the provider left): drop what is known of it. JavaFX thread. */
    abstract void forget(OpenDocument document);

    /** {@code extension}'s {@code capability} answers from now on: every open document is asked about anew. */
    final void use(String extension, String capability) {
        this.provider = extension;
        this.capability = capability;
        generation++;
        documents.forEach(this::fetch);
    }

    /** No provider any more: answers still on their way are dropped. */
    final void stopUsing() {
        provider = null;
        generation++;
    }

    /**
     * Asks the provider about {@code document} on {@code worker}: {@code read} turns the output into an answer (it may
     * throw on a malformed one), and {@code onFx} gets it on the JavaFX thread — null when the file is not known to
     * the provider, the call was refused or the extension stopped.
     */
    final <T> void ask(OpenDocument document, ExecutorService worker, Function<JsonNode, T> read, Consumer<T> onFx) {
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
        worker.execute(() -> {
            T answer = null;
            try {
                answer = read.apply(kernel.join().call(new CapabilityCall("workbench", extension, cap,
                        NODES.objectNode().put("file", relative))).output());
            } catch (RuntimeException e) {
                // not there, refused or the extension stopped: nothing for the file until it is asked again
            }
            T a = answer;
            bridge.onFx(() -> {
                if (asked == generation && documents.contains(document)) {
                    onFx.accept(a);
                }
            });
        });
    }

    static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
