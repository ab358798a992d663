package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/**
 * A server's {@code workspace/applyEdit} goes to the workbench as {@code workbench.applyEdit} and the server gets the
 * workbench's answer: applied, or not with the reason; no answer within the wait is a refusal saying so; an edit that
 * creates files is refused without asking; a bad answer is refused naming what it lacks.
 */
class WorkbenchEditsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<ObjectNode> emitted = new ArrayList<>();

    private static ApplyWorkspaceEditParams edit(String label) {
        TextEdit e = new TextEdit(new Range(new Position(0, 0), new Position(0, 1)), "x");
        return new ApplyWorkspaceEditParams(new WorkspaceEdit(Map.of("file:///ws/a.ts", List.of(e))), label);
    }

    @Test
    void theWorkbenchsAnswerIsTheServersResponse() throws Exception {
        WorkbenchEdits edits = new WorkbenchEdits((name, payload) -> emitted.add(payload.put("event", name)), Duration.ofMinutes(1));
        var approved = edits.ask("typescript", edit("Extract to constant"));
        var rejected = edits.ask("typescript", edit(null));
        assertEquals(2, emitted.size());
        ObjectNode first = emitted.get(0);
        assertEquals(WorkbenchEdits.EVENT, first.path("event").asText());
        assertEquals("Extract to constant", first.path("label").asText());
        assertEquals("/ws/a.ts", first.path("edit").path("files").path(0).path("file").asText(), first.toString());
        assertEquals("x", first.path("edit").path("files").path(0).path("edits").path(0).path("text").asText(), first.toString());
        assertFalse(approved.isDone(), "the server waits for the workbench");

        long rejectedId = emitted.get(1).path("id").asLong();
        assertTrue(edits.answer(JSON.createObjectNode().put("id", rejectedId).put("applied", false).put("reason", "the user rejected it"))
                .path("waiting").asBoolean());
        ApplyWorkspaceEditResponse no = rejected.get(5, TimeUnit.SECONDS);
        assertFalse(no.isApplied());
        assertEquals("the user rejected it", no.getFailureReason());

        edits.answer(JSON.createObjectNode().put("id", first.path("id").asLong()).put("applied", true));
        assertTrue(approved.get(5, TimeUnit.SECONDS).isApplied());
        assertEquals(0, edits.pending());
        assertFalse(edits.answer(JSON.createObjectNode().put("id", rejectedId).put("applied", true)).path("waiting").asBoolean(),
                "answered once only");
    }

    @Test
    void noAnswerWithinTheWaitIsARefusalThatSaysSo() throws Exception {
        WorkbenchEdits edits = new WorkbenchEdits((name, payload) -> emitted.add(payload), Duration.ofMillis(100));
        ApplyWorkspaceEditResponse r = edits.ask("pyright", edit(null)).get(5, TimeUnit.SECONDS);
        assertFalse(r.isApplied());
        assertTrue(r.getFailureReason().contains("did not answer within"), r.getFailureReason());
        assertEquals(0, edits.pending());
    }

    @Test
    void anEditThatCreatesFilesIsRefusedWithoutAsking() throws Exception {
        WorkbenchEdits edits = new WorkbenchEdits((name, payload) -> emitted.add(payload), Duration.ofMinutes(1));
        WorkspaceEdit create = new WorkspaceEdit(List.<Either<TextDocumentEdit, ResourceOperation>>of(Either.forRight(new CreateFile("file:///ws/new.ts"))));
        ApplyWorkspaceEditResponse r = edits.ask("typescript", new ApplyWorkspaceEditParams(create)).get(5, TimeUnit.SECONDS);
        assertFalse(r.isApplied());
        assertTrue(r.getFailureReason().contains("creates, renames or deletes files"), r.getFailureReason());
        assertTrue(emitted.isEmpty(), "nothing was asked of the workbench");
    }

    @Test
    void aBadAnswerIsRefusedNamingWhatItLacks() {
        WorkbenchEdits edits = new WorkbenchEdits((name, payload) -> emitted.add(payload), Duration.ofMinutes(1));
        String message = assertThrows(IllegalArgumentException.class, () -> edits.answer(JSON.createObjectNode().put("id", 1))).getMessage();
        assertTrue(message.contains("applied (true or false)"), message);
    }
}
