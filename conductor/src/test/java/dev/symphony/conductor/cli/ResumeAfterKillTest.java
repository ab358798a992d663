package dev.symphony.conductor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.kernel.process.JvmFlags;
import java.io.File;
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
 * A real child JVM runs a six-node sequence; it is killed with SIGKILL ({@code destroyForcibly}) once at least
 * two nodes are journaled as finished; a second JVM resumes the run. Every node finished before the kill must
 * not run again, and the resumed run must finish all six.
 */
class ResumeAfterKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Process child(Path home, Path log, String... args) throws Exception {
        JvmFlags flags = JvmFlags.forCurrentRuntime();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags.flags());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ResumeChildMain.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(log.toFile()).redirectError(new File(log + ".err"));
        pb.environment().putAll(flags.environment());
        pb.environment().put("SYMPHONY_HOME", home.toString());
        return pb.start();
    }

    private static List<JsonNode> journal(Path home) throws Exception {
        Path runs = home.resolve("data").resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path d : dirs.toList()) {
                Path events = d.resolve("events.jsonl");
                if (Files.exists(events)) {
                    List<JsonNode> out = new ArrayList<>();
                    for (String line : Files.readAllLines(events)) {
                        try {
                            out.add(JSON.readTree(line));
                        } catch (Exception torn) {
                            break;
                        }
                    }
                    return out;
                }
            }
        }
        return List.of();
    }

    private static List<String> finished(List<JsonNode> events) {
        return events.stream().filter(e -> e.path("type").asText().equals("node.finished")).map(e -> e.path("node").asText()).toList();
    }

    @Test
    void aKilledRunResumesWithoutRerunningFinishedNodes(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Path marks = dir.resolve("marks.txt");
        StringBuilder nodes = new StringBuilder();
        StringBuilder connections = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            nodes.append(i > 1 ? "," : "").append("{\"id\":\"n").append(i).append("\",\"type\":\"call\",\"extension\":\"test.ops\",")
                    .append("\"capability\":\"mark\",\"input\":{\"ms\":400,\"name\":\"n").append(i).append("\",\"file\":")
                    .append(JSON.writeValueAsString(marks.toString())).append("}}");
            if (i > 1) {
                connections.append(i > 2 ? "," : "").append("{\"from\":\"n").append(i - 1).append("\",\"to\":\"n").append(i).append("\"}");
            }
        }
        Path melody = dir.resolve("chain.melody.json");
        Files.writeString(melody, "{\"formatVersion\":1,\"name\":\"chain\",\"nodes\":[" + nodes + "],\"connections\":[" + connections + "]}");

        Process first = child(home, dir.resolve("first.out"), melody.toString(), "--policy", "heuristic");
        long deadline = System.currentTimeMillis() + 60_000;
        while (finished(journal(home)).size() < 2) {
            assertTrue(first.isAlive(), "the first run ended before it was killed: " + Files.readString(Path.of(dir.resolve("first.out") + ".err")));
            assertTrue(System.currentTimeMillis() < deadline, "no progress in the first run");
            Thread.sleep(20);
        }
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        List<JsonNode> before = journal(home);
        List<String> doneBeforeKill = finished(before);
        assertTrue(doneBeforeKill.size() >= 2 && doneBeforeKill.size() < 6, doneBeforeKill.toString());
        String runId = before.get(0).path("runId").asText();

        Process second = child(home, dir.resolve("second.out"), "--resume", runId, "--policy", "heuristic");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the resumed run did not finish");
        assertEquals(0, second.exitValue(), Files.readString(Path.of(dir.resolve("second.out") + ".err")));

        List<String> ranAfterResume = finished(journal(home)).subList(doneBeforeKill.size(), finished(journal(home)).size());
        for (String n : doneBeforeKill) {
            assertTrue(!ranAfterResume.contains(n), n + " finished before the kill but ran again: " + ranAfterResume);
        }
        List<String> all = new ArrayList<>(doneBeforeKill);
        all.addAll(ranAfterResume);
        assertEquals(List.of("n1", "n2", "n3", "n4", "n5", "n6"), all);
        List<String> marked = Files.readAllLines(marks);
        for (String n : doneBeforeKill) {
            assertEquals(1, Collections.frequency(marked, n), n + " must have run exactly once: " + marked);
        }
        String resumedOut = Files.readString(dir.resolve("second.out"));
        assertTrue(resumedOut.contains("\"type\":\"run.resumed\""), resumedOut);
        assertTrue(resumedOut.contains("\"status\":\"succeeded\""), resumedOut);
    }
}
