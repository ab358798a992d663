package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension with the real pyright (from the tools folder {@code SYMPHONY_TOOLS_DIR} names, as {@code .ci/run}
 * installs it, or the PATH; skipped with a message when neither has it): a type error is published as a
 * {@code workbench.diagnostics} request, an incremental edit that fixes it clears it, a crashed server is restarted
 * and reopened with the current text.
 */
class PyrightDiagnosticsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    @TempDir
    Path workspace;
    private RealServer server;
    private LspExtension extension;
    private ExtensionHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        server = RealServer.start("pyright", workspace, Duration.ofSeconds(2));
        extension = server.extension();
        harness = server.harness();
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void typeErrorIsPublishedAndAnIncrementalFixClearsIt() throws Exception {
        Path file = workspace.resolve("pkg").resolve("main.py");
        Files.createDirectories(file.getParent());
        String text = "def twice(n: int) -> int:\n    return n * 2\n\nresult: int = twice(\"two\")\n";
        Files.writeString(file, text);
        JsonNode opened = harness.call("documents", open(file, 1, text));
        assertEquals("pyright", opened.path("server").asText());

        JsonNode first = awaitDiagnostics(d -> d.path("items").size() > 0);
        assertEquals("pkg/main.py", first.path("file").asText());
        JsonNode item = first.path("items").get(0);
        assertEquals(4, item.path("line").asInt(), first.toString());
        assertEquals(21, item.path("column").asInt(), "the range starts at \"two\": " + first);
        assertEquals(26, item.path("endColumn").asInt(), first.toString());
        assertEquals("error", item.path("severity").asText());
        assertTrue(item.path("message").asText().contains("\"int\""), first.toString());

        // "two" -> 2: a range, not the whole text
        ObjectNode change = JSON.createObjectNode().put("event", "change").put("file", file.toString()).put("version", 2);
        change.putArray("changes").addObject().put("startLine", 3).put("startColumn", 20).put("endLine", 3).put("endColumn", 25).put("text", "2");
        harness.call("documents", change);
        JsonNode fixed = awaitDiagnostics(d -> d.path("version").asInt() == 2);
        assertEquals(0, fixed.path("items").size(), fixed.toString());
    }

    @Test
    void aCrashedServerIsRestartedWithTheCurrentText() throws Exception {
        Path file = workspace.resolve("crash.py");
        String text = "x: int = 1\n";
        Files.writeString(file, text);
        harness.call("documents", open(file, 1, text));
        awaitDiagnostics(d -> d.path("version").asInt() == 1);
        AtomicLong pid = new AtomicLong(-1);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pid.get() < 0 && System.nanoTime() < deadline) {
            extension.pool().forEachServer((name, p) -> pid.set(p));
            Thread.sleep(50);
        }
        ObjectNode change = JSON.createObjectNode().put("event", "change").put("file", file.toString()).put("version", 2);
        change.putArray("changes").addObject().put("startLine", 0).put("startColumn", 9).put("endLine", 0).put("endColumn", 10).put("text", "'one'");
        ProcessHandle.of(pid.get()).orElseThrow().destroyForcibly();
        harness.call("documents", change); // while it is down: kept in the mirror, sent as the reopened text
        JsonNode after = awaitDiagnostics(d -> d.path("version").asInt() == 2 && d.path("items").size() > 0);
        assertTrue(after.path("items").get(0).path("message").asText().contains("Literal['one']"), after.toString());
        assertTrue(harness.events().stream().anyMatch(e -> e.name().equals("workbench.statusBar")
                && e.payload().path("text").asText().contains("restarting")), "the restart is reported in the status bar");
    }

    private ObjectNode open(Path file, int version, String text) {
        return JSON.createObjectNode().put("event", "open").put("root", workspace.toString()).put("file", file.toString())
                .put("version", version).put("text", text);
    }

    private JsonNode awaitDiagnostics(Predicate<JsonNode> wanted) throws InterruptedException {
        return server.await("workbench.diagnostics", wanted, WAIT);
    }
}
