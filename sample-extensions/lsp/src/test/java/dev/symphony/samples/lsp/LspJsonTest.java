package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/**
 * A completion list longer than the cap keeps the items that match the word typed so far, and says it is incomplete;
 * code actions carry their edit, their server command, or both.
 */
class LspJsonTest {
    @Test
    void aLongListKeepsTheMatchingItemsFirstAndIsIncomplete() {
        List<CompletionItem> items = new ArrayList<>();
        for (int i = 0; i < LspJson.MAX_ITEMS + 100; i++) {
            items.add(new CompletionItem("global" + i));
        }
        items.add(new CompletionItem("farewell")); // last, as a server's auto-import items often are
        List<CompletionItem> kept = new ArrayList<>();
        JsonNode out = LspJson.completion(Either.forLeft(items), kept, "farew");
        assertEquals(LspJson.MAX_ITEMS, out.path("items").size());
        assertEquals("farewell", out.path("items").path(0).path("label").asText(), "the match first");
        assertEquals(0, out.path("items").path(0).path("index").asInt(), "indexes follow the kept order (resolve uses them)");
        assertEquals("farewell", kept.get(0).getLabel());
        assertTrue(out.path("incomplete").asBoolean(), "capped: typing on asks again");

        JsonNode short_ = LspJson.completion(Either.forLeft(items.subList(0, 3)), new ArrayList<>(), "x");
        assertEquals(3, short_.path("items").size(), "a short list is kept whole, matching or not");
        assertFalse(short_.path("incomplete").asBoolean());
    }

    @Test
    void lettersInOrderIgnoreCase() {
        assertTrue(LspJson.lettersInOrder("fw", "FareWell"));
        assertTrue(LspJson.lettersInOrder("", "anything"));
        assertFalse(LspJson.lettersInOrder("wf", "farewell"));
        assertFalse(LspJson.lettersInOrder("farewells", "farewell"));
    }

    @Test
    void codeActionsCarryTheirEditTheirCommandOrBoth() {
        org.eclipse.lsp4j.Command refactor = new org.eclipse.lsp4j.Command("Extract to constant", "_typescript.applyRefactoring",
                List.of("args"));
        org.eclipse.lsp4j.CodeAction both = new org.eclipse.lsp4j.CodeAction("Fix and organize");
        both.setEdit(new org.eclipse.lsp4j.WorkspaceEdit(java.util.Map.of()));
        both.setCommand(new org.eclipse.lsp4j.Command("Organize", "organize"));
        org.eclipse.lsp4j.CodeAction neither = new org.eclipse.lsp4j.CodeAction("Nothing");
        org.eclipse.lsp4j.CodeAction disabled = new org.eclipse.lsp4j.CodeAction("Disabled");
        disabled.setCommand(refactor);
        disabled.setDisabled(new org.eclipse.lsp4j.CodeActionDisabled("not here"));
        List<org.eclipse.lsp4j.Command> commands = new ArrayList<>();
        JsonNode out = LspJson.codeActions(List.of(Either.forLeft(refactor), Either.forRight(both), Either.forRight(neither),
                Either.forRight(disabled)), commands);
        assertEquals(2, out.path("actions").size(), out.toString());
        JsonNode first = out.path("actions").path(0);
        assertEquals("Extract to constant", first.path("title").asText());
        assertTrue(first.path("edit").isMissingNode(), first.toString());
        assertEquals(0, first.path("command").asInt(), "an index into the kept commands");
        JsonNode second = out.path("actions").path(1);
        assertTrue(second.path("edit").isObject(), second.toString());
        assertEquals(1, second.path("command").asInt());
        assertEquals(List.of("_typescript.applyRefactoring", "organize"), commands.stream().map(org.eclipse.lsp4j.Command::getCommand).toList());
        assertEquals(2, out.path("skipped").asInt(), "neither an edit nor a command, and disabled");
    }

    @Test
    void aCommandThatRepeatsTheActionsEditIsNotRun() {
        org.eclipse.lsp4j.TextEdit insert = new org.eclipse.lsp4j.TextEdit(new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(0, 0),
                new org.eclipse.lsp4j.Position(0, 0)), "import { greet } from \"./lib\";\n");
        org.eclipse.lsp4j.WorkspaceEdit edit = new org.eclipse.lsp4j.WorkspaceEdit(java.util.Map.of("file:///ws/main.ts", List.of(insert)));
        org.eclipse.lsp4j.CodeAction fix = new org.eclipse.lsp4j.CodeAction("Add import");
        fix.setEdit(edit);
        fix.setCommand(new org.eclipse.lsp4j.Command("Add import", "_typescript.applyWorkspaceEdit", List.of(LspJson.LSP_GSON.toJsonTree(edit))));
        List<org.eclipse.lsp4j.Command> commands = new ArrayList<>();
        JsonNode action = LspJson.codeActions(List.of(Either.forRight(fix)), commands).path("actions").path(0);
        assertTrue(action.path("edit").isObject(), action.toString());
        assertTrue(action.path("command").isMissingNode() && commands.isEmpty(), "the repeated edit is applied once: " + action);

        org.eclipse.lsp4j.WorkspaceEdit other = new org.eclipse.lsp4j.WorkspaceEdit(java.util.Map.of("file:///ws/other.ts", List.of(insert)));
        fix.setCommand(new org.eclipse.lsp4j.Command("More", "more", List.of(LspJson.LSP_GSON.toJsonTree(other))));
        assertEquals(0, LspJson.codeActions(List.of(Either.forRight(fix)), commands).path("actions").path(0).path("command").asInt(),
                "a command with another edit runs");
    }
}
