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

/** A completion list longer than the cap keeps the items that match the word typed so far, and says it is incomplete. */
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
}
