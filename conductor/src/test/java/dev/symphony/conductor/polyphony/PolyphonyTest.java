package dev.symphony.conductor.polyphony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.conductor.cli.MelodyCommand;
import dev.symphony.kernel.cli.ExtCommand;
import dev.symphony.kernel.cli.IndexCommand;
import dev.symphony.kernel.signing.ArchivePacker;
import dev.symphony.kernel.signing.ArchiveSigner;
import dev.symphony.kernel.signing.PublisherKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Polyphony end to end through the {@code symphony melody} and {@code ext} commands: a publisher's index folder with
 * an extension, a Melody published there, found, imported (the extension it calls installed from the index), a new
 * version imported over an unchanged copy, the user's own changes never overwritten, and the history of versions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolyphonyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PUBLISHER = "dev.example";
    static final String EXTENSION = "dev.example.shouter";
    Path tmp;
    Path home;
    Path repo;
    Path key;
    Path workspace;
    String previousHome;

    record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
        }
    }

    @BeforeAll
    void publisherAndUser(@TempDir Path dir) throws Exception {
        tmp = dir;
        home = dir.resolve("home");
        previousHome = System.getProperty("symphony.home");
        System.setProperty("symphony.home", home.toString());
        repo = Files.createDirectories(dir.resolve("repo"));
        workspace = Files.createDirectories(dir.resolve("workspace"));
        key = dir.resolve("me.key");
        assertEquals(0, ext("keygen", "--out", key.toString(), "--publisher", PUBLISHER).code());
        assertEquals(0, ext("trust", "add", key + ".pub", "--yes").code());
        Path src = Files.createDirectories(dir.resolve("shouter/classes/x"));
        Files.writeString(src.resolve("Y.class"), "not really a class");
        Files.writeString(dir.resolve("shouter/symphony-extension.json"), """
                {"id": "%s", "version": "1.0.0", "publisher": "%s", "kind": "operator",
                 "entryClass": "x.Y", "engine": "[0.1.0,1.0.0)",
                 "capabilities": [{"name": "shout", "input": {}, "output": {}}], "permissions": {}}
                """.formatted(EXTENSION, PUBLISHER));
        Path zip = ArchivePacker.pack(dir.resolve("shouter"), repo.resolve(EXTENSION + "-1.0.0.zip")).archive();
        ArchiveSigner.sign(zip, PublisherKey.read(key));
        assertEquals(0, IndexCommand.run(new String[]{"build", repo.toString(), "--key", key.toString()}, quiet(), System.err));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/settings.json"), "{\"extensions.indexes\": [" + JSON.writeValueAsString(repo.toString()) + "]}");
    }

    @AfterAll
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("symphony.home");
        } else {
            System.setProperty("symphony.home", previousHome);
        }
    }

    static String melody(String name) {
        return """
                {
                  "formatVersion": 1,
                  "name": "%s",
                  "description": "Shouts a text.",
                  "nodes": [
                    {"id": "text", "type": "input", "schema": {"type": "string"}, "default": "hello"},
                    {"id": "loud", "type": "call", "extension": "%s", "capability": "shout", "input": {"text": "${text}"}},
                    {"id": "out", "type": "output", "value": "${loud}"}
                  ],
                  "connections": [{"from": "text", "to": "loud"}, {"from": "loud", "to": "out"}]
                }
                """.formatted(name, EXTENSION);
    }

    Result publish(String version, String text) throws Exception {
        Path file = tmp.resolve("authoring-" + version + ".melody.json");
        Files.writeString(file, text);
        return melodyCmd("publish", file.toString(), "--id", "dev.example.shout", "--version", version, "--key", key.toString(),
                "--index", repo.toString(), "--category", "text");
    }

    @Test
    @Order(1)
    void aPublishedMelodyIsFoundAndImportedWithTheExtensionItCalls() throws Exception {
        Result published = publish("1.0.0", melody("Shout"));
        assertEquals(0, published.code(), published.err());
        assertEquals(EXTENSION, published.json().at("/requires/0/extension").asText());
        assertEquals("1.0.0", published.json().at("/requires/0/range").asText(), "the version the index lists, or newer");

        Result found = melodyCmd("search", "shout");
        assertEquals(0, found.code(), found.err());
        assertEquals("Shout", found.json().path("name").asText());
        assertEquals("text", found.json().at("/categories/0").asText());

        Path target = workspace.resolve("shout.melody.json");
        Result imported = melodyCmd("import", "dev.example.shout", "--to", target.toString(), "--yes");
        assertEquals(0, imported.code(), imported.err());
        assertEquals(EXTENSION, imported.json().at("/installed/0").asText(), "installed from the index: " + imported.err());
        assertEquals(melody("Shout"), Files.readString(target), "the author's bytes, exactly");
        Result list = ext("list", "--json");
        assertTrue(list.out().contains("\"id\":\"" + EXTENSION + "\""), list.out());
    }

    @Test
    @Order(2)
    void aNewVersionReplacesAnUnchangedCopyAndTheHistoryKeepsBoth() throws Exception {
        assertEquals(0, publish("1.1.0", melody("Shout louder")).code());
        Path target = workspace.resolve("shout.melody.json");
        Result imported = melodyCmd("import", "dev.example.shout", "--to", target.toString(), "--yes");
        assertEquals(0, imported.code(), imported.err());
        assertEquals(0, imported.json().path("installed").size(), "the extension is there already");
        assertEquals(melody("Shout louder"), Files.readString(target));
        Result history = melodyCmd("history", "dev.example.shout");
        assertEquals(2, history.out().lines().count(), history.out());
        assertTrue(history.out().contains("\"version\":\"1.0.0\"") && history.out().contains("\"version\":\"1.1.0\""));
        assertEquals(melody("Shout"), Files.readString(Path.of(JSON.readTree(history.out().lines().findFirst().orElseThrow()).path("file").asText())),
                "the older version is kept as published");
    }

    @Test
    @Order(3)
    void theUsersOwnChangesAreNeverOverwritten() throws Exception {
        Path target = workspace.resolve("shout.melody.json");
        String mine = Files.readString(target).replace("Shouts a text.", "Shouts a text (my notes).");
        Files.writeString(target, mine);
        assertEquals(0, publish("1.2.0", melody("Shout loudest")).code());
        Result refused = melodyCmd("import", "dev.example.shout@1.2.0", "--to", target.toString(), "--yes");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("stays as it is"), refused.err());
        assertEquals(mine, Files.readString(target));
        Result elsewhere = melodyCmd("import", "dev.example.shout@1.2.0", "--to", workspace.resolve("v12.melody.json").toString());
        assertEquals(0, elsewhere.code(), elsewhere.err());
    }

    @Test
    @Order(4)
    void aPublishedVersionIsNeverReplacedAndAnUnknownExtensionIsRefused() throws Exception {
        Result again = publish("1.0.0", melody("Other"));
        assertEquals(2, again.code());
        assertTrue(again.err().contains("never replaced"), again.err());
        Result unknown = publish("2.0.0", melody("Shout").replace(EXTENSION, "dev.example.nowhere"));
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("calls dev.example.nowhere, which is neither in the index"), unknown.err());
        assertFalse(Files.exists(repo.resolve("dev.example.shout-2.0.0.melody.zip")), "nothing published");
    }

    static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }

    static Result ext(String... args) {
        return capture(args, true);
    }

    static Result melodyCmd(String... args) {
        return capture(args, false);
    }

    private static Result capture(String[] args, boolean ext) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = ext ? ExtCommand.run(args, o, e, () -> null) : MelodyCommand.run(args, o, e);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
