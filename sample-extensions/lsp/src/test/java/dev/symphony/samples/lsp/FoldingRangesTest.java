package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code foldingRange} against real servers (from the tools folder {@code SYMPHONY_TOOLS_DIR} names, or the PATH; each
 * test skipped with a message without its server): typescript-language-server's ranges for a function and a nested block
 * arrive as 0-based lines; pyright 1.1.414 declares no folding range provider, so the extension answers at once that it
 * offers none (the editor keeps its indentation regions).
 */
class FoldingRangesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    @TempDir
    Path workspace;
    private RealServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void typescriptFoldsAFunctionAndItsBlock() throws Exception {
        server = RealServer.start("typescript", workspace, Duration.ofSeconds(30));
        String text = "export function f(a: number): number {\n  if (a > 1) {\n    a = a * 2;\n    a = a + 1;\n  }\n  return a;\n}\n";
        JsonNode result = ask(open("fold.ts", text), r -> r.path("ranges").size() >= 2 || r.has("error"));
        String ranges = result.path("ranges").toString();
        assertTrue(ranges.contains("{\"startLine\":0,\"endLine\":5"), "the function's body, its closing line left out: " + result);
        assertTrue(ranges.contains("{\"startLine\":1,\"endLine\":3"), "the if block: " + result);
    }

    @Test
    void pyrightOffersNoFoldingRangesAndSaysSo() throws Exception {
        server = RealServer.start("pyright", workspace, Duration.ofSeconds(30));
        JsonNode result = ask(open("fold.py", "def f(a):\n    if a:\n        return 1\n    return 2\n"), r -> r.has("error"));
        assertEquals("pyright offers no folding ranges", result.path("error").asText(), result.toString());
    }

    /** Asks for {@code file}'s ranges until an answer is {@code done} (a server analyses a file after it opened). */
    private JsonNode ask(Path file, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        for (long id = 1; System.nanoTime() < deadline; id++) {
            ObjectNode ask = JSON.createObjectNode().put("request", "foldingRange").put("id", id).put("file", file.toString())
                    .put("version", 1);
            server.harness().call("language", ask);
            long asked = id;
            last = server.await("workbench.languageResult", r -> r.path("id").asLong() == asked, WAIT).path("result");
            if (done.test(last) && !last.path("error").asText().contains("not running")) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no folding ranges; the last answer: " + last);
    }

    private Path open(String name, String text) throws Exception {
        return server.open(workspace, name, text);
    }
}
