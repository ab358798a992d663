package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.protocol.WorkbenchProtocol;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Language requests about synced documents and their answers, matched by id (JavaFX thread). A request carries the
 * document's version; its answer arrives as a {@code workbench.languageResult} for the version the server computed it
 * for, with that version's text and the edits made since ({@link Answer}), so the feature can map it to the text shown
 * now or drop it. An answer whose request was cancelled or superseded is dropped here: it never reaches the editor.
 */
final class ServerRequests {
    /** What came back, and what is needed to judge it against the text shown now. */
    record Answer(long id, JsonNode result, int version, Rope textThen, List<ChangeSet> since, SyncedDocument document) {
        String error() {
            return result.path("error").isTextual() ? result.get("error").asText() : null;
        }

        /** {@code decoded} (computed for {@link #textThen}) carried through the edits {@link #since} by {@code edited}. */
        <T> T carried(T decoded, java.util.function.BiFunction<T, ChangeSet, T> edited) {
            T now = decoded;
            for (ChangeSet change : since) {
                now = edited.apply(now, change);
            }
            return now;
        }
    }

    private record Pending(SyncedDocument document, String extension, Consumer<Answer> onAnswer) {
    }

    private final DocumentSyncs syncs;
    private final Map<Long, Pending> pending = new HashMap<>();
    private long nextId = 1;
    private int dropped;

    ServerRequests(DocumentSyncs syncs) {
        this.syncs = syncs;
        syncs.onLanguageResult(this::result);
    }

    /** True when an extension answers requests about {@code d}. */
    boolean serves(OpenDocument d) {
        return d != null && syncs.requestable(d).isPresent();
    }

    /**
     * Sends {@code request} (completion, hover, …) with {@code fields} about {@code d}; {@code onAnswer} gets the answer
     * unless it is cancelled first. Returns the id (to cancel), or empty when nothing serves {@code d}.
     */
    Optional<Long> send(OpenDocument d, String request, ObjectNode fields, Consumer<Answer> onAnswer) {
        Optional<SyncedDocument> s = syncs.requestable(d);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        long id = nextId++;
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("request", request).put("id", id)
                .put("file", d.path().toString());
        input.setAll(fields);
        pending.put(id, new Pending(s.get(), s.get().extension, onAnswer));
        syncs.request(s.get(), input);
        return Optional.of(id);
    }

    /** The version of {@code d} the next request is about (its edits are sent before it). */
    int versionOf(OpenDocument d) {
        return syncs.requestable(d).map(SyncedDocument::version).orElse(-1);
    }

    /** Cancels request {@code id}: its answer is dropped, and the server is told ({@code $/cancelRequest}). */
    void cancel(long id) {
        Pending p = pending.remove(id);
        if (p != null && syncs.requestable(p.document.document).isPresent()) {
            syncs.request(p.document, JsonNodeFactory.instance.objectNode().put("request", "cancel").put("id", id));
        }
    }

    /** Answers dropped because their request was cancelled or superseded (tests, bench). */
    int dropped() {
        return dropped;
    }

    private void result(String extension, WorkbenchProtocol.LanguageResult r) {
        Pending p = pending.get(r.id());
        if (p == null || !p.extension.equals(extension)) {
            dropped++;
            return; // cancelled, superseded, or not ours
        }
        pending.remove(r.id());
        int version = (int) r.version();
        SyncedDocument s = p.document;
        Rope then = version < 0 ? null : s.textOf(version);
        p.onAnswer.accept(new Answer(r.id(), r.result(), version, then, then == null ? List.of() : s.changesSince(version), s));
    }
}
