package dev.symphony.samples.ollama;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.EmbedRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Embeddings;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolSpec;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.contract.protocol.BrokerProtocol;
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
 * The ollama Instrument, with its real manifest in the SDK's harness, its requests really sent over HTTP through the
 * SDK's brokered client to <b>protocol replays</b> of Ollama's native API ({@link ProtocolReplay}, the exchanges in
 * this package's test resources, transcribed from Ollama's docs/api.md).
 */
class OllamaProtocolReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ProtocolReplay replay;
    private static Ollama extension;
    private static ExtensionHarness harness;

    @BeforeAll
    static void start(@TempDir Path workspace) throws Exception {
        replay = new ProtocolReplay();
        extension = new Ollama();
        harness = new ExtensionHarness(Path.of("symphony-extension.json"), extension, workspace)
                .setting("baseUrl", replay.url()).setting("keepAliveSeconds", 600);
    }

    @AfterAll
    static void stop() {
        replay.close();
    }

    @Test
    void replayStreamedChatLinesBecomeTokensThenTheFinalAnswer() throws Exception {
        replay.serve(getClass(), "chat-stream.replay");
        long single = harness.brokerRequests(BrokerProtocol.SETTINGS_GET);
        long many = harness.brokerRequests(BrokerProtocol.SETTINGS_GET_MANY);
        Final answer = InstrumentConformance.chat(harness, new ChatRequest(null, List.of(Message.user("why is the sky blue?")),
                new Sampling(32, 0.0, null, 42L, null)));
        assertEquals("The sky is blue.", answer.message().content());
        assertEquals(26, answer.usage().inputTokens());
        assertEquals(4, answer.usage().outputTokens());
        assertEquals(FinishReason.STOP, answer.finishReason());
        assertEquals("server", answer.model());

        JsonNode body = JSON.readTree(replay.requests().get(replay.requests().size() - 1).body());
        assertEquals("llama3.2", body.get("model").asText(), "the catalogue id server is the model setting: " + body);
        assertTrue(body.get("stream").asBoolean(), body.toString());
        assertEquals(32, body.at("/options/num_predict").asInt(), body.toString());
        assertEquals(42, body.at("/options/seed").asInt(), body.toString());
        assertEquals(600, body.path("keep_alive").asInt(), "the model is kept loaded for keepAliveSeconds: " + body);
        assertEquals(single, harness.brokerRequests(BrokerProtocol.SETTINGS_GET), "keepAliveSeconds too comes with the endpoint's settings");
        assertEquals(many + 1, harness.brokerRequests(BrokerProtocol.SETTINGS_GET_MANY), "one settings round trip per chat");
    }

    /**
     * langchain4j's model is built once per server and timeout, not on every request; a changed server reaches the
     * next chat (a new model), a changed model name or keep-alive goes with the request (no new model).
     */
    @Test
    void theModelIsBuiltOncePerSettingsAndAChangedSettingReachesTheNextChat() throws Exception {
        replay.serve(getClass(), "chat-stream.replay");
        ChatRequest sky = new ChatRequest(null, List.of(Message.user("why is the sky blue?")), new Sampling(32, 0.0, null, 42L, null));
        InstrumentConformance.chat(harness, sky);
        long built = extension.model.chatModelsBuilt();
        for (int i = 0; i < 5; i++) {
            assertEquals("The sky is blue.", InstrumentConformance.chat(harness, sky).message().content());
        }
        assertEquals(built, extension.model.chatModelsBuilt(), "five chats with equal settings build no model");
        harness.setting("model", "qwen3:4b").setting("keepAliveSeconds", 60);
        try (ProtocolReplay other = new ProtocolReplay()) {
            InstrumentConformance.chat(harness, sky);
            JsonNode body = JSON.readTree(replay.requests().get(replay.requests().size() - 1).body());
            assertEquals("qwen3:4b", body.get("model").asText(), body.toString());
            assertEquals(60, body.path("keep_alive").asInt(), body.toString());
            assertEquals(built, extension.model.chatModelsBuilt(), "model name and keep-alive go with the request: no new model");

            other.serve(getClass(), "chat-stream.replay");
            harness.setting("baseUrl", other.url());
            assertEquals("The sky is blue.", InstrumentConformance.chat(harness, sky).message().content());
            assertEquals(1, other.requests().size(), "the next chat goes to the server the settings now name");
            assertEquals(built + 1, extension.model.chatModelsBuilt());
        } finally {
            harness.setting("model", "llama3.2").setting("keepAliveSeconds", 600).setting("baseUrl", replay.url());
        }
    }

    /** Tools go out in Ollama's shape; its call (no id, arguments an object) comes back as the contract's, named by position. */
    @Test
    void replayToolCallsComeBackInTheContractsShape() throws Exception {
        replay.serve(getClass(), "chat-tool-calls.replay");
        ToolSpec read = new ToolSpec("read_file", "Read a file.", JSON.readTree(
                "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"]}"));
        Final answer = InstrumentConformance.chat(harness, new ChatRequest(null, List.of(Message.user("check hello.txt")), null, List.of(read)));
        assertEquals(FinishReason.TOOL_CALLS, answer.finishReason());
        assertEquals(1, answer.message().toolCalls().size(), answer.toString());
        ToolCall call = answer.message().toolCalls().get(0);
        assertEquals("read_file", call.name());
        assertEquals(JSON.readTree("{\"path\":\"hello.txt\"}"), call.arguments());
        assertTrue(call.id() != null && !call.id().isBlank(), "a call without an id gets one: " + call);
        JsonNode tools = JSON.readTree(replay.requests().get(replay.requests().size() - 1).body()).get("tools");
        assertEquals("read_file", tools.at("/0/function/name").asText(), String.valueOf(tools));
        assertEquals("string", tools.at("/0/function/parameters/properties/path/type").asText(), String.valueOf(tools));
    }

    /** Ollama's API has no tool_choice: langchain4j's module refuses "required" before sending, and the caller is told why. */
    @Test
    void toolChoiceRequiredIsRefusedBeforeSending() throws Exception {
        int before = replay.requests().size();
        ToolSpec read = new ToolSpec("read_file", "Read a file.", JSON.readTree("{\"type\":\"object\"}"));
        String refused = InstrumentConformance.failsWith(harness, ErrorCode.INVALID_INPUT, LanguageModelProtocol.CHAT,
                LanguageModelProtocol.toJson(new ChatRequest(null, List.of(Message.user("x")), null, List.of(read), "required")));
        assertTrue(refused.contains("cannot take this request"), refused);
        assertEquals(before, replay.requests().size(), "nothing reached the server");
    }

    @Test
    void replayNumPredictReachedIsFinishReasonLength() {
        replay.serve(getClass(), "chat-length.replay");
        Final answer = InstrumentConformance.chat(harness, new ChatRequest("llama3.2:latest", List.of(Message.user("a story")),
                new Sampling(2, null, null, null, null)));
        assertEquals("Once upon", answer.message().content());
        assertEquals(FinishReason.LENGTH, answer.finishReason());
        assertEquals("llama3.2:latest", answer.model());
    }

    @Test
    void replayModelNotInstalledIsInvalidInputNamingIt() {
        replay.serve(getClass(), "model-not-found.replay");
        String message = InstrumentConformance.failsWith(harness, ErrorCode.INVALID_INPUT, "chat",
                LanguageModelProtocol.toJson(new ChatRequest("llama9", List.of(Message.user("hi")), null)));
        assertTrue(message.contains("HTTP 404") && message.contains("llama9"), message);
    }

    @Test
    void replayTagsAreTheListingAndEmbeddingsComeBack() {
        replay.serve(getClass(), "tags.replay").serve(getClass(), "embed.replay");
        Catalogue listed = InstrumentConformance.listing(harness);
        assertEquals(List.of("llama3.2:latest", "nomic-embed-text:latest"), listed.models().stream().map(ModelInfo::id).toList());
        assertTrue(listed.models().get(0).displayName().contains("3.2B"), listed.models().get(0).toString());

        List<JsonNode> chunks = harness.stream("embed", LanguageModelProtocol.toJson(new EmbedRequest("nomic-embed-text", List.of("a", "b"))));
        Embeddings e = LanguageModelProtocol.fromJson(chunks.get(chunks.size() - 1), Embeddings.class);
        assertEquals(2, e.vectors().size());
        assertArrayEquals(new float[] {0.010071029f, -0.0017594862f, 0.05007221f, 0.04692972f}, e.vectors().get(0));
        // langchain4j 1.11's Ollama embedding response maps no usage (prompt_eval_count is dropped); the kernel counts
        // the input itself and bills the larger count
        assertEquals(0, e.usage().inputTokens());

        long built = extension.model.otherModelsBuilt();
        replay.serve(getClass(), "tags.replay").serve(getClass(), "embed.replay");
        assertEquals(listed, InstrumentConformance.listing(harness), "listed again: the same");
        chunks = harness.stream("embed", LanguageModelProtocol.toJson(new EmbedRequest("nomic-embed-text", List.of("a", "b"))));
        assertArrayEquals(e.vectors().get(1), LanguageModelProtocol.fromJson(chunks.get(chunks.size() - 1), Embeddings.class).vectors().get(1));
        assertEquals(built, extension.model.otherModelsBuilt(), "listing and embedding again with equal settings build nothing");
        replay.serve(getClass(), "embed.replay");
        harness.stream("embed", LanguageModelProtocol.toJson(new EmbedRequest("all-minilm", List.of("a", "b"))));
        assertEquals(built + 1, extension.model.otherModelsBuilt(), "another embedding model's name: a model built for it");
        String sent = replay.requests().get(replay.requests().size() - 1).body();
        assertTrue(sent.contains("\"all-minilm\""), "the new model's name went out: " + sent);
    }

    @Test
    void conformsAndTheServerModelIsLocalFreeAndRefusedElsewhere() {
        InstrumentConformance.declaresTheContract(harness);
        InstrumentConformance.refusesBadInput(harness);
        Catalogue catalogue = InstrumentConformance.catalogue(harness);
        assertEquals("server", catalogue.models().get(0).id());
        assertEquals(0.0, PriceTable.shipped().price("server").orElseThrow().outputPerMillion(), "local: free");
        assertTrue(harness.manifest().permissions().secrets().isEmpty(), "a local Ollama needs no key");

        harness.setting("baseUrl", "http://ollama.example.com:11434");
        try {
            String refused = InstrumentConformance.failsWith(harness, ErrorCode.INVALID_INPUT, "chat",
                    LanguageModelProtocol.toJson(new ChatRequest(null, List.of(Message.user("hi")), null)));
            assertTrue(refused.contains("server") && refused.contains("ollama.example.com"), refused);
        } finally {
            harness.setting("baseUrl", replay.url());
        }
    }
}
