package dev.symphony.packaging;

import static dev.symphony.packaging.LauncherIT.symphony;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample extensions as a user meets them after a build: installed from their archives with
 * {@code ./symphony ext install}, listed, and called through the real bus in host JVMs.
 */
class ExtensionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TINY_LM = "dev.symphony.samples.tiny-lm";
    private static final Path SAMPLES = Path.of("..", "sample-extensions").toAbsolutePath().normalize();

    private static Path archive(String module) throws Exception {
        try (Stream<Path> files = Files.list(SAMPLES.resolve(module).resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-plugin.zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("no plugin archive built in sample-extensions/" + module));
        }
    }

    /** Without an OS sandbox an installed extension runs only when the user trusts it (kernel SandboxPolicy). */
    static void trustWhereUnsandboxed(Path home, String module) throws Exception {
        if (!dev.symphony.kernel.extensions.Sandbox.available()) {
            assertEquals(0, symphony(home, "ext", "trust", "dev.symphony.samples." + module).status());
        }
    }

    @Test
    void installListAndCallTheSamples(@TempDir Path home) throws Exception {
        for (String module : List.of("text-tools", "chaos")) {
            LauncherIT.Result installed = symphony(home, "ext", "install", archive(module).toString(), "--allow-unsigned", "--yes");
            assertEquals(0, installed.status(), module + ": " + installed.err());
            trustWhereUnsandboxed(home, module);
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
        assertEquals(0, symphony(home, "ext", "install", archive("text-tools").toString(), "--allow-unsigned", "--yes").status());
        assertEquals(0, symphony(home, "ext", "install", archive("chaos").toString(), "--allow-unsigned", "--yes").status());
        trustWhereUnsandboxed(home, "text-tools");
        trustWhereUnsandboxed(home, "chaos");

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

    /**
     * tiny-lm (a real DJL model, available in the source checkout without installing) through the launcher: the
     * stream is one line per token, then the model's own final chunk, then the kernel's {@code done} line with
     * the tokens and the declared cost; the host reports the model's Loading → Warm, which {@code ext list
     * --json} shows after the call; the same seed writes the same text.
     */
    @Test
    void tinyLmStreamsTokensWithCostWarmsUpOnceAndIsReproducible(@TempDir Path home) throws Exception {
        String input = "{\"prompt\":\"The conductor \",\"maxTokens\":40,\"seed\":7}";
        LauncherIT.Result first = symphony(home, "call", TINY_LM, "generate", input);
        assertEquals(0, first.status(), first.err());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : first.out().strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        List<JsonNode> tokens = lines.stream().filter(l -> l.has("token")).toList();
        assertEquals(40, tokens.size(), first.out());
        assertEquals(tokens, lines.subList(0, 40), "the tokens come first, one line each: " + first.out());
        StringBuilder text = new StringBuilder();
        tokens.forEach(t -> text.append(t.get("token").asText()));
        JsonNode summary = lines.get(40);
        assertEquals(text.toString(), summary.path("text").asText(), "the model's final chunk");
        JsonNode done = lines.get(lines.size() - 1);
        assertTrue(done.path("done").asBoolean(), first.out());
        assertEquals(40, done.path("tokens").asInt());
        assertEquals(40 * 0.00001, done.path("cost").asDouble(), 1e-12, "perCall 0 + perToken 0.00001 x 40, as declared");
        assertTrue(first.err().contains("model of " + TINY_LM + "/generate: LOADING"), first.err());
        assertTrue(first.err().matches("(?s).*model of " + TINY_LM.replace(".", "\\.") + "/generate: WARM \\(\\d+ ms\\).*"), first.err());

        LauncherIT.Result again = symphony(home, "call", TINY_LM, "generate", input);
        assertEquals(0, again.status(), again.err());
        assertEquals(first.out(), again.out(), "the same seed writes the same text");

        JsonNode model = capability(symphony(home, "ext", "list", "--json"), "generate").path("model");
        assertEquals("IDLE", model.path("state").asText(), "the call's host has ended: " + model);
        List<String> states = model.path("transitions").findValuesAsText("state");
        assertEquals(List.of("LOADING", "WARM", "IDLE"), states.subList(states.size() - 3, states.size()), model.toString());
        long loadMs = model.path("transitions").get(states.size() - 2).path("loadMs").asLong();
        assertTrue(loadMs > 0, model.toString());
        System.out.println("tiny-lm through the launcher: warm-up " + loadMs + " ms (model load in the host)");

        LauncherIT.Result unary = symphony(home, "call", TINY_LM, "complete", "{\"prompt\":\"The kernel \",\"seed\":3}");
        assertEquals(0, unary.status(), unary.err());
        int n = JSON.readTree(unary.out()).path("tokens").asInt();
        assertTrue(unary.err().contains(n + " tokens, cost " + (n * 0.00001)), "a unary call's cost: " + unary.err());
    }

    /** SIGTERM (what Ctrl-C's SIGINT does too) while tiny-lm loads: the stream stops, the host goes with it. */
    @Test
    void anInterruptedTinyLmStreamStopsAndLeavesNoHost(@TempDir Path home) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of("..").toAbsolutePath().normalize().resolve("symphony").toString(),
                "call", TINY_LM, "generate", "{\"prompt\":\"The \",\"maxTokens\":2000}");
        builder.environment().put("SYMPHONY_HOME", home.toString());
        builder.environment().put("SYMPHONY_NO_REBUILD", "1");
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Files.createDirectories(home);
        Process call = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(err, StandardCharsets.UTF_8).contains("/generate: LOADING") && System.nanoTime() < deadline) {
                assertTrue(call.isAlive(), "ended before loading: " + Files.readString(err, StandardCharsets.UTF_8));
                Thread.sleep(10);
            }
            List<ProcessHandle> hosts = call.toHandle().descendants().toList(); // the host (and its sandbox)
            assertFalse(hosts.isEmpty(), "a host loads the model");
            call.destroy();
            assertTrue(call.waitFor(20, TimeUnit.SECONDS), "the call ended");
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertFalse(printed.contains("\"done\""), "a cancelled stream does not end as a success: " + printed);
            assertTrue(printed.lines().count() < 2000, printed.lines().count() + " lines");
            assertTrue(Files.readString(err, StandardCharsets.UTF_8).contains("interrupted; cancelled the call"),
                    Files.readString(err, StandardCharsets.UTF_8));
            long hostDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (hosts.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < hostDeadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of(), hosts.stream().filter(ProcessHandle::isAlive).toList(), "no host outlives the call");
        } finally {
            call.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            call.destroyForcibly();
        }
    }

    private static JsonNode capability(LauncherIT.Result list, String name) throws Exception {
        assertEquals(0, list.status(), list.err());
        for (String line : list.out().strip().split("\n")) {
            JsonNode ext = JSON.readTree(line);
            if (ext.path("id").asText().equals(TINY_LM)) {
                for (JsonNode c : ext.path("capabilities")) {
                    if (c.path("name").asText().equals(name)) {
                        return c;
                    }
                }
            }
        }
        throw new AssertionError(TINY_LM + " " + name + " not listed: " + list.out());
    }

    private static void assertCall(Path home, String capability, String input, String expected) throws Exception {
        LauncherIT.Result result = symphony(home, "call", "dev.symphony.samples.text-tools", capability, input);
        assertEquals(0, result.status(), capability + ": " + result.err());
        assertTrue(result.out().contains(expected), capability + " printed " + result.out());
    }
}
