package dev.symphony.conductor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.CliRun;
import dev.symphony.conductor.run.TestOperators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code symphony run --break NODE} driven over the debug protocol on stdin: wait for the pause, read the held
 * node's input, change it, step, read and change a finished node's output, continue.
 */
class DebugCommandTest {
    private static final String CHAIN = "{\"formatVersion\":1,\"name\":\"d\",\"nodes\":["
            + "{\"id\":\"a\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"x\"}},"
            + "{\"id\":\"b\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"b got ${a.text}\"}},"
            + "{\"id\":\"c\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"c got ${b.text}\"}},"
            + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${c.text}\"}],"
            + "\"connections\":[{\"from\":\"a\",\"to\":\"b\"},{\"from\":\"b\",\"to\":\"c\"},{\"from\":\"c\",\"to\":\"out\"}]}";
    @TempDir
    Path dir;

    @BeforeEach
    void home() {
        System.setProperty("symphony.home", dir.resolve("home").toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("symphony.home");
    }

    private CliRun run(String script, String... extra) throws Exception {
        Path file = dir.resolve("d.melody.json");
        Files.writeString(file, CHAIN);
        TestOperators ops = new TestOperators();
        String[] args = new String[extra.length + 3];
        args[0] = file.toString();
        args[1] = "--policy";
        args[2] = "heuristic";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.of((a, o, e) -> RunCommand.run(a, o, e, () -> ops, false,
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8))), args);
    }

    private static List<String> replies(CliRun r) {
        return r.err().lines().filter(l -> l.startsWith("debug> ")).map(l -> l.substring(7)).toList();
    }

    @Test
    void stepsEditsAndContinuesFromStdin() throws Exception {
        CliRun r = run(String.join("\n",
                "{\"cmd\":\"wait\",\"node\":\"b\"}",
                "{\"cmd\":\"held\"}",
                "{\"cmd\":\"output\",\"node\":\"a\"}",
                "{\"cmd\":\"editInput\",\"node\":\"b\",\"input\":{\"text\":\"edited\"}}",
                "{\"cmd\":\"step\",\"node\":\"b\"}",
                "{\"cmd\":\"wait\",\"node\":\"c\"}",
                "{\"cmd\":\"editOutput\",\"node\":\"b\",\"output\":{\"text\":\"EDITED\"}}",
                "{\"cmd\":\"editInput\",\"node\":\"a\",\"input\":{}}",
                "{\"cmd\":\"continue\"}", ""), "--break", "b,c");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("{\"held\":true,\"ok\":true}",
                "{\"held\":{\"b\":{\"text\":\"b got X\"}},\"ok\":true}",
                "{\"output\":{\"text\":\"X\"},\"ok\":true}",
                "{\"ok\":true}",
                "{\"ok\":true}",
                "{\"held\":true,\"ok\":true}",
                "{\"ok\":true}",
                "{\"ok\":false,\"error\":\"node 'a' is not held: only a paused node's input can be changed\"}",
                "{\"ok\":true}"), replies(r));
        JsonNode finished = r.lines().get(r.lines().size() - 1);
        assertEquals("c got EDITED", finished.path("outputs").path("out").asText(), finished.toString());
        assertTrue(r.out().contains("\"type\":\"node.paused\",\"node\":\"b\""), r.out());
    }

    @Test
    void theEndOfStdinContinuesAndAnUnknownBreakpointIsAUsageError() throws Exception {
        CliRun r = run("", "--break", "b");
        assertEquals(0, r.code(), r.err());
        assertEquals("c got b got X", r.lines().get(r.lines().size() - 1).path("outputs").path("out").asText());
        CliRun bad = run("", "--break", "nope");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--break nope: the Melody has no node 'nope'; its nodes: a, b, c, out"), bad.err());
    }
}
