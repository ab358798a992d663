package dev.symphony.contract.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageModelProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aChatRequestReadsFromTheJsonACallerWrites() throws Exception {
        ChatRequest request = LanguageModelProtocol.fromJson(JSON.readTree(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}],\"sampling\":{\"maxTokens\":5,\"seed\":7}}"), ChatRequest.class);
        assertEquals(List.of(Message.user("hello")), request.messages());
        assertEquals(5, request.sampling().maxTokens());
        assertEquals(7L, request.sampling().seed());
        assertEquals(null, request.model());
    }

    @Test
    void theFinalChunkCarriesItsFinishReasonInLowerCaseAndRoundTrips() {
        Final last = new Final("m", new Message("assistant", "hi"), new Usage(3, 2), FinishReason.LENGTH);
        var json = LanguageModelProtocol.toJson(last);
        assertEquals("length", json.get("finishReason").asText());
        assertTrue(Final.isFinal(json));
        assertFalse(Final.isFinal(JSON.createObjectNode().put("token", "x")));
        assertEquals(last, LanguageModelProtocol.fromJson(json, Final.class));
    }

    @Test
    void aMalformedRequestNamesTheRecordItIsNot() throws Exception {
        var e = assertThrows(IllegalArgumentException.class,
                () -> LanguageModelProtocol.fromJson(JSON.readTree("{\"messages\":\"hello\"}"), ChatRequest.class));
        assertTrue(e.getMessage().startsWith("not a ChatRequest"), e.getMessage());
    }

    @Test
    void pricesComeFromTheShippedTableAndAnOverrideWins() throws Exception {
        PriceTable table = PriceTable.shipped();
        assertEquals(0.0, table.price("symphony-demo-bigram").orElseThrow().cost(new Usage(1000, 1000)));
        assertEquals(2.5 + 10.0, table.price("gpt-4o").orElseThrow().cost(new Usage(1_000_000, 1_000_000)), 1e-9);
        assertTrue(table.price("no-such-model").isEmpty());
        PriceTable mine = table.withOverrides(JSON.readTree("{\"models\":{\"gpt-4o\":{\"input\":1,\"output\":2,\"currency\":\"EUR\"}}}"), "mine.json");
        assertEquals("EUR", mine.price("gpt-4o").orElseThrow().currency());
        var bad = assertThrows(IllegalArgumentException.class,
                () -> table.withOverrides(JSON.readTree("{\"models\":{\"x\":{\"input\":-1,\"output\":2,\"currency\":\"EUR\"}}}"), "mine.json"));
        assertTrue(bad.getMessage().startsWith("mine.json: /models/x"), bad.getMessage());
    }

    @Test
    void anInstrumentsOwnEntryWinsThenTheModelsThenTheInstrumentsWildcard() throws Exception {
        PriceTable table = PriceTable.shipped();
        assertEquals(0.0, table.price("dev.symphony.samples.local-gguf", "my-qwen").orElseThrow().outputPerMillion(),
                "a user's GGUF file run by local-gguf: local, free");
        assertTrue(table.price("dev.symphony.samples.openai-compatible", "my-qwen").isEmpty(), "no wildcard for a remote Instrument");
        assertEquals(10.0, table.price("dev.symphony.samples.openai-compatible", "gpt-4o").orElseThrow().outputPerMillion());
        PriceTable mine = table.withOverrides(JSON.readTree("{\"models\":{\"dev.symphony.samples.local-gguf/my-qwen\":"
                + "{\"input\":1,\"output\":2,\"currency\":\"EUR\"}}}"), "mine.json");
        assertEquals("EUR", mine.price("dev.symphony.samples.local-gguf", "my-qwen").orElseThrow().currency());
    }
}
