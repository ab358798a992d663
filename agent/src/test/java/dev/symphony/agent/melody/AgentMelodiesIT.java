package dev.symphony.agent.melody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.agent.OverlayShell;
import dev.symphony.conductor.cli.ApproveCommand;
import dev.symphony.conductor.cli.RunCommand;
import dev.symphony.conductor.run.KernelCapabilities;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shipped agent Melodies ({@code examples/agents}) run through {@code symphony run} / {@code symphony approve}'s
 * entry points and the real Melody engine. The model is the REPLAY extension {@code replay-agent} (recorded phases, not
 * a model: no small model makes reliable tool calls) in a real host over the real bus, reached through the kernel like
 * every call node's capability; the tools, the policy (the shipped default), the overlay and the checkpoints are real.
 * Rejecting at an approval node leaves every file as it was; approving applies the stage; restore brings the files
 * back and can itself be undone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentMelodiesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "dev.symphony.samples.replay-agent/agent-melodies";
    private static final Path EXAMPLES = Path.of("..", "examples", "agents").toAbsolutePath().normalize();
    private static final String ORIGINAL = "Hello, world\nSecond line\n";
    private static Path root;
    private static Path workspace;
    private static Kernel kernel;
    private static AgentOperators ops;

    private record Run(int code, String out, String err) {
        List<JsonNode> events() throws Exception {
            List<JsonNode> list = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    list.add(JSON.readTree(line));
                }
            }
            return list;
        }

        JsonNode finished() throws Exception {
            List<JsonNode> e = events();
            return e.get(e.size() - 1);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        root = Files.createTempDirectory("symphony-agent-melodies");
        System.setProperty(SymphonyPaths.HOME_PROPERTY, root.resolve("home").toString());
        workspace = Files.createDirectories(root.resolve("workspace"));
        Path devRoot = Files.createDirectories(root.resolve("dev"));
        Files.createSymbolicLink(devRoot.resolve("replay-agent"), Path.of("..", "sample-extensions", "replay-agent").toAbsolutePath().normalize());
        SymphonyPaths paths = SymphonyPaths.under(root.resolve("home"));
        kernel = Kernel.start(new KernelContext().paths(paths).workspace(Files.createDirectories(root.resolve("kernel-workspace"))).developmentRoot(devRoot));
        ops = new AgentOperators(new KernelCapabilities(kernel), paths, workspace);
    }

    @AfterAll
    static void stop() throws Exception {
        ops.close(); // closes the kernel and its hosts
        System.clearProperty(SymphonyPaths.HOME_PROPERTY);
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A command's {@code run(String[], PrintStream, PrintStream)}. */
    private interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private static Run run(String... args) {
        return cli((a, o, e) -> RunCommand.run(a, o, e, () -> ops), args);
    }

    private static Run approve(String... args) {
        return cli(ApproveCommand::run, args);
    }

    private static Run cli(Command command, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = command.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** Every file of the workspace and its bytes (as text: they are all text here). */
    private static Map<String, String> files() throws Exception {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> s = Files.walk(workspace)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                all.put(workspace.relativize(p).toString(), Files.readString(p));
            }
        }
        return all;
    }

    private static String melody(String name) {
        return EXAMPLES.resolve(name + ".melody.json").toString();
    }

    @Test
    @Order(1)
    void rejectingTheChangesAtTheApprovalNodeLeavesTheWorkspaceUntouched() throws Exception {
        Files.writeString(workspace.resolve("hello.txt"), ORIGINAL);
        Files.writeString(workspace.resolve("notes.md"), "# Notes\n");
        Map<String, String> before = files();
        Run paused = run(melody("plan-implement-test-review"), "--input", "model=" + MODEL,
                "--input", "task=change the greeting in hello.txt to greet Symphony", "--policy", "heuristic");
        assertEquals(3, paused.code(), "waits at the plan's approval: " + paused.err());
        String runId = paused.events().get(0).path("runId").asText();
        assertTrue(paused.out().contains("\"approval.waiting\"") && paused.out().contains("Implement this plan?"), paused.out());
        assertEquals(0, approve(runId, "approve_plan", "--yes", "--by", "alice").code());

        Run atChanges = run("--resume", runId, "--policy", "heuristic");
        assertEquals(3, atChanges.code(), "waits at the changes' approval: " + atChanges.err() + atChanges.out());
        assertTrue(atChanges.out().contains("Apply 1 changed file(s) to the workspace?"), atChanges.out());
        assertEquals(before, files(), "implement, test and review staged and ran commands: no file of the workspace changed");

        assertEquals(0, approve(runId, "approve_changes", "--no", "--by", "alice").code());
        Run rejected = run("--resume", runId, "--policy", "heuristic");
        assertEquals(1, rejected.code(), rejected.err());
        assertTrue(rejected.finished().path("error").asText().contains("rejected by alice"), rejected.out());
        assertEquals(before, files(), "rejected: every file as it was, byte for byte");
    }

    @Test
    @Order(2)
    void approvingAppliesTheStageAndRestoreBringsEverythingBackAndCanBeUndone() throws Exception {
        Map<String, String> before = files();
        Run done = run(melody("plan-implement-test-review"), "--input", "model=" + MODEL,
                "--input", "task=change the greeting in hello.txt to greet Symphony", "--yes", "--policy", "heuristic");
        assertEquals(0, done.code(), done.err() + done.out());
        JsonNode applied = done.finished().path("outputs").path("applied");
        assertEquals("[\"hello.txt\"]", applied.path("files").toString(), applied.toString());
        assertEquals("Hello, Symphony\nSecond line\n", Files.readString(workspace.resolve("hello.txt")));
        assertEquals(before.get("notes.md"), Files.readString(workspace.resolve("notes.md")));
        String tests = applied.path("tests").asText();
        if (new OverlayShell(root.resolve("probe")).unavailable(workspace).isEmpty()) {
            assertTrue(tests.startsWith("PASS"), "the test phase's command saw the staged edit in its overlay: " + tests);
        } else {
            assertTrue(tests.startsWith("NOT PASSED"), "without an overlay the phase runs no command: " + tests);
        }
        assertTrue(applied.path("review").asText().contains("Apply it"), applied.toString());

        var restore = ops.find(AgentOperators.EXTENSION, "restore").orElseThrow();
        JsonNode restored = ops.call(restore, JSON.createObjectNode().put("checkpoint", applied.path("checkpoint").asInt()), Duration.ofMinutes(1));
        assertEquals(before, files(), "restore: every file as before the run, byte for byte");
        ops.call(restore, JSON.createObjectNode().put("checkpoint", restored.path("checkpoint").asInt()), Duration.ofMinutes(1));
        assertEquals("Hello, Symphony\nSecond line\n", Files.readString(workspace.resolve("hello.txt")), "the restore undone");
        ops.call(restore, JSON.createObjectNode().put("checkpoint", applied.path("checkpoint").asInt()), Duration.ofMinutes(1));
        assertEquals(before, files());
    }

    @Test
    @Order(3)
    void aFailingTestIsFixedInTheStageCheckedAndAppliedOnceApproved() throws Exception {
        Assumptions.assumeTrue(new OverlayShell(root.resolve("probe")).unavailable(workspace).isEmpty(),
                "fix-failing-test runs its test command in the copy-on-write overlay, which this machine does not offer");
        Files.writeString(workspace.resolve("hello.txt"), ORIGINAL);
        Run fixed = run(melody("fix-failing-test"), "--input", "model=" + MODEL,
                "--input", "testCommand=grep -q Symphony hello.txt", "--yes", "--policy", "heuristic");
        assertEquals(0, fixed.code(), fixed.err() + fixed.out());
        JsonNode out = fixed.finished().path("outputs").path("fixed");
        assertEquals(0, out.path("exitCode").asInt(-1), "the check over the staged fix passed: " + out);
        assertEquals("Hello, Symphony\nSecond line\n", Files.readString(workspace.resolve("hello.txt")));

        Run passing = run(melody("fix-failing-test"), "--input", "model=" + MODEL,
                "--input", "testCommand=grep -q Symphony hello.txt", "--yes", "--policy", "heuristic");
        assertEquals(0, passing.code(), passing.err());
        assertTrue(passing.finished().path("outputs").has("already_passing"), passing.out());
    }
}
