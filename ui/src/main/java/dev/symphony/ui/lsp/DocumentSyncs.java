package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.manifest.DocumentSync;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.protocol.WorkbenchProtocol;
import dev.symphony.editor.text.Rope;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.ui.FxBridge;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.editor.Squiggles;
import dev.symphony.ui.problems.ProblemsModel;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Keeps open documents in step with the extensions that declare {@code contributes.documentSync} for their file type,
 * and shows what those extensions publish about them. A document of the open folder is sent once whole
 * ({@code open}), then as ranges per edit ({@code change}, coalesced: one call carries everything typed while the
 * previous call was out), then {@code close}. Calls run in order on one thread of their own; the JavaFX thread only
 * records the change. Diagnostics come back tagged with the version they were computed for: placed in that version's
 * text and moved through the edits since (dropped when that version is older than the kept history, so nothing stale
 * is shown), as squiggles in the editor and entries of the Problems view.
 */
public final class DocumentSyncs implements AutoCloseable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final CompletableFuture<Kernel> kernel;
    private final Supplier<Path> workspace;
    private final ProblemsModel problems;
    private final FxBridge bridge;
    private final Function<OpenDocument, EditorPane> editors;
    private final Consumer<String> status;
    private final List<SyncedDocument> synced = new ArrayList<>(); // JavaFX thread
    private java.util.function.BiConsumer<String, WorkbenchProtocol.LanguageResult> languageResults = (e, r) -> { };
    private java.util.function.BiConsumer<String, WorkbenchProtocol.ApplyEdit> applyEdits;
    private static final int MAX_RETRIES = 5;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "document-sync-retry");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "document-sync");
        t.setDaemon(true);
        return t;
    });

    public DocumentSyncs(CompletableFuture<Kernel> kernel, ObservableList<OpenDocument> documents, Supplier<Path> workspace,
                         ProblemsModel problems, FxBridge bridge, Function<OpenDocument, EditorPane> editors, Consumer<String> status) {
        this.kernel = kernel;
        this.workspace = workspace;
        this.problems = problems;
        this.bridge = bridge;
        this.editors = editors;
        this.status = status;
        documents.addListener((ListChangeListener<OpenDocument>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::closed);
                change.getAddedSubList().forEach(this::opened);
            }
        });
        kernel.thenAccept(k -> bridge.onFx(() -> documents.forEach(this::opened)));
    }

    private void opened(OpenDocument d) {
        Kernel k = kernel.getNow(null);
        Path root = workspace.get();
        if (k == null || root == null || d.isUntitled() || d.path() == null || !d.path().startsWith(root) || d.isReadOnly()) {
            return;
        }
        for (ExtensionManifest m : k.catalogue()) {
            DocumentSync sync = DocumentSync.of(m).orElse(null);
            if (sync == null || !sync.serves(d.path().getFileName().toString())
                    || synced.stream().anyMatch(s -> s.document == d && s.extension.equals(m.id()))) {
                continue;
            }
            SyncedDocument s = new SyncedDocument(d, m.id(), sync.capability(), sync.requests().orElse(null));
            synced.add(s);
            s.listener = (before, after, change) -> {
                s.changed(before, after, change);
                showDiagnostics(s);
                sender.execute(() -> sendPending(k, s));
            };
            d.buffer().addListener(s.listener);
            sendOpen(k, s, root, s.version(), d.rope());
        }
    }

    private void closed(OpenDocument d) {
        Kernel k = kernel.getNow(null);
        synced.removeIf(s -> {
            if (s.document != d) {
                return false;
            }
            d.buffer().removeListener(s.listener);
            problems.replace(source(s), List.of());
            if (k != null) {
                ObjectNode close = NODES.objectNode().put("event", "close").put("file", d.path().toString());
                sender.execute(() -> call(k, s, close));
            }
            return true;
        });
    }

    private void sendOpen(Kernel k, SyncedDocument s, Path root, int version, Rope text) {
        ObjectNode open = NODES.objectNode().put("event", "open").put("root", root.toString())
                .put("file", s.document.path().toString()).put("version", version).put("text", text.toString());
        sender.execute(() -> call(k, s, open));
    }

    private void sendPending(Kernel k, SyncedDocument s) {
        if (s.reopenPending()) {
            return; // the retry opens it with the whole current text
        }
        Object[] p = s.takePending();
        if (p == null) {
            return; // an earlier task sent it with its own
        }
        ObjectNode change = NODES.objectNode().put("event", "change").put("file", s.document.path().toString())
                .put("version", (Integer) p[0]);
        change.set("changes", (ArrayNode) p[1]);
        JsonNode answer = call(k, s, change);
        if (answer != null && answer.path("reopen").asBoolean(false)) {
            reopen(k, s, 0); // its host restarted and lost the document
        }
    }

    /** Opens {@code s} again, whole, after {@code delayMs}; on the JavaFX thread so text and version agree. */
    private void reopen(Kernel k, SyncedDocument s, long delayMs) {
        s.needsReopen();
        retries.schedule(() -> bridge.onFx(() -> {
            Path root = workspace.get();
            if (synced.contains(s) && root != null && s.takeReopen()) {
                sendOpen(k, s, root, s.version(), s.document.rope());
            }
        }), delayMs, TimeUnit.MILLISECONDS);
    }

    /**
     * One call on the sender thread; a failure is said in the status bar, never thrown at the editor, and the document
     * is opened again whole after a back-off (the extension's host may have crashed and been restarted without it).
     */
    private JsonNode call(Kernel k, SyncedDocument s, ObjectNode input) {
        try {
            JsonNode out = k.call(new CapabilityCall("workbench", s.extension, s.capability, input)).output();
            s.failures = 0;
            return out;
        } catch (RuntimeException e) {
            bridge.onFx(() -> status.accept(s.extension + " could not follow " + s.document.title() + ": " + e.getMessage()));
            if (!input.path("event").asText().equals("close") && s.failures < MAX_RETRIES) {
                reopen(k, s, 1000L << s.failures++);
            }
            return null;
        }
    }

    /**
     * Diagnostics of {@code extension} for a workspace-relative {@code file}: true when this class shows them (the file
     * is synced with that extension), false to let the caller list them as they are. JavaFX thread.
     */
    public boolean diagnostics(String extension, Path file, WorkbenchProtocol.Diagnostics d) {
        for (SyncedDocument s : synced) {
            if (s.extension.equals(extension) && s.document.path().equals(file)) {
                int version = d.version() < 0 ? s.version() : (int) d.version();
                Rope text = s.textOf(version);
                if (text == null) {
                    return true; // for a version older than the history: dropped, the next publication replaces them
                }
                s.diagnostics.place(d.items(), text, s.changesSince(version));
                showDiagnostics(s);
                return true;
            }
        }
        return false;
    }

    /** The synced document of {@code d} that an extension answers language requests about, if any. JavaFX thread. */
    java.util.Optional<SyncedDocument> requestable(OpenDocument d) {
        return synced.stream().filter(s -> s.document == d && s.requests != null).findFirst();
    }

    /**
     * Calls {@code s}'s request capability with {@code input} on the sync thread, after every change recorded before
     * (so the extension has the text the request is about); a failure is said in the status bar.
     */
    void request(SyncedDocument s, ObjectNode input) {
        Kernel k = kernel.getNow(null);
        if (k == null) {
            return;
        }
        try {
            sender.execute(() -> request(k, s, input));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the workbench closed (a feature's timer fired after it): nothing to ask
        }
    }

    private void request(Kernel k, SyncedDocument s, ObjectNode input) {
        sendPending(k, s);
        try {
            JsonNode out = k.call(new CapabilityCall("workbench", s.extension, s.requests, input)).output();
            if (out != null && out.path("reopen").asBoolean(false)) {
                reopen(k, s, 0); // its host restarted and lost the document; this request is lost, the next one is answered
            }
        } catch (RuntimeException e) {
            bridge.onFx(() -> status.accept(s.extension + ": " + input.path("request").asText() + " failed: " + e.getMessage()));
        }
    }

    /** Where language results go (ui.lsp.LanguageFeatures). */
    void onLanguageResult(java.util.function.BiConsumer<String, WorkbenchProtocol.LanguageResult> handler) {
        languageResults = handler;
    }

    /** A {@code workbench.languageResult} of {@code extension}. JavaFX thread. */
    public void languageResult(String extension, WorkbenchProtocol.LanguageResult r) {
        languageResults.accept(extension, r);
    }

    /** Where a server's own edits go (ui.lsp.ServerEdits). */
    void onApplyEdit(java.util.function.BiConsumer<String, WorkbenchProtocol.ApplyEdit> handler) {
        applyEdits = handler;
    }

    /**
     * A {@code workbench.applyEdit} of {@code extension}: false when nothing here takes it (no language features, or
     * the extension answers no language requests). JavaFX thread.
     */
    public boolean applyEdit(String extension, WorkbenchProtocol.ApplyEdit e) {
        if (applyEdits == null || requestsOf(extension) == null) {
            return false;
        }
        applyEdits.accept(extension, e);
        return true;
    }

    /** Answers a server's edit {@code id} through {@code extension}'s request capability, on the sync thread. */
    void answerApplyEdit(String extension, long id, boolean applied, String reason) {
        Kernel k = kernel.getNow(null);
        String capability = requestsOf(extension);
        if (k == null || capability == null) {
            return;
        }
        ObjectNode input = NODES.objectNode().put("request", "applyEditResult").put("id", id).put("applied", applied);
        if (reason != null) {
            input.put("reason", reason);
        }
        try {
            sender.execute(() -> {
                try {
                    k.call(new CapabilityCall("workbench", extension, capability, input));
                } catch (RuntimeException e) {
                    bridge.onFx(() -> status.accept(extension + ": the answer to its server's edit failed: " + e.getMessage()));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the workbench closed: the extension's wait runs out and answers the server
        }
    }

    /** The request capability ({@code documentSync.requests}) of {@code extension}, or null. */
    private String requestsOf(String extension) {
        Kernel k = kernel.getNow(null);
        if (k == null) {
            return null;
        }
        for (ExtensionManifest m : k.catalogue()) {
            if (m.id().equals(extension)) {
                return DocumentSync.of(m).flatMap(DocumentSync::requests).orElse(null);
            }
        }
        return null;
    }

    private void showDiagnostics(SyncedDocument s) {
        EditorPane pane = editors.apply(s.document);
        if (pane != null && (!s.diagnostics.isEmpty() || !pane.view().squiggles().items().isEmpty())) {
            pane.view().setSquiggles(s.diagnostics.squiggles());
        }
        problems.replace(source(s), s.diagnostics.problems(s.document.path(), s.document.rope(), shortName(s.extension)));
    }

    private static String source(SyncedDocument s) {
        return "extension:" + s.extension + ":" + s.document.path();
    }

    private static String shortName(String id) {
        return id.substring(id.lastIndexOf('.') + 1);
    }

    @Override
    public void close() {
        sender.shutdownNow();
        retries.shutdownNow();
    }
}
