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
 * An author's whole path, as a user runs it: {@code ext create} an Operator, {@code ext test} it (a real offline
 * Maven build of the scaffold against this checkout's SDK jars, its harness test, then a real host), {@code ext
 * publish} it into an index folder, and a user who trusts the key installs it by id from that index and calls it
 * through the real bus.
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
    void createTestPublishInstallFromTheIndexAndCall() throws Exception {
        CliCommandsTest.Result create = ext("create", "--kind", "operator", "--publisher", "dev.example", "--dir", tmp.toString(), "greeter");
        assertEquals(0, create.code(), create.err());
        Path project = tmp.resolve("greeter");
        assertTrue(Files.readString(project.resolve("pom.xml")).contains("extensions-sdk"), "built against the SDK");

        CliCommandsTest.Result test = ext("test", project.toString());
        assertEquals(0, test.code(), test.err() + test.out());
        assertTrue(JSON.readTree(test.out()).path("ok").asBoolean(), test.out());
        assertEquals("Hello, Ada!", JSON.readTree(test.out()).path("output").path("greeting").asText());

        Path key = tmp.resolve("dev.example.key");
        assertEquals(0, ext("keygen", "--out", key.toString(), "--publisher", "dev.example").code());
        CliCommandsTest.Result publish = ext("publish", project.toString(), "--key", key.toString(), "--index", tmp.resolve("index").toString());
        assertEquals(0, publish.code(), publish.err());

        assertEquals(0, ext("trust", "add", key + ".pub", "--yes").code());
        Files.createDirectories(tmp.resolve("home/config"));
        Files.writeString(tmp.resolve("home/config/settings.json"),
                "{\"extensions.indexes\": [" + JSON.writeValueAsString(tmp.resolve("index").toString()) + "]}");
        CliCommandsTest.Result install = ext("install", "dev.example.greeter", "--yes");
        assertEquals(0, install.code(), install.err());
        assertTrue(install.err().contains("Signed by dev.example, a trusted publisher key"), install.err());
        assertEquals(0, ext("trust", "dev.example.greeter").code()); // to run where no OS sandbox is usable

        CliCommandsTest.Result call = CliCommandsTest.run(CallCommand::run, "dev.example.greeter", "greet", "{\"name\":\"Grace\"}");
        assertEquals(0, call.code(), call.err());
        assertEquals("Hello, Grace!", JSON.readTree(call.out()).path("greeting").asText());
    }
}
