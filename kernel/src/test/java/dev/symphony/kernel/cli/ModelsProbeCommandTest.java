package dev.symphony.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code symphony models probe [--port PORT]…} against real HTTP servers on 127.0.0.1 answering with <b>protocol
 * replays</b> of llama-server's {@code GET /v1/models} and Ollama's {@code GET /api/tags} (the bodies are those of
 * sample-extensions' replays, transcribed from llama.cpp's server README and Ollama's API docs); a closed port; usage
 * errors. (The real llama-server is probed in packaging's LlamaServerRouterIT.)
 */
class ModelsProbeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LLAMA_SERVER_MODELS = "{\"models\":[{\"name\":\"symphony-demo-bigram.gguf\",\"model\":\"symphony-demo-bigram.gguf\","
            + "\"type\":\"model\",\"capabilities\":[\"completion\"]}],\"object\":\"list\",\"data\":[{\"id\":\"symphony-demo-bigram.gguf\","
            + "\"object\":\"model\",\"created\":1765000000,\"owned_by\":\"llamacpp\"}]}";
    private static final String OLLAMA_TAGS = "{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\",\"size\":2019393189,"
            + "\"details\":{\"family\":\"llama\",\"parameter_size\":\"3.2B\"}}]}";

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ModelsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    /** A replay server: {@code path} answers {@code body}, anything else 404. */
    private static HttpServer replay(String path, String body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            byte[] bytes = (x.getRequestURI().getPath().equals(path) ? body : "not found").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("content-type", "application/json");
            x.sendResponseHeaders(x.getRequestURI().getPath().equals(path) ? 200 : 404, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
        });
        server.start();
        return server;
    }

    @Test
    void replayProbeOnGivenPortsFindsEachKindWithTheSettingsThatSelectIt() throws Exception {
        HttpServer llama = replay("/v1/models", LLAMA_SERVER_MODELS);
        HttpServer ollama = replay("/api/tags", OLLAMA_TAGS);
        try {
            int llamaPort = llama.getAddress().getPort();
            int ollamaPort = ollama.getAddress().getPort();
            String[] r = run("probe", "--port", String.valueOf(llamaPort), "--port", String.valueOf(ollamaPort));
            assertEquals("0", r[0], r[2]);
            List<String> lines = r[1].lines().toList();
            assertEquals(2, lines.size(), r[1]);
            JsonNode server = JSON.readTree(lines.get(0));
            assertEquals("openai_compatible", server.get("kind").asText());
            assertEquals("http://127.0.0.1:" + llamaPort + "/v1", server.get("baseUrl").asText());
            assertEquals("dev.symphony.samples.openai-compatible", server.get("instrument").asText());
            assertEquals("symphony-demo-bigram.gguf", server.at("/models/0").asText());
            assertEquals("http://127.0.0.1:" + llamaPort + "/v1", server.at("/settings/dev.symphony.samples.openai-compatible.baseUrl").asText());
            assertEquals("dev.symphony.samples.openai-compatible/server", server.at("/settings/models.chat").asText());
            JsonNode local = JSON.readTree(lines.get(1));
            assertEquals("ollama", local.get("kind").asText());
            assertEquals("http://127.0.0.1:" + ollamaPort, local.get("baseUrl").asText());
            assertEquals("llama3.2:latest", local.at("/settings/dev.symphony.samples.ollama.model").asText());
            assertEquals("", r[2]);
        } finally {
            llama.stop(0);
            ollama.stop(0);
        }
    }

    @Test
    void aClosedPortIsNoServerAndSaysWhereItLooked() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String[] r = run("probe", "--port", String.valueOf(closed));
        assertEquals("0", r[0], r[2]);
        assertEquals("", r[1]);
        assertEquals("symphony models: no model server answered on 127.0.0.1 (ports " + closed + ")", r[2].strip());
    }

    @Test
    void badProbeArgumentsExitTwoNamingThem() {
        for (String[] args : List.of(new String[] {"probe", "--port"}, new String[] {"probe", "--port", "0"},
                new String[] {"probe", "--port", "http"}, new String[] {"probe", "--frob", "1"})) {
            String[] r = run(args);
            assertEquals("2", r[0], String.join(" ", args));
            assertEquals("", r[1]);
            assertTrue(r[2].contains(ModelsCommand.USAGE), r[2]);
        }
        assertTrue(run("probe", "--port", "http")[2].contains("--port takes a port number 1-65535, not 'http'"));
        assertTrue(run("probe", "--frob", "1")[2].contains("unknown option '--frob'"));
        assertTrue(run("list", "--server")[2].contains(ModelsCommand.USAGE), "--server needs an Instrument");
    }
}
