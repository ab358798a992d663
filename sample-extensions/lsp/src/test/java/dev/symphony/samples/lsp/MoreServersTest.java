package dev.symphony.samples.lsp;

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
 * The extension with the real bash-language-server, yaml-language-server and vscode-langservers-extracted's JSON server
 * (from the tools folder {@code SYMPHONY_TOOLS_DIR} names, as {@code .ci/run} installs them, or the PATH; each test is
 * skipped with a message without its server): a function of a {@code .sh} file is completed, a YAML file's duplicate
 * key and a JSON file's syntax error are published as diagnostics on their lines.
 */
class MoreServersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    @TempDir
    Path workspace;
    private RealServer server;

    private void start(String name) throws Exception {
        server = RealServer.start(name, workspace, Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void bashCompletesAFunctionOfTheFile() throws Exception {
        start("bash");
        String text = "#!/bin/bash\ngreet_user() {\n  echo \"hello $1\"\n}\ngreet_\n";
        Path file = open("run.sh", text);
        long id = 1;
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) { // the server analyses the file after it opened: ask until it knows the function
            ObjectNode ask = JSON.createObjectNode().put("request", "completion").put("id", id).put("file", file.toString())
                    .put("version", 1).put("line", 4).put("column", 6).put("prefix", "greet_");
            server.harness().call("language", ask);
            last = await("workbench.languageResult", r -> r.path("id").asLong() == ask.path("id").asLong()).path("result");
            if (last.toString().contains("\"label\":\"greet_user\"")) {
                return;
            }
            id++;
            Thread.sleep(500);
        }
        throw new AssertionError("greet_user was not completed; the last answer: " + last);
    }

    @Test
    void yamlPublishesADuplicateKeyOnItsLine() throws Exception {
        start("yaml");
        open("config.yaml", "name: one\nsize: 2\nname: two\n");
        JsonNode d = await("workbench.diagnostics", p -> p.path("file").asText().equals("config.yaml") && p.path("items").size() > 0);
        assertTrue(d.path("items").toString().contains("\"line\":3"), "the second 'name' on line 3: " + d);
        assertTrue(d.path("items").toString().toLowerCase(java.util.Locale.ROOT).contains("unique"), d.toString());
    }

    @Test
    void jsonPublishesASyntaxErrorOnItsLine() throws Exception {
        start("json");
        open("data.json", "{\n  \"a\": 1,\n  \"b\": \n}\n");
        JsonNode d = await("workbench.diagnostics", p -> p.path("file").asText().equals("data.json") && p.path("items").size() > 0);
        assertTrue(d.path("items").toString().contains("\"line\":"), d.toString());
        assertTrue(d.path("items").toString().contains("Value expected"), "the missing value of b: " + d);
    }

    private Path open(String name, String text) throws Exception {
        return server.open(workspace, name, text);
    }

    private JsonNode await(String event, Predicate<JsonNode> wanted) throws InterruptedException {
        return server.await(event, wanted, WAIT);
    }
}
