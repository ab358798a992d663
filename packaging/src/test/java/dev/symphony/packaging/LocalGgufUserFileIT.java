package dev.symphony.packaging;

import static dev.symphony.packaging.LauncherIT.symphony;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GGUF file of the user's own, served in process by local-gguf: the user's settings.json names it, the kernel gives
 * exactly that file to the extension's sandboxed host (it lies in a folder no host otherwise sees), llama.cpp runs it
 * there, and the tokens cross the real bus to {@code symphony ask}. A file that is not there fails naming it and its
 * setting. The "user's file" is a copy of the demo model (the only GGUF the build has).
 */
class LocalGgufUserFileIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String INSTRUMENT = "dev.symphony.samples.local-gguf";

    @Test
    void askStreamsFromTheUsersOwnFileAndNamesAMissingOne(@TempDir Path home, @TempDir Path elsewhere) throws Exception {
        Path mine = Files.copy(REPO.resolve("sample-extensions/local-gguf/target/classes/dev/symphony/samples/localgguf/symphony-demo-bigram.gguf"),
                Files.createDirectories(elsewhere.resolve("models")).resolve("my-model.gguf"));
        Path gone = elsewhere.resolve("models/not-there.gguf");
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/settings.json"), JSON.writeValueAsString(JSON.createObjectNode()
                .set(INSTRUMENT + ".models", JSON.createObjectNode().put("mine", mine.toString()).put("gone", gone.toString()))));

        LauncherIT.Result ask = symphony(home, "ask", "--model", INSTRUMENT + "/mine", "--max-tokens", "20", "--seed", "3", "hello");
        assertEquals(0, ask.status(), ask.err());
        List<String> errLines = ask.err().lines().toList();
        JsonNode summary = JSON.readTree(errLines.get(errLines.size() - 1));
        assertEquals(INSTRUMENT + "/mine", summary.get("model").asText(), ask.err());
        assertEquals(20, summary.at("/usage/outputTokens").asInt(), summary.toString());
        assertEquals("length", summary.get("finishReason").asText());
        assertTrue(ask.out().strip().length() >= 10, "'" + ask.out() + "'");
        assertFalse(ask.err().contains("DEMO model"), "the user's model answered, not the demo: " + ask.err());

        LauncherIT.Result missing = symphony(home, "ask", "--model", INSTRUMENT + "/gone", "hello");
        assertNotEquals(0, missing.status(), missing.err());
        assertTrue(missing.err().contains("no file " + gone) && missing.err().contains("setting " + INSTRUMENT + ".models.gone"), missing.err());
        assertEquals("", missing.out().strip());
    }
}
