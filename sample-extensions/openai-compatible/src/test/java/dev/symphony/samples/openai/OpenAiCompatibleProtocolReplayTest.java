package dev.symphony.samples.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolSpec;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.samples.broker.testing.InstrumentConformance;
import dev.symphony.samples.broker.testing.ProtocolReplay;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The openai-compatible Instrument with its real manifest in the SDK's harness, over real HTTP to <b>protocol
 * replays</b> (this package's test resources): the server's model list, a streamed chat naming an OpenAI model, the
 * shared conformance checks; tool calls ({@code chat-tool-*.replay}): the request's tools leave in OpenAI's function
 * shape, the model's calls (arguments streamed in pieces, or whole in one delta) come back as the contract's
 * {@link ToolCall}s with finish reason {@code tool_calls}, a conversation with calls and results goes out as OpenAI's
 * assistant {@code tool_calls} and {@code tool} messages, and broken arguments from the model fail naming the call,
 * the tool and the position. The real llama.cpp server is packaging's LlamaServerRouterIT (it accepts the tools, but
 * the demo GGUF never starts a call: llama-server's grammar lets a model write text first, and a bigram model never
 * reaches {@code <tool_call>} — hence replays for the calls).
 */
class OpenAiCompatibleProtocolReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ProtocolReplay replay;
    private static OpenAiCompatible extension;
    private static ExtensionHarness harness;

    @BeforeAll
    static void start(@TempDir Path workspace) throws Exception {
        replay = new ProtocolReplay();
        extension = new OpenAiCompatible();
        harness = new ExtensionHarness(Path.of("symphony-extension.json"), extension, workspace)
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
        long built = extension.model.otherModelsBuilt();
        replay.serve(getClass(), "models.replay");
        assertEquals(listed, InstrumentConformance.listing(harness), "listed again: the same");
        assertEquals(built, extension.model.otherModelsBuilt(), "a second listing with equal settings builds no model list");
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
        JsonNode body = lastRequestBody();
        assertEquals("gpt-4o-mini", body.get("model").asText(), body.toString());
        assertEquals(3, body.get("seed").asInt(), body.toString());
        assertTrue(replay.requests().get(replay.requests().size() - 1).headers().get("authorization") == null,
                "no key leaves the extension");
    }

    /**
     * A request's settings (server, model, key, timeout) cost one bus round trip, not one per key (each is ~1 ms of a
     * request's setup on a busy machine); they are still read per request, so a change reaches the next one.
     */
    @Test
    void aChatReadsItsSettingsInOneRoundTripAndASettingsChangeReachesTheNextChat() throws Exception {
        replay.serve(getClass(), "chat-stream.replay");
        ChatRequest serverModel = new ChatRequest(null, List.of(Message.user("hi")), new Sampling(16, null, null, 3L, null));
        long single = harness.brokerRequests(BrokerProtocol.SETTINGS_GET);
        long many = harness.brokerRequests(BrokerProtocol.SETTINGS_GET_MANY);
        InstrumentConformance.chat(harness, serverModel);
        assertEquals(single, harness.brokerRequests(BrokerProtocol.SETTINGS_GET), "no setting read on its own round trip");
        assertEquals(many + 1, harness.brokerRequests(BrokerProtocol.SETTINGS_GET_MANY), "one round trip for all of them");
        assertEquals("default", lastRequestBody().get("model").asText(), "the declared default of the model setting");
        harness.setting("model", "changed-in-settings");
        try {
            InstrumentConformance.chat(harness, serverModel);
            assertEquals("changed-in-settings", lastRequestBody().get("model").asText(), "the next chat sends the new setting");
        } finally {
            harness.setting("model", "default");
        }
    }

    /**
     * langchain4j's model is built once per server, secret and timeout, not on every request (about a millisecond of
     * each first token); a change of one of them reaches the next chat, which builds a new one; the model name goes
     * with each request and needs none.
     */
    @Test
    void theModelIsBuiltOncePerSettingsAndAChangedServerTimeoutOrKeyReachesTheNextChat() throws Exception {
        replay.serve(getClass(), "chat-stream.replay");
        ChatRequest hi = new ChatRequest(null, List.of(Message.user("hi")), new Sampling(16, null, null, 3L, null));
        InstrumentConformance.chat(harness, hi);
        long built = extension.model.chatModelsBuilt();
        for (int i = 0; i < 5; i++) {
            assertEquals("Hi there.", InstrumentConformance.chat(harness, hi).message().content());
        }
        assertEquals(built, extension.model.chatModelsBuilt(), "five chats with equal settings build no model");
        harness.setting("model", "another-name");
        try (ProtocolReplay other = new ProtocolReplay()) {
            InstrumentConformance.chat(harness, hi);
            assertEquals("another-name", lastRequestBody().get("model").asText(), "the next chat sends the new model name");
            assertEquals(built, extension.model.chatModelsBuilt(), "the model name goes with the request: no new model");

            other.serve(getClass(), "chat-stream.replay");
            harness.setting("baseUrl", other.url() + "/v1");
            int before = replay.requests().size();
            assertEquals("Hi there.", InstrumentConformance.chat(harness, hi).message().content());
            assertEquals(1, other.requests().size(), "the next chat goes to the server the settings now name");
            assertEquals(before, replay.requests().size(), "and not to the one they named before");
            assertEquals(built + 1, extension.model.chatModelsBuilt());

            harness.setting("timeoutMs", 5_000);
            InstrumentConformance.chat(harness, hi);
            assertEquals(built + 2, extension.model.chatModelsBuilt(), "a new timeout, a new model");
            InstrumentConformance.chat(harness, hi);
            assertEquals(built + 2, extension.model.chatModelsBuilt(), "kept again while the settings stay");

            harness.setting("apiKeySecret", "OPENAI_API_KEY"); // granted for api.openai.com only: the next chat asks for it here
            String refused = InstrumentConformance.failsWith(harness, ErrorCode.PERMISSION_DENIED, LanguageModelProtocol.CHAT,
                    LanguageModelProtocol.toJson(hi));
            assertTrue(refused.contains("secret OPENAI_API_KEY"), "the changed key setting reached the next chat: " + refused);
            assertEquals(built + 3, extension.model.chatModelsBuilt());
        } finally {
            harness.setting("model", "default").setting("baseUrl", replay.url() + "/v1").setting("timeoutMs", null)
                    .setting("apiKeySecret", null);
        }
    }

    /** Chats at the same time share the one model; each streams its own answer, over its own exchange. */
    @Test
    void concurrentChatsShareTheModelAndEachGetsItsOwnAnswer() throws Exception {
        replay.serve(getClass(), "chat-stream.replay").pauseMillis(20);
        List<String> models = List.of("gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1");
        ExecutorService pool = Executors.newFixedThreadPool(models.size());
        try {
            InstrumentConformance.chat(harness, new ChatRequest(models.get(0), List.of(Message.user("hi")), null));
            long built = extension.model.chatModelsBuilt();
            int before = replay.requests().size();
            List<Future<Final>> answers = new ArrayList<>();
            for (String model : models) {
                answers.add(pool.submit(() -> InstrumentConformance.chat(harness, new ChatRequest(model, List.of(Message.user("hi")), null))));
            }
            for (int i = 0; i < models.size(); i++) {
                Final answer = answers.get(i).get(30, TimeUnit.SECONDS);
                assertEquals("Hi there.", answer.message().content(), "the tokens streamed to this chat are its answer's");
                assertEquals(models.get(i), answer.model());
            }
            assertEquals(built, extension.model.chatModelsBuilt(), "one model for all of them");
            Set<String> sent = new java.util.HashSet<>();
            for (ProtocolReplay.Received r : replay.requests().subList(before, replay.requests().size())) {
                sent.add(JSON.readTree(r.body()).get("model").asText());
            }
            assertEquals(Set.copyOf(models), sent, "one exchange each, its own model");
        } finally {
            pool.shutdownNow();
            replay.pauseMillis(0);
        }
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

    // tool calls: the shape the agent (ui.chat.agent) and RoleChat use, in and out

    static List<ToolSpec> tools() throws Exception {
        return List.of(new ToolSpec("read_file", "Read a text file of the workspace.", JSON.readTree(
                        "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\",\"description\":\"relative\"}},\"required\":[\"path\"]}")),
                new ToolSpec("run_command", "Run a command.", JSON.readTree(
                        "{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\"},\"mode\":{\"enum\":[\"fast\",\"slow\"]}},\"required\":[\"command\"],\"additionalProperties\":false}")));
    }

    private static JsonNode lastRequestBody() throws Exception {
        return JSON.readTree(replay.requests().get(replay.requests().size() - 1).body());
    }

    @Test
    void replayStreamedToolCallsComeBackInTheContractsShape() throws Exception {
        replay.serve(getClass(), "chat-tool-calls.replay");
        Final answer = InstrumentConformance.chat(harness, new ChatRequest("gpt-4o-mini", List.of(Message.user("check hello.txt")),
                Sampling.defaults(), tools()));
        assertEquals(FinishReason.TOOL_CALLS, answer.finishReason());
        assertEquals("", answer.message().content());
        List<ToolCall> calls = answer.message().toolCalls();
        assertEquals(2, calls.size(), calls.toString());
        assertEquals(new ToolCall("call_read_1", "read_file", JSON.readTree("{\"path\":\"hello.txt\"}")), calls.get(0),
                "the arguments streamed in three pieces, put together");
        assertEquals(new ToolCall("call_run_2", "run_command", JSON.readTree("{\"command\":\"grep -c Symphony hello.txt\"}")), calls.get(1),
                "a call whole in one delta");
        assertEquals(143, answer.usage().inputTokens());
        assertEquals(38, answer.usage().outputTokens());

        assertFalse(lastRequestBody().has("tool_choice"), "no toolChoice: the server's default (auto)");
        JsonNode sent = lastRequestBody().get("tools");
        assertEquals(2, sent.size(), sent.toString());
        assertEquals("function", sent.get(0).get("type").asText());
        assertEquals("read_file", sent.at("/0/function/name").asText());
        assertEquals("Read a text file of the workspace.", sent.at("/0/function/description").asText());
        assertEquals("string", sent.at("/0/function/parameters/properties/path/type").asText(), sent.toString());
        assertEquals("relative", sent.at("/0/function/parameters/properties/path/description").asText());
        assertEquals("path", sent.at("/0/function/parameters/required/0").asText());
        assertEquals("slow", sent.at("/1/function/parameters/properties/mode/enum/1").asText(), "a property's schema goes as written");
    }

    @Test
    void replayAConversationWithCallsAndResultsGoesOutInOpenAisShape() throws Exception {
        replay.serve(getClass(), "chat-stream.replay");
        ToolCall call = new ToolCall("call_read_1", "read_file", JSON.readTree("{\"path\":\"hello.txt\"}"));
        Final answer = InstrumentConformance.chat(harness, new ChatRequest("gpt-4o-mini", List.of(Message.user("check hello.txt"),
                new Message("assistant", "", List.of(call), null), Message.toolResult("call_read_1", "Hello, world")),
                Sampling.defaults(), tools(), "none"));
        assertEquals(FinishReason.STOP, answer.finishReason());
        assertNull(answer.message().toolCalls(), "a text answer has no calls");
        assertEquals("none", lastRequestBody().get("tool_choice").asText(), "toolChoice goes out as OpenAI's tool_choice");
        JsonNode messages = lastRequestBody().get("messages");
        assertEquals("assistant", messages.at("/1/role").asText(), messages.toString());
        assertEquals("call_read_1", messages.at("/1/tool_calls/0/id").asText());
        assertEquals("read_file", messages.at("/1/tool_calls/0/function/name").asText());
        assertEquals(JSON.readTree("{\"path\":\"hello.txt\"}"), JSON.readTree(messages.at("/1/tool_calls/0/function/arguments").asText()));
        assertEquals("tool", messages.at("/2/role").asText());
        assertEquals("call_read_1", messages.at("/2/tool_call_id").asText());
        assertEquals("Hello, world", messages.at("/2/content").asText());
    }

    @Test
    void replayMalformedArgumentsFailNamingTheToolAndThePosition() throws Exception {
        replay.serve(getClass(), "chat-tool-call-malformed.replay");
        String error = InstrumentConformance.failsWith(harness, ErrorCode.EXTENSION_ERROR, LanguageModelProtocol.CHAT,
                LanguageModelProtocol.toJson(new ChatRequest(null, List.of(Message.user("edit it")), null, tools())));
        assertTrue(error.contains("tool call 1 of 1 (edit_file)"), error);
        assertTrue(error.contains("not JSON at line 2, column "), error);
        assertTrue(error.contains("\"newText\" \"Hi\""), "the broken text is quoted: " + error);
    }

    @Test
    void badToolsAndResultsAreRefusedBeforeAnythingIsSent() throws Exception {
        int before = replay.requests().size();
        String unnamed = InstrumentConformance.failsWith(harness, ErrorCode.INVALID_INPUT, LanguageModelProtocol.CHAT,
                LanguageModelProtocol.toJson(new ChatRequest(null, List.of(Message.user("hi")), null,
                        List.of(new ToolSpec(" ", "no name", null)))));
        assertTrue(unnamed.contains("tools[0] has no name"), unnamed);
        String array = InstrumentConformance.failsWith(harness, ErrorCode.INVALID_INPUT, LanguageModelProtocol.CHAT,
                LanguageModelProtocol.toJson(new ChatRequest(null, List.of(Message.user("hi")), null,
                        List.of(new ToolSpec("x", "bad schema", JSON.readTree("[1]"))))));
        assertTrue(array.contains("tools[0] (x).parameters must be a JSON Schema of type object"), array);
        String orphan = InstrumentConformance.failsWith(harness, ErrorCode.INVALID_INPUT, LanguageModelProtocol.CHAT,
                LanguageModelProtocol.toJson(new ChatRequest(null, List.of(Message.user("hi"), Message.toolResult("nope", "x")), null)));
        assertTrue(orphan.contains("messages[1] is a tool result for 'nope'"), orphan);
        String choice = InstrumentConformance.failsWith(harness, ErrorCode.INVALID_INPUT, LanguageModelProtocol.CHAT,
                LanguageModelProtocol.toJson(new ChatRequest(null, List.of(Message.user("hi")), null, tools(), "always")));
        assertTrue(choice.contains("$.toolChoice") && choice.contains("enumeration"), "the manifest's schema names it: " + choice);
        String noTools = InstrumentConformance.failsWith(harness, ErrorCode.INVALID_INPUT, LanguageModelProtocol.CHAT,
                LanguageModelProtocol.toJson(new ChatRequest(null, List.of(Message.user("hi")), null, null, "required")));
        assertTrue(noTools.contains("toolChoice 'required' needs tools"), noTools);
        assertEquals(before, replay.requests().size(), "nothing reached the server");
    }
}
