package dev.symphony.agent.melody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.agent.OverlayShell;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.run.Capabilities;
import dev.symphony.conductor.run.NoExtensions;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's tools, apply and restore as Operators, with the real default policy, real files, real commands in the
 * real overlay and real checkpoints; the run's other capabilities are stood in for by an empty set (no model is
 * called here: the phases run against the replay in {@code AgentMelodiesIT}).
 */
class AgentOperatorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path workspace;
    @TempDir
    Path home;
    private AgentOperators ops;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(workspace.resolve("hello.txt"), "Hello, world\nSecond line\n");
        ops = new AgentOperators(NoExtensions.INSTANCE, SymphonyPaths.under(home), workspace);
    }

    @AfterEach
    void tearDown() throws Exception {
        ops.close();
    }

    private JsonNode call(String capability, String input) throws Exception {
        CapabilitySpec spec = ops.find(AgentOperators.EXTENSION, capability).orElseThrow();
        return ops.call(spec, JSON.readTree(input), Duration.ofMinutes(1));
    }

    private String hello() throws Exception {
        return Files.readString(workspace.resolve("hello.txt"));
    }

    @Test
    void theOperatorsAreInTheCatalogBesideTheRunsOwn() {
        assertTrue(ops.hasExtension(AgentOperators.EXTENSION));
        for (String c : List.of("phase", "read_file", "list_folder", "search", "edit_file", "run_command", "apply", "restore")) {
            assertTrue(ops.find(AgentOperators.EXTENSION, c).isPresent(), c);
        }
        assertEquals(1, ops.offering("phase", "operator").size());
        assertTrue(ops.offering("phase", "instrument").isEmpty());
    }

    @Test
    void symphonyRunFindsTheseOperatorsThroughTheConductorsServiceLoader() throws Exception {
        try (AutoCloseable found = (AutoCloseable) dev.symphony.conductor.run.OperatorProvider.aroundAll(NoExtensions.INSTANCE, home, workspace)) {
            Capabilities caps = (Capabilities) found;
            assertTrue(caps.find(AgentOperators.EXTENSION, "phase").isPresent(), "the provider in META-INF/services is found");
        }
    }

    @Test
    void anEditIsStagedNotWrittenAndLaterNodesReadTheStage() throws Exception {
        JsonNode edited = call("edit_file", "{\"path\": \"hello.txt\", \"oldText\": \"world\", \"newText\": \"Symphony\"}");
        assertTrue(edited.path("result").asText().startsWith("staged: hello.txt"), edited.toString());
        assertEquals("ask", edited.path("decision").asText(), "the default policy asks about edits: the approval node answers");
        assertEquals("Hello, world\nSecond line\n", hello(), "nothing reaches the workspace before apply");
        ObjectNode read = JSON.createObjectNode().put("path", "hello.txt");
        read.set("stage", edited.get("stage"));
        assertTrue(call("read_file", read.toString()).path("result").asText().startsWith("Hello, Symphony"));
        assertTrue(call("read_file", "{\"path\": \"hello.txt\"}").path("result").asText().startsWith("Hello, world"));
    }

    @Test
    void aCommandSeesTheStageInItsOverlay() throws Exception {
        JsonNode edited = call("edit_file", "{\"path\": \"hello.txt\", \"oldText\": \"world\", \"newText\": \"Symphony\"}");
        ObjectNode cmd = JSON.createObjectNode().put("command", "grep -c Symphony hello.txt");
        cmd.set("stage", edited.get("stage"));
        Optional<String> noOverlay = new OverlayShell(home.resolve("probe")).unavailable(workspace);
        if (noOverlay.isPresent()) { // a phase never runs a command in the workspace itself
            Exception e = assertThrows(IllegalStateException.class, () -> call("run_command", cmd.toString()));
            assertTrue(e.getMessage().contains("only in a copy-on-write overlay"), e.getMessage());
            return;
        }
        JsonNode ran = call("run_command", cmd.toString());
        assertEquals(0, ran.path("exitCode").asInt(), ran.toString());
        assertTrue(ran.path("result").asText().contains("no file changed"), "the staged file is not the command's change: " + ran);
        assertEquals(0, call("run_command", "{\"command\": \"grep -c world hello.txt\"}").path("exitCode").asInt(-1),
                "without the stage, a command sees the workspace");
        assertEquals("Hello, world\nSecond line\n", hello());
    }

    @Test
    void whatThePolicyAsksAboutCannotRunInANodeAndWhatItDeniesFails() throws Exception {
        Exception asked = assertThrows(IllegalStateException.class, () -> call("run_command", "{\"command\": \"grep -c world hello.txt > out.log\"}"));
        assertTrue(asked.getMessage().contains("nobody can answer"), asked.getMessage());
        assertFalse(Files.exists(workspace.resolve("out.log")));
        Files.writeString(workspace.resolve(".env"), "TOKEN=secret\n");
        Exception denied = assertThrows(IllegalStateException.class, () -> call("read_file", "{\"path\": \".env\"}"));
        assertTrue(denied.getMessage().contains("denied by the policy"), denied.getMessage());
        Exception bad = assertThrows(IllegalArgumentException.class, () -> call("read_file", "{\"file\": \"hello.txt\"}"));
        assertTrue(bad.getMessage().contains("symphony.agent/read_file"), bad.getMessage());
    }

    @Test
    void applyWritesAnApprovedStageAsACheckpointThatRestoreUndoesAndRestoringTheRestoreRedoes() throws Exception {
        JsonNode stage = call("edit_file", "{\"path\": \"hello.txt\", \"oldText\": \"world\", \"newText\": \"Symphony\"}").get("stage");
        ObjectNode apply = JSON.createObjectNode();
        apply.set("stage", stage);
        apply.set("approval", JSON.readTree("{\"approved\": false, \"by\": \"alice\"}"));
        Exception no = assertThrows(IllegalStateException.class, () -> call("apply", apply.toString()));
        assertTrue(no.getMessage().contains("after an approval node said yes"), no.getMessage());
        assertEquals("Hello, world\nSecond line\n", hello());

        apply.set("approval", JSON.readTree("{\"approved\": true, \"by\": \"alice\", \"at\": \"2026-12-06T16:00:00Z\"}"));
        JsonNode applied = call("apply", apply.toString());
        assertEquals("Hello, Symphony\nSecond line\n", hello());
        assertEquals("[\"hello.txt\"]", applied.get("applied").toString());
        int checkpoint = applied.get("checkpoint").asInt();
        assertTrue(checkpoint > 0, applied.toString());

        JsonNode restored = call("restore", "{\"checkpoint\": " + checkpoint + "}");
        assertEquals("Hello, world\nSecond line\n", hello(), "restore brings the file back byte for byte");
        call("restore", "{\"checkpoint\": " + restored.get("checkpoint").asInt() + "}");
        assertEquals("Hello, Symphony\nSecond line\n", hello(), "a restore is a checkpoint: restoring to before it undoes it");
    }

    @Test
    void aStageIsNotAppliedOverAFileChangedSinceTheAgentReadIt() throws Exception {
        Files.writeString(workspace.resolve("other.txt"), "one\n");
        JsonNode stage = call("edit_file", "{\"path\": \"hello.txt\", \"oldText\": \"world\", \"newText\": \"Symphony\"}").get("stage");
        ObjectNode second = JSON.createObjectNode().put("path", "other.txt").put("oldText", "one").put("newText", "two");
        second.set("stage", stage);
        stage = call("edit_file", second.toString()).get("stage");
        assertEquals(2, stage.get("changes").size());
        Files.writeString(workspace.resolve("other.txt"), "typed by the person\n");
        ObjectNode apply = JSON.createObjectNode();
        apply.set("stage", stage);
        apply.set("approval", JSON.readTree("{\"approved\": true, \"by\": \"alice\"}"));
        Exception e = assertThrows(IllegalStateException.class, () -> call("apply", apply.toString()));
        assertTrue(e.getMessage().contains("other.txt changed on disk since the agent read it"), e.getMessage());
        assertEquals("Hello, world\nSecond line\n", hello(), "nothing was applied");
        assertEquals("typed by the person\n", Files.readString(workspace.resolve("other.txt")));
    }

    @Test
    void theShippedAgentMelodiesAreValidWithTheseOperators() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("..", "examples", "agents"))) {
            List<Path> melodies = files.filter(p -> p.toString().endsWith(".melody.json")).sorted().toList();
            assertEquals(2, melodies.size(), melodies.toString());
            for (Path m : melodies) {
                var melody = new MelodyReader(ops).read(m); // throws with every problem and its JSON path
                var board = dev.symphony.conductor.melody.MelodyDocument.read(m); // what the Harmony Board edits
                assertEquals(Files.readString(m), board.text(), "read and written byte for byte: " + m);
                assertEquals(melody.nodes().size(), board.layout().size(), "every node has its place on the board: " + m);
            }
        }
    }

    @Test
    void aStageThatLeavesTheWorkspaceIsRefused() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> Stage.from(JSON.readTree(
                "{\"changes\": [{\"path\": \"../outside.txt\", \"before\": \"a\", \"after\": \"b\"}]}")));
        assertTrue(e.getMessage().contains("stage.changes[0].path"), e.getMessage());
    }
}
