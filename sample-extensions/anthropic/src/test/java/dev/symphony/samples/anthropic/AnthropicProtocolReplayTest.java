package dev.symphony.samples.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolSpec;
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
 * The anthropic Instrument, with its real manifest in the SDK's harness, its requests really sent over HTTP through
 * the SDK's brokered client to <b>protocol replays</b> of Anthropic's Messages API ({@link ProtocolReplay}, the
 * exchanges in this package's test resources, transcribed from the API reference). The kernel's side (the key added
 * as x-api-key for api.anthropic.com only) is the kernel's BrokeredHttpTest.
 */
class AnthropicProtocolReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ProtocolReplay replay;
    private static Anthropic extension;
    private static ExtensionHarness harness;

    @BeforeAll
    static void start(@TempDir Path workspace) throws Exception {
        replay = new ProtocolReplay();
        extension = new Anthropic();
        harness = new ExtensionHarness(Path.of("symphony-extension.json"), extension, workspace)
                .setting("baseUrl", replay.url() + "/v1").setting("apiKeySecret", null);
    }

    @AfterAll
    static void stop() {
        replay.close();
    }

    private static ChatRequest hello(Integer maxTokens) {
        return new ChatRequest(null, List.of(new Message("system", "Be brief."), Message.user("hello")),
                new Sampling(maxTokens, 0.2, null, null, List.of("\n\nHuman:")));
    }

    @Test
    void replayStreamedMessagesBecomeTokensThenTheFinalAnswer() throws Exception {
        replay.serve(getClass(), "messages-stream.replay");
        Final answer = InstrumentConformance.chat(harness, hello(64));
        assertEquals("Hello! How can I help?", answer.message().content());
        assertEquals(12, answer.usage().inputTokens());
        assertEquals(7, answer.usage().outputTokens());
        assertEquals(FinishReason.STOP, answer.finishReason());
        assertEquals(AnthropicModel.MODELS.get(0).id(), answer.model());

        ProtocolReplay.Received sent = replay.requests().get(replay.requests().size() - 1);
        assertFalse(sent.headers().containsKey("x-api-key"), "the extension sends no key (the kernel adds it): " + sent.headers());
        assertFalse(sent.headers().containsKey("authorization"), sent.headers().toString());
        assertTrue(sent.headers().containsKey("anthropic-version"), sent.headers().toString());
        JsonNode body = JSON.readTree(sent.body());
        assertEquals("claude-3-5-haiku-latest", body.get("model").asText(), sent.body());
        assertTrue(body.get("stream").asBoolean(), sent.body());
        assertEquals(64, body.get("max_tokens").asInt(), sent.body());
        assertEquals("hello", body.at("/messages/0/content/0/text").asText(body.at("/messages/0/content").asText()), sent.body());
        assertTrue(body.get("system").toString().contains("Be brief."), "the system message is Anthropic's system field: " + sent.body());
    }

    /** langchain4j's model is built once per server, secret and timeout; the model a request names goes with it. */
    @Test
    void theModelIsBuiltOncePerSettingsNotPerRequest() throws Exception {
        replay.serve(getClass(), "messages-stream.replay");
        InstrumentConformance.chat(harness, hello(64));
        long built = extension.model.chatModelsBuilt();
        for (int i = 0; i < 5; i++) {
            assertEquals("Hello! How can I help?", InstrumentConformance.chat(harness, hello(64)).message().content());
        }
        InstrumentConformance.chat(harness, new ChatRequest("claude-sonnet-4-0", List.of(Message.user("hello")), null));
        assertEquals("claude-sonnet-4-0", JSON.readTree(replay.requests().get(replay.requests().size() - 1).body()).get("model").asText());
        assertEquals(built, extension.model.chatModelsBuilt(), "six chats with equal settings build no model");
        harness.setting("timeoutMs", 5_000);
        try {
            InstrumentConformance.chat(harness, hello(64));
            assertEquals(built + 1, extension.model.chatModelsBuilt(), "a changed timeout reaches the next chat: a new model");
        } finally {
            harness.setting("timeoutMs", null);
        }
    }

    /** Tool use: the tools go out in Anthropic's shape, the streamed tool_use block comes back as the contract's call. */
    @Test
    void replayToolUseBecomesTheContractsToolCall() throws Exception {
        replay.serve(getClass(), "messages-tool-use.replay");
        ToolSpec read = new ToolSpec("read_file", "Read a file.", JSON.readTree(
                "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"]}"));
        Final answer = InstrumentConformance.chat(harness, new ChatRequest(null, List.of(Message.user("check hello.txt")), new Sampling(256, null, null, null, null),
                List.of(read)));
        assertEquals(FinishReason.TOOL_CALLS, answer.finishReason());
        assertEquals("Let me read it.", answer.message().content());
        assertEquals(List.of(new ToolCall("toolu_01ReplayRead", "read_file", JSON.readTree("{\"path\":\"hello.txt\"}"))),
                answer.message().toolCalls());
        assertEquals(89, answer.usage().outputTokens());
        JsonNode tools = JSON.readTree(replay.requests().get(replay.requests().size() - 1).body()).get("tools");
        assertEquals("read_file", tools.at("/0/name").asText(), String.valueOf(tools));
        assertEquals("string", tools.at("/0/input_schema/properties/path/type").asText(), String.valueOf(tools));
        assertEquals("path", tools.at("/0/input_schema/required/0").asText(), String.valueOf(tools));
    }

    @Test
    void replayMaxTokensIsFinishReasonLength() {
        replay.serve(getClass(), "messages-max-tokens.replay");
        Final answer = InstrumentConformance.chat(harness, hello(2));
        assertEquals("Once upon", answer.message().content());
        assertEquals(FinishReason.LENGTH, answer.finishReason());
    }

    @Test
    void replayRateLimitAndOverloadAreBusyAndATooLongPromptIsInvalidInput() {
        JsonNode input = LanguageModelProtocol.toJson(hello(8));
        replay.serve(getClass(), "rate-limited.replay");
        assertTrue(InstrumentConformance.failsWith(harness, ErrorCode.BUSY, "chat", input).contains("HTTP 429"));
        replay.serve(getClass(), "overloaded.replay");
        assertTrue(InstrumentConformance.failsWith(harness, ErrorCode.BUSY, "chat", input).contains("Overloaded"));
        replay.serve(getClass(), "prompt-too-long.replay");
        String tooLong = InstrumentConformance.failsWith(harness, ErrorCode.INVALID_INPUT, "chat", input);
        assertTrue(tooLong.contains("prompt is too long"), "the router falls back on context-length errors by this text: " + tooLong);
    }

    @Test
    void replayModelListAndTheCatalogueIsPriced() {
        replay.serve(getClass(), "models.replay");
        Catalogue listed = InstrumentConformance.listing(harness);
        assertEquals(List.of("claude-sonnet-4-20250514", "claude-3-5-haiku-20241022"), listed.models().stream().map(ModelInfo::id).toList());
        assertEquals("Claude Sonnet 4", listed.models().get(0).displayName());
        long built = extension.model.cataloguesBuilt();
        replay.serve(getClass(), "models.replay");
        assertEquals(listed, InstrumentConformance.listing(harness), "listed again: the same");
        assertEquals(built, extension.model.cataloguesBuilt(), "a second listing with equal settings builds no model list");

        Catalogue catalogue = InstrumentConformance.catalogue(harness);
        PriceTable prices = PriceTable.shipped();
        catalogue.models().forEach(m -> assertTrue(prices.price(m.id()).isPresent(), "the shipped table prices " + m.id()));
    }

    @Test
    void conformsToTheModelContract() {
        InstrumentConformance.declaresTheContract(harness);
        InstrumentConformance.refusesBadInput(harness);
        InstrumentConformance.failsWith(harness, ErrorCode.UNKNOWN_CAPABILITY, "embed", JSON.createObjectNode().set("inputs", JSON.createArrayNode().add("x")));
        assertTrue(harness.manifest().permissions().secrets().stream().allMatch(s -> s.host().equals("api.anthropic.com:443")),
                "the key may go to Anthropic only");
    }
}
