package dev.symphony.conductor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code serve} child process starts a six-node run (a file.saved trigger) and is SIGKILLed after two nodes
 * finished; the next {@code serve} on the same folder and home picks the run up by itself: nodes finished before
 * the kill do not run again, the rest do, the run succeeds.
 */
class ServeReclaimTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theNextServeResumesARunWhoseServeWasKilled(@TempDir Path dir) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Files.writeString(workspace.resolve("chain.melody.json"), ResumeAfterKillTest.chain(dir, "chain", "n", 6)
                .replace("{\"formatVersion\":1,", "{\"formatVersion\":1,\"triggers\":[{\"type\":\"event\",\"on\":\"file.saved\",\"glob\":\"go.txt\"}],"));
        Path home = dir.resolve("home");
        Path firstLog = dir.resolve("first.out");
        Process first = ChildJvm.start(ServeChildMain.class, home, firstLog, workspace.toString(), "--port", "0", "--policy", "heuristic");
        long deadline = System.currentTimeMillis() + 90_000;
        try {
            awaitText(Path.of(firstLog + ".err"), "1 Melodies", first, deadline);
            Files.writeString(workspace.resolve("go.txt"), "go");
            while (ResumeAfterKillTest.finished(ResumeAfterKillTest.journal(home)).size() < 2) {
                assertTrue(first.isAlive(), "serve ended: " + Files.readString(Path.of(firstLog + ".err")));
                assertTrue(System.currentTimeMillis() < deadline, "the run made no progress: " + Files.readString(Path.of(firstLog + ".err")));
                Thread.sleep(20);
            }
        } finally {
            first.destroyForcibly(); // SIGKILL
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        }
        List<String> doneBeforeKill = ResumeAfterKillTest.finished(ResumeAfterKillTest.journal(home));
        JsonNode info = runInfo(home);
        assertEquals("running", info.path("status").asText(), "the killed serve left the run running");
        assertEquals("serve", info.path("startedBy").asText());

        Path secondLog = dir.resolve("second.out");
        Process second = ChildJvm.start(ServeChildMain.class, home, secondLog, workspace.toString(), "--port", "0", "--policy", "heuristic");
        try {
            deadline = System.currentTimeMillis() + 90_000;
            while (!runInfo(home).path("status").asText().equals("succeeded")) {
                assertTrue(second.isAlive(), "serve ended: " + Files.readString(Path.of(secondLog + ".err")));
                assertTrue(System.currentTimeMillis() < deadline, "the run was not picked up: " + Files.readString(Path.of(secondLog + ".err")));
                Thread.sleep(50);
            }
            String err = Files.readString(Path.of(secondLog + ".err"));
            assertTrue(err.contains("resuming 1 run left running by a serve process that ended"), err);
            assertTrue(err.contains("resuming run " + info.path("runId").asText()), err);
            awaitText(secondLog, "\"type\":\"run.resumed\"", second, deadline);
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> marks = Files.readAllLines(dir.resolve("marks.txt"));
        for (String n : doneBeforeKill) {
            assertEquals(1, Collections.frequency(marks, n), n + " finished before the kill and must not run again: " + marks);
        }
        List<String> all = new ArrayList<>(ResumeAfterKillTest.finished(ResumeAfterKillTest.journal(home)));
        assertEquals(List.of("n1", "n2", "n3", "n4", "n5", "n6"), all);
        assertTrue(marks.containsAll(List.of("n1", "n2", "n3", "n4", "n5", "n6")), marks.toString());
    }

    private static JsonNode runInfo(Path home) throws Exception {
        try (Stream<Path> dirs = Files.list(home.resolve("data").resolve("runs"))) {
            List<Path> runs = dirs.filter(d -> Files.isRegularFile(d.resolve("run.json"))).toList();
            assertEquals(1, runs.size(), "one run: " + runs);
            return JSON.readTree(runs.get(0).resolve("run.json").toFile());
        }
    }

    private static void awaitText(Path file, String text, Process p, long deadline) throws Exception {
        while (!(Files.exists(file) && Files.readString(file).contains(text))) {
            assertTrue(p.isAlive() || (Files.exists(file) && Files.readString(file).contains(text)), "process ended before '" + text + "'");
            assertTrue(System.currentTimeMillis() < deadline, "no '" + text + "' in " + file + ": "
                    + (Files.exists(file) ? Files.readString(file) : "(missing)"));
            Thread.sleep(50);
        }
    }
}
