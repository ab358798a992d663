package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.kernel.audit.AuditLog;
import dev.symphony.kernel.extensions.Sandbox;
import dev.symphony.kernel.extensions.TestPlugins;
import dev.symphony.kernel.paths.SymphonyPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The sandbox never disappears silently: with the "no OS sandbox" path forced (as on a machine without
 * bubblewrap), an installed extension the user did not mark trusted is refused with a message naming
 * the fix, the prompt and {@code ext list} say so, and once trusted it runs with a visible "not
 * sandboxed" warning — each step in the audit log. Real archive, real host, real CLI commands.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxUnavailableTest {
    static final String PROBE = "dev.symphony.test.probe";
    static final ObjectMapper JSON = new ObjectMapper();
    Path archive;
    Path home;
    String previousHome;

    @BeforeAll
    void setUp(@TempDir Path tmp) throws Exception {
        previousHome = System.getProperty("symphony.home");
        home = tmp.resolve("home");
        System.setProperty("symphony.home", home.toString());
        System.setProperty(Sandbox.FORCE_UNAVAILABLE_PROPERTY, "true");
        archive = TestPlugins.zip(TestPlugins.build("probe", tmp.resolve("build")), tmp.resolve("probe.zip"));
    }

    @AfterAll
    void tearDown() {
        System.clearProperty(Sandbox.FORCE_UNAVAILABLE_PROPERTY);
        if (previousHome == null) {
            System.clearProperty("symphony.home");
        } else {
            System.setProperty("symphony.home", previousHome);
        }
    }

    JsonNode listed() throws Exception {
        CliCommandsTest.Result r = CliCommandsTest.run(ExtCommand::run, "list", "--json");
        assertEquals(0, r.code(), r.err());
        for (String line : r.lines()) {
            JsonNode n = JSON.readTree(line);
            if (n.path("id").asText().equals(PROBE)) {
                return n;
            }
        }
        throw new AssertionError("not listed: " + r.out());
    }

    List<JsonNode> audit() throws Exception {
        return AuditLog.readAll(SymphonyPaths.resolve().data("audit"));
    }

    @Test
    @Order(1)
    void thePromptSaysThereIsNoSandbox() {
        CliCommandsTest.Result r = CliCommandsTest.run((a, o, e) -> ExtCommand.run(a, o, e,
                () -> new BufferedReader(new StringReader("y\n"))), "install", archive.toString(), "--allow-unsigned");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("OS sandbox:      NONE available here"), r.err());
        assertTrue(r.err().contains("symphony ext trust " + PROBE), r.err());
    }

    @Test
    @Order(2)
    void anUntrustedExtensionIsRefusedNamingTheFix() throws Exception {
        assertEquals("refused", listed().path("sandbox").path("mode").asText());
        CliCommandsTest.Result r = CliCommandsTest.run(CallCommand::run, PROBE, "echo", "{\"a\":1}");
        assertEquals(3, r.code(), "permission denied: " + r.err());
        assertTrue(r.err().contains("apt install bubblewrap") && r.err().contains("symphony ext trust " + PROBE), r.err());
        assertTrue(audit().stream().anyMatch(e -> e.path("what").asText().equals("host.start") && e.path("resource").asText().equals(PROBE)
                && e.path("decision").asText().equals("denied") && e.path("detail").asText().contains("not trusted")));
    }

    @Test
    @Order(3)
    void onceTrustedItRunsWithAVisibleWarning() throws Exception {
        CliCommandsTest.Result trust = CliCommandsTest.run(ExtCommand::run, "trust", PROBE);
        assertEquals(0, trust.code(), trust.err());
        JsonNode sandbox = listed().path("sandbox");
        assertEquals("NOT SANDBOXED", sandbox.path("mode").asText());
        assertTrue(sandbox.path("reason").asText().contains("marked trusted by the user"), sandbox.toString());
        CliCommandsTest.Result text = CliCommandsTest.run(ExtCommand::run, "list");
        assertTrue(text.out().contains("NOT SANDBOXED"), text.out());
        CliCommandsTest.Result call = CliCommandsTest.run(CallCommand::run, PROBE, "echo", "{\"a\":1}");
        assertEquals(0, call.code(), call.err());
        List<JsonNode> audit = audit();
        assertTrue(audit.stream().anyMatch(e -> e.path("what").asText().equals("ext.trust") && e.path("who").asText().equals("user")));
        assertTrue(audit.stream().anyMatch(e -> e.path("what").asText().equals("host.start") && e.path("decision").asText().equals("allowed")
                && e.path("detail").asText().contains("sandbox: NONE")), "the unsandboxed start is audited");
    }

    @Test
    @Order(4)
    void untrustingRefusesAgain() throws Exception {
        assertEquals(0, CliCommandsTest.run(ExtCommand::run, "untrust", PROBE).code());
        assertEquals(3, CliCommandsTest.run(CallCommand::run, PROBE, "echo", "{}").code());
    }

    @Test
    @Order(5)
    void withBubblewrapUsableTheSameExtensionIsSandboxed() throws Exception {
        System.clearProperty(Sandbox.FORCE_UNAVAILABLE_PROPERTY);
        try {
            Assumptions.assumeTrue(Sandbox.available(), "bubblewrap is not usable here: the sandboxed path is not tested");
            assertEquals("bubblewrap", listed().path("sandbox").path("mode").asText());
            CliCommandsTest.Result call = CliCommandsTest.run(CallCommand::run, PROBE, "echo", "{}");
            assertEquals(0, call.code(), call.err());
            assertTrue(audit().stream().anyMatch(e -> e.path("what").asText().equals("host.start")
                    && e.path("detail").asText().contains("sandbox: bubblewrap")));
        } finally {
            System.setProperty(Sandbox.FORCE_UNAVAILABLE_PROPERTY, "true");
        }
    }
}
