package dev.symphony.packaging;

import static dev.symphony.packaging.LauncherIT.symphony;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code symphony ask} and {@code symphony models} as a user meets them after a plain build, offline: the launcher
 * starts a kernel, which starts the local-gguf extension's host (sandboxed where bubblewrap works), which runs the
 * demo GGUF the build wrote through llama.cpp; tokens cross the real bus.
 */
class AskIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO = "dev.symphony.samples.local-gguf/symphony-demo-bigram";

    @Test
    void askStreamsTheDemoModelsAnswerAndReportsUsageAndCostOnStderr(@TempDir Path home) throws Exception {
        LauncherIT.Result ask = symphony(home, "ask", "--max-tokens", "40", "--seed", "3", "hello");
        assertEquals(0, ask.status(), ask.err());
        assertTrue(ask.err().contains("no model configured") && ask.err().contains("DEMO model " + DEMO), ask.err());
        List<String> errLines = ask.err().lines().toList();
        JsonNode summary = JSON.readTree(errLines.get(errLines.size() - 1));
        assertEquals(DEMO, summary.get("model").asText());
        assertEquals(40, summary.at("/usage/outputTokens").asInt(), summary.toString());
        assertEquals("hello\n".length() + 1, summary.at("/usage/inputTokens").asInt(), summary.toString());
        assertEquals("length", summary.get("finishReason").asText());
        assertEquals(0.0, summary.get("cost").asDouble());
        assertEquals("USD", summary.get("currency").asText());
        // stdout: only the 40 one-character tokens, then a line feed unless the last token was one
        assertTrue(ask.out().endsWith("\n") && (ask.out().length() == 41 || ask.out().length() == 40), "'" + ask.out() + "'");
        assertFalse(ask.out().contains("{\"token\""), ask.out());
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    @Test
    void modelsListsTheCatalogueWithPricesAndTestsAModel(@TempDir Path home) throws Exception {
        LauncherIT.Result list = symphony(home, "models", "list");
        assertEquals(0, list.status(), list.err());
        JsonNode demo = list.out().lines().map(AskIT::json).filter(m -> m.get("model").asText().equals(DEMO)).findFirst()
                .orElseThrow(() -> new AssertionError("the demo model is not listed: " + list.out()));
        assertTrue(demo.get("demo").asBoolean());
        assertEquals(2048, demo.get("contextLength").asInt());
        assertEquals(0.0, demo.at("/pricePerMillion/output").asDouble());

        LauncherIT.Result test = symphony(home, "models", "test", "symphony-demo-bigram");
        assertEquals(0, test.status(), test.err());
        JsonNode result = JSON.readTree(test.out());
        assertTrue(result.get("ok").asBoolean(), test.out());
        assertEquals(8, result.at("/usage/outputTokens").asInt(), test.out());

        LauncherIT.Result unknown = symphony(home, "ask", "--model", "no-such-model", "hello");
        assertEquals(2, unknown.status(), unknown.err());
        assertTrue(unknown.err().contains("no model 'no-such-model'; models: ") && unknown.err().contains(DEMO), unknown.err());
        assertEquals("", unknown.out());
    }
}
