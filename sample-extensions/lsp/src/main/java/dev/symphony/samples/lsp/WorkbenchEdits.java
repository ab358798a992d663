package dev.symphony.samples.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;

/**
 * A server's {@code workspace/applyEdit} (a command it runs, such as typescript-language-server's refactorings, changes
 * files through it) handed to the workbench: the event {@code workbench.applyEdit} {@code {id, server, label, edit}}
 * ({@code edit} as {@link LspJson#workspaceEdit}), answered by the {@code language} request
 * {@code {"request": "applyEditResult", "id", "applied", "reason"}}, which becomes the server's
 * {@code ApplyWorkspaceEditResponse}. The workbench applies edits of open buffers and asks the user about files not
 * open; a rejection or a refusal is {@code applied: false} with its reason. An edit that creates, renames or deletes
 * files is refused here (the workbench does not apply those), and one the workbench does not answer within the wait is
 * answered {@code applied: false} saying so. Nothing here blocks LSP4J's reader thread.
 */
final class WorkbenchEdits {
    static final String EVENT = "workbench.applyEdit";
    /** How long a server's edit waits for the workbench (the user may be reading the prompt). */
    static final Duration WAIT = Duration.ofMinutes(5);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final BiConsumer<String, ObjectNode> emit;
    private final Duration wait;
    private final AtomicLong ids = new AtomicLong(1);
    private final Map<Long, CompletableFuture<ApplyWorkspaceEditResponse>> pending = new ConcurrentHashMap<>();

    WorkbenchEdits(BiConsumer<String, ObjectNode> emit, Duration wait) {
        this.emit = emit;
        this.wait = wait;
    }

    /** Asks the workbench to apply {@code params} for {@code server}; completes with the workbench's answer. */
    CompletableFuture<ApplyWorkspaceEditResponse> ask(String server, ApplyWorkspaceEditParams params) {
        ObjectNode edit = LspJson.workspaceEdit(params == null ? null : params.getEdit());
        if (edit.path("skipped").asInt(0) > 0) {
            return CompletableFuture.completedFuture(refused(server + "'s edit creates, renames or deletes files, which Symphony does not apply"
                    + " from a server; nothing was changed"));
        }
        if (edit.path("files").isEmpty()) {
            return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(true)); // nothing to change
        }
        long id = ids.getAndIncrement();
        CompletableFuture<ApplyWorkspaceEditResponse> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode event = NODES.objectNode().put("id", id).put("server", server);
        if (params.getLabel() != null && !params.getLabel().isBlank()) {
            event.put("label", params.getLabel().length() > 200 ? params.getLabel().substring(0, 200) : params.getLabel());
        }
        event.set("edit", edit);
        emit.accept(EVENT, event);
        return answer.orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).handle((r, e) -> {
            pending.remove(id);
            return e == null ? r : refused("the workbench did not answer within " + wait.toSeconds() + " s; nothing was changed");
        });
    }

    /** The workbench's answer {@code {id, applied, reason}}; returns whether an edit was waiting for it. */
    ObjectNode answer(JsonNode in) {
        JsonNode id = in.get("id");
        if (id == null || !id.canConvertToLong() || !in.path("applied").isBoolean()) {
            throw new IllegalArgumentException("$: applyEditResult needs id (an integer) and applied (true or false)");
        }
        CompletableFuture<ApplyWorkspaceEditResponse> f = pending.remove(id.asLong());
        if (f != null) {
            f.complete(in.get("applied").asBoolean() ? new ApplyWorkspaceEditResponse(true)
                    : refused(in.path("reason").asText("the workbench did not apply it")));
        }
        return NODES.objectNode().put("waiting", f != null);
    }

    /** Edits asked for and not answered yet (tests). */
    int pending() {
        return pending.size();
    }

    private static ApplyWorkspaceEditResponse refused(String reason) {
        ApplyWorkspaceEditResponse r = new ApplyWorkspaceEditResponse(false);
        r.setFailureReason(reason);
        return r;
    }
}
