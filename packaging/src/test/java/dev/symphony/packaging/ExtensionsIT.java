package dev.symphony.packaging;

import static dev.symphony.packaging.LauncherIT.symphony;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample extensions as a user meets them after a build: installed from their archives with
 * {@code ./symphony ext install}, listed, and called through the real bus in host JVMs.
 */
class ExtensionsIT {
    private static final Path SAMPLES = Path.of("..", "sample-extensions").toAbsolutePath().normalize();

    private static Path archive(String module) throws Exception {
        try (Stream<Path> files = Files.list(SAMPLES.resolve(module).resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-plugin.zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("no plugin archive built in sample-extensions/" + module));
        }
    }

    @Test
    void installListAndCallTheSamples(@TempDir Path home) throws Exception {
        for (String module : List.of("text-tools", "chaos")) {
            LauncherIT.Result installed = symphony(home, "ext", "install", archive(module).toString(), "--yes");
            assertEquals(0, installed.status(), module + ": " + installed.err());
        }
        LauncherIT.Result list = symphony(home, "ext", "list", "--json");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("dev.symphony.samples.text-tools"), list.out());
        assertTrue(list.out().contains("markdown-to-html"), "capabilities are listed: " + list.out());

        assertCall(home, "case", "{\"text\":\"hello world\",\"to\":\"upper\"}", "HELLO WORLD");
        assertCall(home, "regex-extract", "{\"text\":\"a1 b22 c333\",\"pattern\":\"[0-9]+\"}", "22");
        assertCall(home, "json-select", "{\"document\":{\"a\":{\"b\":[10,20]}},\"pointer\":\"/a/b/1\"}", "20");
        assertCall(home, "markdown-to-html", "{\"markdown\":\"# Title\"}", "<h1>Title</h1>");
    }

    @Test
    void badInputAndForbiddenReadsHaveTheirOwnExitCodes(@TempDir Path home) throws Exception {
        assertEquals(0, symphony(home, "ext", "install", archive("text-tools").toString(), "--yes").status());
        assertEquals(0, symphony(home, "ext", "install", archive("chaos").toString(), "--yes").status());

        LauncherIT.Result invalid = symphony(home, "call", "dev.symphony.samples.text-tools", "case", "{\"text\":1}");
        assertEquals(2, invalid.status(), "schema violation is invalid input: " + invalid.err());
        assertEquals("", invalid.out());

        LauncherIT.Result denied = symphony(home, "call", "dev.symphony.samples.chaos", "read-outside",
                "{\"path\":\"/etc/hostname\"}");
        assertEquals(3, denied.status(), "a read outside the permitted paths is denied: " + denied.err());
        try (Stream<Path> audit = Files.walk(home.resolve("data").resolve("audit"))) {
            assertTrue(audit.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return Files.readString(f).contains("/etc/hostname");
                } catch (java.io.IOException e) {
                    return false;
                }
            }), "the denial is in the audit log");
        }
    }

    private static void assertCall(Path home, String capability, String input, String expected) throws Exception {
        LauncherIT.Result result = symphony(home, "call", "dev.symphony.samples.text-tools", capability, input);
        assertEquals(0, result.status(), capability + ": " + result.err());
        assertTrue(result.out().contains(expected), capability + " printed " + result.out());
    }
}
