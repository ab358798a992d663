package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An author's whole path, as a user runs it, for each kind: {@code ext create} an Operator, an Instrument or an Add-on,
 * {@code ext test} it (a real offline Maven build of the scaffold against this checkout's SDK jars, its harness test,
 * then a real host), {@code ext publish} it into an index folder, and a user who trusts the key installs it by id from
 * that index and calls it through the real bus. Nothing is installed into the local Maven repository for it: a plain
 * {@code mvn verify} of a fresh clone builds the SDK jars first and has fetched every artifact the scaffold names.
 */
class ExtAuthorEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    String previousHome;

    @BeforeEach
    void home() {
        previousHome = System.getProperty("symphony.home");
        System.setProperty("symphony.home", tmp.resolve("home").toString());
    }

    @AfterEach
    void restore() {
        if (previousHome == null) {
            System.clearProperty("symphony.home");
        } else {
            System.setProperty("symphony.home", previousHome);
        }
    }

    static CliCommandsTest.Result ext(String... args) {
        return CliCommandsTest.run((a, o, e) -> ExtCommand.run(a, o, e, () -> null), args);
    }

    @Test
    void anOperatorFromCreateToACallThroughTheIndex() throws Exception {
        String out = authorPublishesAndAUserCalls("operator", "greeter", "greet", "{\"name\":\"Grace\"}");
        assertEquals("Hello, Grace!", JSON.readTree(out).path("greeting").asText());
    }

    @Test
    void anInstrumentFromCreateToAStreamedCallThroughTheIndex() throws Exception {
        String out = authorPublishesAndAUserCalls("instrument", "echoer", "echo", "{\"prompt\":\"alpha beta gamma\"}");
        String[] lines = out.strip().split("\\R");
        assertTrue(JSON.readTree(lines[lines.length - 1]).path("done").asBoolean(), out);
        assertTrue(out.contains("alpha") && out.contains("gamma"), "the streamed words: " + out);
    }

    @Test
    void anAddonFromCreateToACallThroughTheIndex() throws Exception {
        String out = authorPublishesAndAUserCalls("addon", "counter", "panel", "{\"state\":{\"count\":5}}");
        assertEquals("column", JSON.readTree(out).path("component").asText(), out);
        assertTrue(out.contains("Clicked 5 times"), "rendered from the state it was given: " + out);
    }

    /**
     * {@code ext create --kind KIND NAME}, {@code ext test} (its own calls.json must pass in the harness and a real host),
     * {@code ext keygen}, {@code ext publish} into an index folder; then a user who trusts the key and has the folder in
     * {@code extensions.indexes} installs {@code dev.example.NAME} by id and calls {@code capability}: returns what
     * {@code symphony call} printed.
     */
    private String authorPublishesAndAUserCalls(String kind, String name, String capability, String input) throws Exception {
        CliCommandsTest.Result create = ext("create", "--kind", kind, "--publisher", "dev.example", "--dir", tmp.toString(), name);
        assertEquals(0, create.code(), create.err());
        Path project = tmp.resolve(name);
        assertTrue(Files.readString(project.resolve("pom.xml")).contains("extensions-sdk"), "built against the SDK");

        CliCommandsTest.Result test = ext("test", project.toString());
        assertEquals(0, test.code(), test.err() + test.out());
        assertTrue(JSON.readTree(test.out()).path("ok").asBoolean(), test.out());

        Path key = tmp.resolve("dev.example.key");
        assertEquals(0, ext("keygen", "--out", key.toString(), "--publisher", "dev.example").code());
        CliCommandsTest.Result publish = ext("publish", project.toString(), "--key", key.toString(), "--index", tmp.resolve("index").toString());
        assertEquals(0, publish.code(), publish.err());

        assertEquals(0, ext("trust", "add", key + ".pub", "--yes").code());
        Files.createDirectories(tmp.resolve("home/config"));
        Files.writeString(tmp.resolve("home/config/settings.json"),
                "{\"extensions.indexes\": [" + JSON.writeValueAsString(tmp.resolve("index").toString()) + "]}");
        String id = "dev.example." + name;
        CliCommandsTest.Result install = ext("install", id, "--yes");
        assertEquals(0, install.code(), install.err());
        assertTrue(install.err().contains("Signed by dev.example, a trusted publisher key"), install.err());
        assertEquals(0, ext("trust", id).code()); // to run where no OS sandbox is usable

        CliCommandsTest.Result call = CliCommandsTest.run(CallCommand::run, id, capability, input);
        assertEquals(0, call.code(), call.err());
        return call.out();
    }
}
