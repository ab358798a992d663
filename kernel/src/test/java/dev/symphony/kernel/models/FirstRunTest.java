package dev.symphony.kernel.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-run offer against a real HTTP server on 127.0.0.1 answering as Ollama's {@code /api/tags} (a protocol
 * replay of its list shape) and a port where nothing listens: consent first, one question per server found, the
 * choice written into the user's settings.json beside what was there, asked once.
 */
class FirstRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer ollama;
    private int closedPort;

    @BeforeEach
    void start() throws Exception {
        ollama = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ollama.createContext("/api/tags", x -> {
            byte[] body = "{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\",\"size\":2019393189}]}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        ollama.start();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort(); // closed again: nothing listens there
        }
    }

    @AfterEach
    void stop() {
        ollama.stop(0);
    }

    private FirstRun firstRun(SymphonyPaths paths) {
        return new FirstRun(paths, List.of(new LocalServers.Candidate(LocalServers.Kind.OPENAI_COMPATIBLE, closedPort),
                new LocalServers.Candidate(LocalServers.Kind.OLLAMA, ollama.getAddress().getPort())), new LocalServers(Duration.ofSeconds(5)));
    }

    private static String run(FirstRun firstRun, String answers) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        firstRun.offer(new BufferedReader(new StringReader(answers)), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withConsentTheServerFoundBecomesTheChatModelAndTheUsersSettingsStay(@TempDir Path home) throws Exception {
        SymphonyPaths paths = new SymphonyPaths(home.resolve("config"), home.resolve("data"), home.resolve("cache"));
        Files.createDirectories(paths.configDir());
        Files.writeString(paths.userSettingsFile(), "{\n  // mine\n  \"editor.tabSize\": 2\n}\n");
        String said = run(firstRun(paths), "y\nyes\n");
        assertTrue(said.contains("Look for a model server") && said.contains("found Ollama at http://127.0.0.1:" + ollama.getAddress().getPort())
                && said.contains("llama3.2:latest"), said);
        String text = Files.readString(paths.userSettingsFile());
        assertTrue(text.contains("// mine") && text.contains("\"editor.tabSize\": 2"), "nothing the user wrote is lost: " + text);
        JsonNode settings = JSON.readTree(text.replace("// mine", ""));
        assertEquals("dev.symphony.samples.ollama/server", settings.get("models.chat").asText(), text);
        assertEquals("http://127.0.0.1:" + ollama.getAddress().getPort(), settings.get("dev.symphony.samples.ollama.baseUrl").asText());
        assertEquals("llama3.2:latest", settings.get("dev.symphony.samples.ollama.model").asText());

        assertEquals("", run(firstRun(paths), "y\ny\n"), "asked once");
    }

    @Test
    void withoutConsentNothingIsProbedOrWritten(@TempDir Path home) throws Exception {
        SymphonyPaths paths = new SymphonyPaths(home.resolve("config"), home.resolve("data"), home.resolve("cache"));
        String said = run(firstRun(paths), "\n");
        assertTrue(said.contains("not looking"), said);
        assertFalse(said.contains("found"), said);
        assertFalse(Files.exists(paths.userSettingsFile()));
        assertTrue(firstRun(paths).asked());

        SymphonyPaths other = new SymphonyPaths(home.resolve("c2"), home.resolve("d2"), home.resolve("k2"));
        String declined = run(firstRun(other), "y\nn\n");
        assertTrue(declined.contains("found Ollama"), declined);
        assertFalse(Files.exists(other.userSettingsFile()), "found but declined: nothing written");
    }

    @Test
    void onlyTheExpectedListShapeCountsAsAServer() throws Exception {
        assertTrue(LocalServers.models(LocalServers.Kind.OLLAMA, JSON.readTree("{\"error\":\"x\"}")).isEmpty());
        assertEquals(List.of("a"), LocalServers.models(LocalServers.Kind.OPENAI_COMPATIBLE,
                JSON.readTree("{\"data\":[{\"id\":\"a\"},{\"id\":7},{}]}")).orElseThrow());
    }
}
