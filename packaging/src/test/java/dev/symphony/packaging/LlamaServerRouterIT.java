package dev.symphony.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The openai-compatible Instrument and the router against a real llama.cpp server ({@link LlamaServer}) serving
 * the demo GGUF on 127.0.0.1, through the launcher, the kernel, the extension's host and the kernel's brokered
 * HTTP, with a {@link FaultProxy} in front for the faults: streaming, cancel mid-stream, the server killed
 * mid-stream (fallback to local-gguf), a slow server (timeout, fallback), 429 (fallback). Skipped, saying so,
 * when no llama-server is cached.
 */
class LlamaServerRouterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVER_MODEL = "dev.symphony.samples.openai-compatible/server";
    private static final String DEMO = "dev.symphony.samples.local-gguf/symphony-demo-bigram";
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static Path binary;
    private static LlamaServer server;
    private static FaultProxy proxy;

    private static String skipped;

    @BeforeAll
    static void startServer(@TempDir Path work) throws Exception {
        binary = LlamaServer.binary(REPO).orElse(null);
        if (binary == null) {
            skipped = LlamaServer.skipMessage(REPO);
            System.err.println("LlamaServerRouterIT: skipped: " + skipped);
            return;
        }
        server = LlamaServer.start(REPO, binary, work);
        proxy = new FaultProxy(server.port);
    }

    /** Each test reports itself skipped, with the reason, when no llama-server is cached. */
    @BeforeEach
    void needsTheServer() {
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** settings.json for {@code home}: the server (through the proxy) as the chat model, the demo model as fallback. */
    private static void configure(Path home, long timeoutMs) throws Exception {
        ObjectNode settings = JSON.createObjectNode()
                .put("models.chat", SERVER_MODEL)
                .put("dev.symphony.samples.openai-compatible.baseUrl", "http://127.0.0.1:" + proxy.port() + "/v1")
                .put("models.timeoutMs", timeoutMs);
        settings.putArray("models.fallback").add(DEMO);
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/settings.json"), settings.toPrettyString());
    }

    private static JsonNode summary(LauncherIT.Result r) throws Exception {
        List<String> lines = r.err().lines().toList();
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    @Test
    void askStreamsFromTheServer(@TempDir Path home) throws Exception {
        proxy.relay();
        configure(home, 60_000);
        LauncherIT.Result ask = LauncherIT.symphony(home, "ask", "--max-tokens", "24", "--seed", "1", "hello");
        assertEquals(0, ask.status(), ask.err());
        JsonNode summary = summary(ask);
        assertEquals(SERVER_MODEL, summary.get("model").asText(), ask.err());
        assertEquals(24, summary.at("/usage/outputTokens").asInt(), ask.err());
        assertEquals("length", summary.get("finishReason").asText());
        assertFalse(ask.err().contains("DEMO"), "the server answered, not the demo fallback: " + ask.err());
        assertTrue(ask.out().strip().length() > 0, ask.out());

        // the chat capability streams: one chunk per token, then the final answer
        LauncherIT.Result call = LauncherIT.symphony(home, "call", "dev.symphony.samples.openai-compatible", "chat",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}],\"sampling\":{\"maxTokens\":12,\"seed\":1}}");
        assertEquals(0, call.status(), call.err());
        long tokens = call.out().lines().filter(l -> l.contains("\"token\"")).count();
        assertTrue(tokens >= 6, "streamed token chunks: " + tokens + "\n" + call.out());
        List<String> lines = call.out().lines().toList(); // chunks, then symphony call's {"done":true,…} line
        assertTrue(lines.get(lines.size() - 2).contains("\"finishReason\""), "the final answer follows the tokens: " + call.out());
    }

    /** Inline suggestions' call: fill in the middle; the demo GGUF has no FIM tokens, so /infill's 501 sends it to /v1/completions. */
    @Test
    void completeFillsInTheMiddleOrContinuesThePrefix(@TempDir Path home) throws Exception {
        proxy.relay();
        configure(home, 60_000);
        LauncherIT.Result call = LauncherIT.symphony(home, "call", "dev.symphony.samples.openai-compatible", "complete",
                "{\"prefix\":\"class A {\\n  int \",\"suffix\":\"\\n}\\n\",\"sampling\":{\"maxTokens\":12,\"seed\":1}}");
        assertEquals(0, call.status(), call.err());
        List<String> lines = call.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"token\"")), "streamed pieces: " + call.out());
        JsonNode answer = JSON.readTree(lines.get(lines.size() - 2));
        assertEquals("length", answer.get("finishReason").asText(), call.out());
        assertEquals(12, answer.at("/usage/outputTokens").asInt(), call.out());
        assertFalse(answer.at("/message/content").asText().isEmpty(), call.out());
    }

    /**
     * The CLI's server commands against the real server: {@code models probe --port} finds it with the settings that
     * select it, {@code models list --server} lists its model through the Instrument and the broker; and a chat that
     * offers tools is accepted by llama-server (its tool-call template and grammar run; the demo model writes text,
     * as its grammar allows before a call: the calls themselves are OpenAiCompatibleProtocolReplayTest's).
     */
    @Test
    void probeListAndToolsAgainstTheRealServer(@TempDir Path home) throws Exception {
        proxy.relay();
        configure(home, 60_000);
        LauncherIT.Result probe = LauncherIT.symphony(home, "models", "probe", "--port", String.valueOf(server.port));
        assertEquals(0, probe.status(), probe.err());
        JsonNode found = JSON.readTree(probe.out().lines().findFirst().orElseThrow(() -> new AssertionError(probe.err())));
        assertEquals("openai_compatible", found.get("kind").asText(), probe.out());
        assertEquals("http://127.0.0.1:" + server.port + "/v1", found.at("/settings/dev.symphony.samples.openai-compatible.baseUrl").asText());
        assertTrue(found.at("/models/0").asText().endsWith("/symphony-demo-bigram.gguf"), "llama-server lists its model by path: " + probe.out());

        LauncherIT.Result listed = LauncherIT.symphony(home, "models", "list", "--server", "dev.symphony.samples.openai-compatible");
        assertEquals(0, listed.status(), listed.err());
        JsonNode model = JSON.readTree(listed.out().lines().findFirst().orElseThrow(() -> new AssertionError(listed.err())));
        assertTrue(model.get("model").asText().startsWith("dev.symphony.samples.openai-compatible/")
                && model.get("id").asText().endsWith("/symphony-demo-bigram.gguf"), listed.out());

        LauncherIT.Result tools = LauncherIT.symphony(home, "call", "dev.symphony.samples.openai-compatible", "chat",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"read hello.txt\"}],\"sampling\":{\"maxTokens\":8,\"seed\":1},"
                + "\"tools\":[{\"name\":\"read_file\",\"description\":\"Read a file\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"]}}]}");
        assertEquals(0, tools.status(), tools.err());
        List<String> lines = tools.out().lines().toList();
        JsonNode answer = JSON.readTree(lines.get(lines.size() - 2));
        assertEquals("length", answer.get("finishReason").asText(), tools.out());
        assertEquals(8, answer.at("/usage/outputTokens").asInt(), tools.out());
    }

    /**
     * A tool-call round trip with the real llama-server: its own tool-call grammar writes the call, its parser turns
     * it into OpenAI's streamed {@code tool_calls}, langchain4j (in the Instrument's host, through the broker) puts
     * it together, the test runs the tool on a real file, and the result goes back for the model's next answer. The
     * demo GGUF is a bigram model and would never begin a call by itself, so a second server is started for this test
     * with a chat template whose calls are bare JSON ({@code llama/bare-json-tools.jinja}) and a logit bias toward
     * <code>{</code>; with {@code toolChoice} {@code required} llama-server's grammar allows nothing but the call.
     */
    @Test
    void aToolCallRoundTripWithTheRealServer(@TempDir Path home) throws Exception {
        java.net.http.HttpResponse<String> brace = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port + "/tokenize"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"content\":\"{\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        int braceToken = JSON.readTree(brace.body()).at("/tokens/0").asInt();
        Path template = Path.of(LlamaServerRouterIT.class.getResource("/llama/bare-json-tools.jinja").toURI());
        try (LlamaServer tools = LlamaServer.start(REPO, binary, server.log.getParent(), false, 2048,
                List.of("--jinja", "--chat-template-file", template.toString(), "--logit-bias", braceToken + "+100"))) {
            Files.createDirectories(home.resolve("config"));
            Files.writeString(home.resolve("config/settings.json"), JSON.createObjectNode()
                    .put("dev.symphony.samples.openai-compatible.baseUrl", "http://127.0.0.1:" + tools.port + "/v1").toString());
            Files.writeString(home.resolve("hello.txt"), "Hello from a real file on disk");
            String tool = "[{\"name\":\"read_file\",\"description\":\"Read a file\",\"parameters\":{\"type\":\"object\","
                    + "\"properties\":{\"path\":{\"type\":\"string\",\"enum\":[\"hello.txt\"]}},\"required\":[\"path\"]}}]";
            String ask = "{\"role\":\"user\",\"content\":\"read hello.txt\"}";
            JsonNode first = finalAnswer(LauncherIT.symphony(home, "call", "dev.symphony.samples.openai-compatible", "chat",
                    "{\"messages\":[" + ask + "],\"sampling\":{\"maxTokens\":96,\"seed\":1},\"tools\":" + tool + ",\"toolChoice\":\"required\"}"));
            JsonNode call = first.at("/message/toolCalls/0");
            assertEquals("read_file", call.get("name").asText(), first.toString());
            assertEquals("hello.txt", call.at("/arguments/path").asText(), first.toString());
            assertFalse(call.get("id").asText().isEmpty(), first.toString());
            assertEquals(1, first.at("/message/toolCalls").size(), first.toString());

            String result = Files.readString(home.resolve(call.at("/arguments/path").asText())); // the tool, run
            ObjectNode assistant = JSON.createObjectNode().put("role", "assistant");
            assistant.putArray("toolCalls").add(call);
            ObjectNode answer = JSON.createObjectNode().put("role", "tool").put("content", result).put("toolCallId", call.get("id").asText());
            JsonNode second = finalAnswer(LauncherIT.symphony(home, "call", "dev.symphony.samples.openai-compatible", "chat",
                    "{\"messages\":[" + ask + "," + assistant + "," + answer + "],\"sampling\":{\"maxTokens\":6,\"seed\":1},\"tools\":"
                    + tool + ",\"toolChoice\":\"none\"}"));
            assertTrue(second.at("/message/toolCalls").isMissingNode() || second.at("/message/toolCalls").isNull(), second.toString());
            assertEquals(6, second.at("/usage/outputTokens").asInt(), second.toString());
            long grew = second.at("/usage/inputTokens").asLong() - first.at("/usage/inputTokens").asLong();
            assertTrue(grew >= result.length(), "the tool's result (" + result.length() + " characters, one token each) reached the"
                    + " server's prompt: it grew by " + grew + " tokens");
        }
    }

    /** The {@code Final} of a {@code symphony call … chat}: the line before its closing {"done":true,…} line. */
    private static JsonNode finalAnswer(LauncherIT.Result r) throws Exception {
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        return JSON.readTree(lines.get(lines.size() - 2));
    }

    @Test
    void theServerKilledMidStreamFallsBackToLocalGguf(@TempDir Path home) throws Exception {
        configure(home, 60_000);
        proxy.killServerAfterEvents(server.process, 3);
        try {
            LauncherIT.Result ask = LauncherIT.symphony(home, "ask", "--max-tokens", "200", "--seed", "1", "hello");
            assertEquals(0, ask.status(), ask.err());
            assertFalse(server.process.isAlive(), "the proxy killed the server mid-stream");
            assertTrue(ask.err().contains(SERVER_MODEL + " failed after ") && ask.err().contains(DEMO + " answers"), ask.err());
            JsonNode summary = summary(ask);
            assertEquals(DEMO, summary.get("model").asText(), ask.err());
            assertEquals(2, summary.get("attempts").size(), summary.toString());
        } finally {
            restartServer();
        }
    }

    @Test
    void aSlowServerTimesOutAndFallsBack(@TempDir Path home) throws Exception {
        configure(home, 3_000);
        proxy.stallAfterEvents(2);
        LauncherIT.Result ask = LauncherIT.symphony(home, "ask", "--max-tokens", "200", "--seed", "1", "hello");
        proxy.relay();
        assertEquals(0, ask.status(), ask.err());
        assertTrue(ask.err().contains(SERVER_MODEL + " failed") && ask.err().contains("timeout"), ask.err());
        assertEquals(DEMO, summary(ask).get("model").asText(), ask.err());
        assertTrue(proxy.awaitClientClosed(10), "the kernel closed the stalled connection");
    }

    @Test
    void rateLimitedFallsBackNamingTheStatus(@TempDir Path home) throws Exception {
        configure(home, 60_000);
        proxy.tooManyRequests();
        LauncherIT.Result ask = LauncherIT.symphony(home, "ask", "--max-tokens", "8", "hello");
        proxy.relay();
        assertEquals(0, ask.status(), ask.err());
        assertTrue(ask.err().contains("busy") && ask.err().contains("HTTP 429"), ask.err());
        assertEquals(DEMO, summary(ask).get("model").asText(), ask.err());
    }

    @Test
    void cancelMidStreamClosesTheConnection(@TempDir Path home) throws Exception {
        configure(home, 60_000);
        proxy.stallAfterEvents(2);
        List<String> command = new ArrayList<>(List.of(REPO.resolve("symphony").toString(), "ask", "--max-tokens", "200", "hello"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SYMPHONY_HOME", home.toString());
        builder.environment().put("SYMPHONY_NO_REBUILD", "1");
        Path err = home.resolve("err.txt");
        Process ask = builder.redirectOutput(home.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(proxy.awaitEvents(60), "the server's stream began");
            ProcessHandle.of(ask.pid()).ifPresent(h -> h.destroy()); // SIGTERM, as Ctrl-C's shutdown path: the hook cancels
            assertTrue(proxy.awaitClientClosed(10), "cancel closed the connection to the server");
            assertTrue(ask.waitFor(30, TimeUnit.SECONDS));
            assertTrue(Files.readString(err, StandardCharsets.UTF_8).contains("cancelled the request"), Files.readString(err));
        } finally {
            ask.destroyForcibly();
            proxy.relay();
        }
    }

    private static void restartServer() throws Exception {
        server.close();
        proxy.close();
        server = LlamaServer.start(REPO, binary, server.log.getParent());
        proxy = new FaultProxy(server.port);
    }
}
