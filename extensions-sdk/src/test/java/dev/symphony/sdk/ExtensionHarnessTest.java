package dev.symphony.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.Operator;
import dev.symphony.sdk.testing.ExtensionHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ExtensionHarnessTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path workspace;

    ExtensionHarness harness() throws Exception {
        return new ExtensionHarness(Path.of(getClass().getResource("/harness/symphony-extension.json").toURI()),
                new HarnessExtension(), workspace);
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void operatorsAreCalledWithSchemaChecks() throws Exception {
        ExtensionHarness h = harness();
        assertEquals("HELLO", h.call("shout", json("{\"text\":\"hello\"}")).path("text").asText());
        ExtensionException e = assertThrows(ExtensionException.class, () -> h.call("shout", json("{\"txt\":1}")));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
    }

    @Test
    void operatorsChain() throws Exception {
        Operator upper = (in, c) -> JSON.createObjectNode().put("text", in.path("text").asText().toUpperCase());
        Operator exclaim = (in, c) -> JSON.createObjectNode().put("text", in.path("text").asText() + "!");
        assertEquals("HI!", upper.andThen(exclaim).apply(json("{\"text\":\"hi\"}"), null).path("text").asText());
    }

    @Test
    void instrumentsStreamTokens() throws Exception {
        List<JsonNode> chunks = harness().stream("words", json("{\"text\":\"a b c\"}"));
        assertEquals(List.of("a", "b", "c"), chunks.stream().map(c -> c.path("token").asText()).toList());
        assertEquals(3, harness().call("words", json("{\"text\":\"a b c\"}")).path("tokens").asInt());
    }

    @Test
    void addonsRoundTripEvents() throws Exception {
        ExtensionHarness h = harness();
        JsonNode tree = h.call("counter", json("{\"state\":{\"count\":1}}"));
        assertEquals("count 1", tree.path("children").get(0).path("props").path("text").asText());
        assertEquals("increment", tree.path("children").get(1).path("handlers").get(0).path("action").asText());
        JsonNode after = h.call("counter", json("{\"event\":{\"nodeId\":\"inc\",\"event\":\"click\",\"action\":\"increment\",\"state\":{\"count\":1}}}"));
        assertEquals("count 2", after.path("children").get(0).path("props").path("text").asText());
    }

    @Test
    void fileReadsFollowThePermissions() throws Exception {
        Files.createDirectories(workspace.resolve("allowed"));
        Files.writeString(workspace.resolve("allowed/a.txt"), "yes");
        Files.writeString(workspace.resolve("secret.txt"), "no");
        ExtensionHarness h = harness();
        assertEquals("yes", h.call("read", json("{\"path\":\"allowed/a.txt\"}")).path("text").asText());
        ExtensionException e = assertThrows(ExtensionException.class, () -> h.call("read", json("{\"path\":\"secret.txt\"}")));
        assertEquals(ErrorCode.PERMISSION_DENIED, e.code());
        assertThrows(ExtensionException.class, () -> h.call("read", json("{\"path\":\"allowed/../secret.txt\"}")));
        assertEquals(2, h.denials().size(), h.denials().toString());
    }
}
