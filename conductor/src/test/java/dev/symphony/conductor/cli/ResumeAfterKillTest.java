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
 * A real child JVM runs a six-node sequence; it is killed with SIGKILL ({@code destroyForcibly}) once at least
 * two nodes are journaled as finished; a second JVM resumes the run. Every node finished before the kill must
 * not run again, and the resumed run must finish all six.
 */
class ResumeAfterKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Process child(Path home, Path log, String... args) throws Exception {
        return ChildJvm.start(ResumeChildMain.class, home, log, args);
    }

    static List<JsonNode> journal(Path home) throws Exception {
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

    static List<String> finished(List<JsonNode> events) {
        return events.stream().filter(e -> e.path("type").asText().equals("node.finished")).map(e -> e.path("node").asText()).toList();
    }

    /** What a kill and a resume left behind. */
    private record Outcome(List<String> doneBeforeKill, List<String> ranAfterResume, List<String> marks, String resumedOut) {
    }

    /** Runs {@code melody} in a child JVM, SIGKILLs it once {@code killWhen} holds for the journaled finishes, resumes it. */
    private static Outcome killAndResume(Path dir, Path melody, java.util.function.Predicate<List<String>> killWhen) throws Exception {
        Path home = dir.resolve("home");
        Process first = child(home, dir.resolve("first.out"), melody.toString(), "--policy", "heuristic");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!killWhen.test(finished(journal(home)))) {
            assertTrue(first.isAlive(), "the first run ended before it was killed: " + Files.readString(Path.of(dir.resolve("first.out") + ".err")));
            assertTrue(System.currentTimeMillis() < deadline, "no progress in the first run");
            Thread.sleep(20);
        }
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        List<JsonNode> before = journal(home);
        List<String> doneBeforeKill = finished(before);
        String runId = before.get(0).path("runId").asText();

        Process second = child(home, dir.resolve("second.out"), "--resume", runId, "--policy", "heuristic");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the resumed run did not finish");
        assertEquals(0, second.exitValue(), Files.readString(Path.of(dir.resolve("second.out") + ".err")));
        List<String> all = finished(journal(home));
        String resumedOut = Files.readString(dir.resolve("second.out"));
        assertTrue(resumedOut.contains("\"type\":\"run.resumed\""), resumedOut);
        assertTrue(resumedOut.contains("\"status\":\"succeeded\""), resumedOut);
        return new Outcome(doneBeforeKill, all.subList(doneBeforeKill.size(), all.size()), Files.readAllLines(dir.resolve("marks.txt")), resumedOut);
    }

    static String mark(Path dir, String id, String name) throws Exception {
        return "{\"id\":\"" + id + "\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"mark\",\"input\":{\"ms\":300,\"name\":\""
                + name + "\",\"file\":" + JSON.writeValueAsString(dir.resolve("marks.txt").toString()) + "}}";
    }

    static String chain(Path dir, String name, String prefix, int n) throws Exception {
        StringBuilder nodes = new StringBuilder();
        StringBuilder connections = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            nodes.append(i > 1 ? "," : "").append(mark(dir, prefix + i, prefix + i));
            if (i > 1) {
                connections.append(i > 2 ? "," : "").append("{\"from\":\"" + prefix + (i - 1) + "\",\"to\":\"" + prefix + i + "\"}");
            }
        }
        return "{\"formatVersion\":1,\"name\":\"" + name + "\",\"nodes\":[" + nodes + "],\"connections\":[" + connections + "]}";
    }

    /** Nodes journaled as finished before the kill did not run again (each is in the marker file once). */
    private static void assertNotRerun(Outcome o, List<String> doneBeforeKill) {
        for (String n : doneBeforeKill) {
            assertTrue(!o.ranAfterResume().contains(n), n + " finished before the kill but ran again: " + o.ranAfterResume());
        }
    }

    @Test
    void aKilledRunResumesWithoutRerunningFinishedNodes(@TempDir Path dir) throws Exception {
        Path melody = dir.resolve("chain.melody.json");
        Files.writeString(melody, chain(dir, "chain", "n", 6));
        Outcome o = killAndResume(dir, melody, done -> done.size() >= 2);
        assertTrue(o.doneBeforeKill().size() >= 2 && o.doneBeforeKill().size() < 6, o.doneBeforeKill().toString());
        assertNotRerun(o, o.doneBeforeKill());
        List<String> all = new ArrayList<>(o.doneBeforeKill());
        all.addAll(o.ranAfterResume());
        assertEquals(List.of("n1", "n2", "n3", "n4", "n5", "n6"), all);
        for (String n : o.doneBeforeKill()) {
            assertEquals(1, Collections.frequency(o.marks(), n), n + " must have run exactly once: " + o.marks());
        }
    }

    @Test
    void aLoopKilledMidIterationContinuesAtTheInterruptedIterationAndChild(@TempDir Path dir) throws Exception {
        Path melody = dir.resolve("loop.melody.json");
        Files.writeString(melody, "{\"formatVersion\":1,\"name\":\"loop\",\"nodes\":["
                + "{\"id\":\"L\",\"type\":\"loop\",\"maxIterations\":4,\"inputs\":{\"i\":\"${iteration}\"},\"body\":{\"nodes\":["
                + "{\"id\":\"i\",\"type\":\"input\"}," + mark(dir, "m1", "m1-${i}") + "," + mark(dir, "m2", "m2-${i}") + ","
                + "{\"id\":\"o\",\"type\":\"output\",\"value\":\"${m2.text}\"}],\"connections\":["
                + "{\"from\":\"i\",\"to\":\"m1\"},{\"from\":\"m1\",\"to\":\"m2\"},{\"from\":\"m2\",\"to\":\"o\"}]}},"
                + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${L.o}\"}],\"connections\":[{\"from\":\"L\",\"to\":\"out\"}]}");
        Outcome o = killAndResume(dir, melody, done -> done.contains("L/2/m1"));
        assertTrue(o.doneBeforeKill().contains("L/1/m2") && !o.doneBeforeKill().contains("L/3/m1"), o.doneBeforeKill().toString());
        assertNotRerun(o, o.doneBeforeKill());
        // Iteration 1 and iteration 2's first child are not redone; everything else ran once.
        for (String name : List.of("m1-0", "m2-0", "m1-1")) {
            assertEquals(1, Collections.frequency(o.marks(), name), name + " ran again: " + o.marks());
        }
        for (String name : List.of("m2-1", "m1-2", "m2-2", "m1-3", "m2-3")) {
            assertTrue(o.marks().contains(name), name + " never ran: " + o.marks());
        }
        assertTrue(o.ranAfterResume().contains("L/2/m2") && !o.ranAfterResume().contains("L/1/m1"), o.ranAfterResume().toString());
        assertTrue(o.resumedOut().contains("resumed after iteration 1"), o.resumedOut());
        assertTrue(o.resumedOut().contains("\"outputs\":{\"out\":\"m2-3\"}"), o.resumedOut());
    }

    @Test
    void aSubMelodyKilledMidwayContinuesAtTheInterruptedChild(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sub.melody.json"), chain(dir, "sub", "s", 4));
        Path melody = dir.resolve("parent.melody.json");
        Files.writeString(melody, "{\"formatVersion\":1,\"name\":\"parent\",\"nodes\":["
                + "{\"id\":\"sub\",\"type\":\"melody\",\"path\":\"sub.melody.json\"},"
                + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"done\"}],\"connections\":[{\"from\":\"sub\",\"to\":\"out\"}]}");
        Outcome o = killAndResume(dir, melody, done -> done.contains("sub/s2"));
        assertNotRerun(o, o.doneBeforeKill());
        for (String name : List.of("s1", "s2")) {
            assertEquals(1, Collections.frequency(o.marks(), name), name + " ran again: " + o.marks());
        }
        assertTrue(o.marks().containsAll(List.of("s3", "s4")), o.marks().toString());
        assertEquals(List.of("sub/s1", "sub/s2"), o.doneBeforeKill().stream().filter(n -> n.startsWith("sub/s1") || n.startsWith("sub/s2")).toList());
        assertTrue(o.ranAfterResume().containsAll(List.of("sub/s4", "sub", "out")), o.ranAfterResume().toString());
    }
}
