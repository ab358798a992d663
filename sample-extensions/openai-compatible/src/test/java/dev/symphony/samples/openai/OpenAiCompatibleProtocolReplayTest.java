package dev.symphony.samples.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.samples.broker.testing.InstrumentConformance;
import dev.symphony.samples.broker.testing.ProtocolReplay;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The openai-compatible Instrument with its real manifest in the SDK's harness, over real HTTP to <b>protocol
 * replays</b> (this package's test resources): the server's model list, a streamed chat naming an OpenAI model, the
 * shared conformance checks. The real llama.cpp server is packaging's LlamaServerRouterIT.
 */
class OpenAiCompatibleProtocolReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ProtocolReplay replay;
    private static ExtensionHarness harness;

    @BeforeAll
    static void start(@TempDir Path workspace) throws Exception {
        replay = new ProtocolReplay();
        harness = new ExtensionHarness(Path.of("symphony-extension.json"), new OpenAiCompatible(), workspace)
                .setting("baseUrl", replay.url() + "/v1");
    }

    @AfterAll
    static void stop() {
        replay.close();
    }

    @Test
    void replayLlamaServerModelListIsTheListing() {
        replay.serve(getClass(), "models.replay");
        Catalogue listed = InstrumentConformance.listing(harness);
        assertEquals(List.of("symphony-demo-bigram.gguf"), listed.models().stream().map(m -> m.id()).toList());
    }

    @Test
    void replayStreamedChatNamingAnOpenAiModel() throws Exception {
        replay.serve(getClass(), "chat-stream.replay");
        Final answer = InstrumentConformance.chat(harness, new ChatRequest("gpt-4o-mini", List.of(Message.user("hi")),
                new Sampling(16, null, null, 3L, null)));
        assertEquals("Hi there.", answer.message().content());
        assertEquals(9, answer.usage().inputTokens());
        assertEquals(2, answer.usage().outputTokens());
        assertEquals("gpt-4o-mini", answer.model());
        JsonNode body = JSON.readTree(replay.requests().get(replay.requests().size() - 1).body());
        assertEquals("gpt-4o-mini", body.get("model").asText(), body.toString());
        assertEquals(3, body.get("seed").asInt(), body.toString());
        assertTrue(replay.requests().get(replay.requests().size() - 1).headers().get("authorization") == null,
                "no key leaves the extension");
    }

    @Test
    void conformsAndPricesEveryCatalogueModel() {
        InstrumentConformance.declaresTheContract(harness);
        InstrumentConformance.refusesBadInput(harness);
        PriceTable prices = PriceTable.shipped();
        InstrumentConformance.catalogue(harness).models().forEach(m ->
                assertTrue(prices.price(m.id()).isPresent(), "the shipped table prices " + m.id()));
        harness.setting("baseUrl", "https://api.openai.com/v1");
        try {
            String refused = InstrumentConformance.failsWith(harness, ErrorCode.INVALID_INPUT, "chat",
                    LanguageModelProtocol.toJson(new ChatRequest(null, List.of(Message.user("hi")), null)));
            assertTrue(refused.contains("api.openai.com"), "the free 'server' id never reaches a cloud: " + refused);
        } finally {
            harness.setting("baseUrl", replay.url() + "/v1");
        }
    }
}
