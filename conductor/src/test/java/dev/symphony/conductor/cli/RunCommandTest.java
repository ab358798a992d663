package dev.symphony.conductor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.conductor.CliRun;
import dev.symphony.conductor.melody.MelodySchema;
import dev.symphony.conductor.run.TestOperators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code symphony run} / {@code symphony approve} through their {@code run(...)} entry points. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    String out;
    String err;

    @BeforeEach
    void home() {
        System.setProperty("symphony.home", dir.resolve("home").toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("symphony.home");
    }

    private int run(String... args) {
        TestOperators ops = new TestOperators();
        return capture(CliRun.of((a, o, e) -> RunCommand.run(a, o, e, () -> ops), args));
    }

    private int approve(String... args) {
        return capture(CliRun.of(ApproveCommand::run, args));
    }

    private int capture(CliRun r) {
        out = r.out();
        err = r.err();
        return r.code();
    }

    private List<JsonNode> events() throws Exception {
        List<JsonNode> list = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                JsonNode e = JSON.readTree(line);
                assertEquals(List.of(), MelodySchema.validateEvent(e), line);
                list.add(e);
            }
        }
        return list;
    }

    private Path write(String name, String json) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    private static final String APPROVAL = "{\"formatVersion\":1,\"name\":\"a\",\"nodes\":["
            + "{\"id\":\"text\",\"type\":\"input\",\"schema\":{\"type\":\"string\"}},"
            + "{\"id\":\"up\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"${text}\"}},"
            + "{\"id\":\"ok\",\"type\":\"approval\",\"prompt\":\"Ship ${up.text}?\"},"
            + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${up.text} by ${ok.by}\"}],"
            + "\"connections\":[{\"from\":\"text\",\"to\":\"up\"},{\"from\":\"up\",\"to\":\"ok\"},{\"from\":\"ok\",\"to\":\"out\"}]}";

    @Test
    void successPrintsTheEventStreamAndExitsZero() throws Exception {
        Path f = write("a.melody.json", APPROVAL);
        assertEquals(0, run(f.toString(), "--input", "text=hi there", "--yes", "--policy", "heuristic"), err);
        List<JsonNode> events = events();
        assertEquals("run.started", events.get(0).path("type").asText());
        JsonNode last = events.get(events.size() - 1);
        assertEquals("succeeded", last.path("status").asText());
        assertEquals("HI THERE by --yes", last.path("outputs").path("out").asText());
    }

    @Test
    void pausedForAnApprovalExitsThreeThenApproveAndResumeFinishIt() throws Exception {
        Path f = write("a.melody.json", APPROVAL);
        assertEquals(3, run(f.toString(), "--input", "text=v1", "--policy", "heuristic"), err);
        String runId = events().get(0).path("runId").asText();
        assertTrue(err.contains("symphony approve " + runId + " ok --yes|--no"), err);
        int upCalls = (int) events().stream().filter(e -> e.path("type").asText().equals("node.finished")
                && e.path("node").asText().equals("up")).count();
        assertEquals(1, upCalls);

        assertEquals(2, approve(runId, "nope", "--yes"));
        assertTrue(err.contains("not waiting for an answer at 'nope'; it waits at ok"), err);
        assertEquals(0, approve(runId, "ok", "--yes", "--by", "alice"), err);
        assertEquals("alice", JSON.readTree(out).path("by").asText());
        assertEquals(2, approve(runId, "ok", "--no"));

        assertEquals(0, run("--resume", runId, "--policy", "heuristic"), err);
        List<JsonNode> resumed = events();
        assertEquals("run.resumed", resumed.get(0).path("type").asText());
        assertTrue(resumed.stream().noneMatch(e -> e.path("node").asText().equals("up")), "up was finished before the pause");
        assertEquals("V1 by alice", resumed.get(resumed.size() - 1).path("outputs").path("out").asText());
        assertEquals(2, run("--resume", runId), "a finished run cannot be resumed");
    }

    @Test
    void aRejectionFailsTheRun() throws Exception {
        Path f = write("a.melody.json", APPROVAL);
        assertEquals(3, run(f.toString(), "--input", "text=v1", "--policy", "heuristic"));
        String runId = events().get(0).path("runId").asText();
        assertEquals(0, approve(runId, "ok", "--no"));
        assertEquals(1, run("--resume", runId, "--policy", "heuristic"));
        assertTrue(err.contains("rejected by"), err);
    }

    @Test
    void invalidMelodiesAndBadUsageExitTwo() throws Exception {
        Path bad = write("bad.melody.json", "{\"formatVersion\":1,\"name\":\"b\",\"nodes\":[{\"id\":\"a\",\"type\":\"call\",\"extension\":\"nope\",\"capability\":\"x\"}]}");
        assertEquals(2, run(bad.toString()));
        assertTrue(err.contains("$.nodes[0].extension: unknown extension 'nope'"), err);
        assertEquals("", out);
        assertEquals(2, run(dir.resolve("missing.melody.json").toString()));
        assertEquals(2, run());
        assertEquals(2, run("x.melody.json", "--policy", "psychic"));
        assertEquals(2, run(write("a.melody.json", APPROVAL).toString(), "--input", "nosuch=1"));
        assertTrue(err.contains("no input node 'nosuch'"), err);
        assertEquals(2, approve("no-such-run", "ok", "--yes"));
        assertEquals(0, run("--help"));
    }

    @Test
    void aFailedRunExitsOne() throws Exception {
        Path f = write("f.melody.json", "{\"formatVersion\":1,\"name\":\"f\",\"nodes\":[{\"id\":\"x\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"fail\",\"input\":{}}]}");
        assertEquals(1, run(f.toString(), "--policy", "heuristic"));
        assertTrue(err.contains("node x failed"), err);
    }

    @Test
    void theLearnedPolicyIsTheDefault() throws Exception {
        Path f = write("a.melody.json", APPROVAL);
        assertEquals(0, run(f.toString(), "--input", "text=x", "--yes"), err);
        assertEquals("rl", events().get(0).path("policy").asText());
    }
}
