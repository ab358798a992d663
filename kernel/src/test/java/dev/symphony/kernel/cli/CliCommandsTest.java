package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.kernel.extensions.TestPlugins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code ext} and {@code call} as a user runs them: real archive, real hosts, exit codes and stdout. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliCommandsTest {
    static final String PROBE = "dev.symphony.test.probe";
    static final ObjectMapper JSON = new ObjectMapper();
    Path archive;
    Path secret;
    String previousHome;

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    @BeforeAll
    void setUp(@TempDir Path tmp) throws Exception {
        previousHome = System.getProperty("symphony.home");
        System.setProperty("symphony.home", tmp.resolve("home").toString());
        archive = TestPlugins.zip(TestPlugins.build("probe", tmp.resolve("build")), tmp.resolve("probe.zip"));
        secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "no");
    }

    @AfterAll
    void tearDown() {
        if (previousHome == null) {
            System.clearProperty("symphony.home");
        } else {
            System.setProperty("symphony.home", previousHome);
        }
    }

    interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    static Result run(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8).trim(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void installWithoutATerminalAndWithoutYesRefusesAtOnce() {
        Result r = run((a, o, e) -> ExtCommand.run(a, o, e, () -> null), "install", archive.toString(), "--allow-unsigned");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--yes"), r.err());
        assertTrue(r.err().contains("read files:"), "the permissions were shown: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    @Order(2)
    void installAnsweredNoOnATerminalInstallsNothing() {
        Result r = run((a, o, e) -> ExtCommand.run(a, o, e, () -> new BufferedReader(new StringReader("n\n"))), "install", archive.toString(), "--allow-unsigned");
        assertEquals(1, r.code());
        assertTrue(run(ExtCommand::run, "list", "--json").lines().stream().noneMatch(l -> l.contains(PROBE)));
    }

    @Test
    @Order(3)
    void installWithYesThenList() throws Exception {
        Result r = run(ExtCommand::run, "install", archive.toString(), "--allow-unsigned", "--yes");
        assertEquals(0, r.code(), r.err());
        assertEquals(PROBE, JSON.readTree(r.out()).path("installed").asText());
        if (!dev.symphony.kernel.extensions.Sandbox.available()) { // an installed extension runs unsandboxed only when trusted
            assertEquals(0, run(ExtCommand::run, "trust", PROBE).code());
        }
        JsonNode probe = null;
        for (String line : run(ExtCommand::run, "list", "--json").lines()) {
            JsonNode n = JSON.readTree(line);
            if (n.path("id").asText().equals(PROBE)) {
                probe = n;
            }
        }
        assertNotNull(probe);
        assertEquals("VALIDATED", probe.path("state").asText());
        assertEquals("echo", probe.path("capabilities").get(0).path("name").asText());
        assertEquals("object", probe.path("capabilities").get(0).path("input").path("type").asText());
        assertTrue(run(ExtCommand::run, "list").out().contains(PROBE));
    }

    @Test
    @Order(4)
    void callPrintsTheResultAndExitsWithTheDocumentedCodes() throws Exception {
        Result ok = run(CallCommand::run, PROBE, "echo", "{\"a\":1}");
        assertEquals(0, ok.code(), ok.err());
        assertEquals(JSON.readTree("{\"echo\":{\"a\":1}}"), JSON.readTree(ok.out()));
        assertEquals(2, run(CallCommand::run, PROBE, "strict", "{\"n\":\"x\"}").code());
        assertEquals(2, run(CallCommand::run, PROBE, "echo", "{not json").code());
        assertEquals(2, run(CallCommand::run, PROBE, "nope", "{}").code());
        assertEquals(3, run(CallCommand::run, PROBE, "read-raw", JSON.createObjectNode().put("path", secret.toString()).toString()).code());
        assertEquals(4, run(CallCommand::run, PROBE, "slow", "{\"ms\":5000}", "--timeout", "300").code());
        assertEquals(5, run(CallCommand::run, PROBE, "crash", "{}").code());
    }

    @Test
    @Order(5)
    void callStreamsOneJsonLinePerChunkThenAFinalLine() throws Exception {
        Result r = run(CallCommand::run, PROBE, "words", "{\"count\":3}");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals(4, lines.size(), r.out());
        assertEquals("w0 ", JSON.readTree(lines.get(0)).path("token").asText());
        JsonNode done = JSON.readTree(lines.get(3));
        assertTrue(done.path("done").asBoolean());
        assertEquals(3, done.path("tokens").asInt());
    }

    @Test
    @Order(6)
    void aUnaryInstrumentCallReportsItsModelStatesAndCostAndExtListShowsThem() throws Exception {
        Result r = run(CallCommand::run, PROBE, "model", "{\"tokens\":4}");
        assertEquals(0, r.code(), r.err());
        assertEquals("tttt", JSON.readTree(r.out()).path("text").asText(), "stdout is only the output: " + r.out());
        assertTrue(r.err().contains("model of " + PROBE + "/model: LOADING"), r.err());
        assertTrue(r.err().matches("(?s).*model of " + PROBE + "/model: WARM \\(\\d{3,} ms\\).*"), r.err());
        assertTrue(r.err().contains("4 tokens, cost 0.75"), "perCall 0.25 + perToken 0.125 x 4: " + r.err());
        JsonNode model = null;
        for (String line : run(ExtCommand::run, "list", "--json").lines()) {
            JsonNode n = JSON.readTree(line);
            for (JsonNode c : n.path("capabilities")) {
                if (n.path("id").asText().equals(PROBE) && c.path("name").asText().equals("model")) {
                    model = c.path("model");
                }
                if (c.path("kind").asText().equals("operator")) {
                    assertTrue(c.path("model").isMissingNode(), "an Operator has no model: " + c);
                }
            }
        }
        assertNotNull(model);
        assertEquals("IDLE", model.path("state").asText(), "the call's host has ended: " + model);
        List<String> transitions = model.path("transitions").findValuesAsText("state");
        assertEquals(List.of("LOADING", "WARM", "IDLE"), transitions.subList(transitions.size() - 3, transitions.size()), model.toString());
        assertTrue(model.path("transitions").get(transitions.size() - 2).path("loadMs").asLong() >= 300, model.toString());
    }

    @Test
    @Order(7)
    void disableEnableRemove() {
        assertEquals(0, run(ExtCommand::run, "disable", PROBE).code());
        assertEquals(1, run(CallCommand::run, PROBE, "echo", "{}").code());
        assertEquals(0, run(ExtCommand::run, "enable", PROBE).code());
        assertEquals(0, run(CallCommand::run, PROBE, "echo", "{}").code());
        assertEquals(0, run(ExtCommand::run, "remove", PROBE).code());
        assertTrue(run(ExtCommand::run, "list", "--json").lines().stream().noneMatch(l -> l.contains(PROBE)));
        assertEquals(2, run(ExtCommand::run, "remove", PROBE).code());
        assertEquals(2, run(ExtCommand::run, "frobnicate").code());
    }
}
