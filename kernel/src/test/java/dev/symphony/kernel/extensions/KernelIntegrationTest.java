package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.kernel.audit.AuditLog;
import dev.symphony.kernel.paths.SymphonyPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The kernel with real host JVMs on real Chronicle queues, running a real PF4J plugin built from
 * test sources and installed from its zip archive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KernelIntegrationTest {
    static final String PROBE = "dev.symphony.test.probe";
    static final ObjectMapper JSON = new ObjectMapper();
    Path tmp;
    SymphonyPaths paths;
    Path workspace;
    Path secret;
    Kernel kernel;

    @BeforeAll
    void start(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tmp) throws Exception {
        this.tmp = tmp;
        paths = SymphonyPaths.under(tmp.resolve("home"));
        workspace = tmp.resolve("ws");
        Files.createDirectories(workspace.resolve("allowed"));
        Files.writeString(workspace.resolve("allowed/ok.txt"), "fine");
        secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "top secret");
        Files.createSymbolicLink(workspace.resolve("allowed/link.txt"), secret);
        for (String plugin : List.of("probe", "relay")) {
            Path archive = TestPlugins.zip(TestPlugins.build(plugin, tmp.resolve("build")), tmp.resolve(plugin + ".zip"));
            TestPlugins.install(new ExtensionStore(paths.data("extensions")), archive);
        }
        Files.createDirectories(paths.userSettingsFile().getParent());
        Files.writeString(paths.userSettingsFile(), """
                {
                  // the probe's contributed settings, by their full names
                  "dev.symphony.test.probe.greeting": "hi from settings.json",
                  "dev.symphony.test.probe.limit": 0
                }
                """);
        kernel = Kernel.start(new KernelContext().paths(paths).workspace(workspace));
    }

    @AfterAll
    void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    JsonNode call(String capability, String input) throws Exception {
        return kernel.call(new CapabilityCall("test", PROBE, capability, json(input), Duration.ofSeconds(20))).output();
    }

    ErrorCode failure(String capability, String input, Duration timeout) {
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> kernel.call(new CapabilityCall("test", PROBE, capability, json(input), timeout)).output());
        return e.code();
    }

    @Test
    void callsARealHostAndAuditsIt() throws Exception {
        assertEquals(PlayerState.VALIDATED.compareTo(kernel.player(PROBE).orElseThrow().state()) <= 0, true);
        assertEquals(json("{\"echo\":{\"a\":[1,2,\"x\"]}}"), call("echo", "{\"a\":[1,2,\"x\"]}"));
        Player p = kernel.player(PROBE).orElseThrow();
        assertTrue(p.hostPid() > 0 && ProcessHandle.of(p.hostPid()).isPresent(), "a separate host process runs");
        assertNotEquals(ProcessHandle.current().pid(), p.hostPid());
        kernel.audit().flush();
        assertTrue(AuditLog.readAll(paths.data("audit")).stream().anyMatch(e -> e.path("what").asText().equals("call")
                && e.path("resource").asText().equals(PROBE + "/echo") && e.path("decision").asText().equals("allowed")));
    }

    @Test
    void eventsAnExtensionAnnouncesReachTheKernelsListenersAndTheAuditLog() throws Exception {
        var received = new java.util.concurrent.LinkedBlockingQueue<String>();
        try (AutoCloseable listening = kernel.onExtensionEvent((id, name, payload) -> received.add(id + " " + name + " " + payload))) {
            call("emit", "{\"name\":\"build.finished\",\"payload\":{\"ok\":true}}");
            assertEquals(PROBE + " build.finished {\"ok\":true}", received.poll(10, java.util.concurrent.TimeUnit.SECONDS));
        }
        kernel.audit().flush();
        assertTrue(AuditLog.readAll(paths.data("audit")).stream().anyMatch(e -> e.path("what").asText().equals("reported.event")
                && e.path("resource").asText().equals("build.finished") && e.path("who").asText().equals(PROBE)));
    }

    @Test
    void extensionSettingsComeFromTheUsersFileCheckedAgainstTheContributedSchema() throws Exception {
        assertEquals("hi from settings.json", call("setting", "{\"key\":\"greeting\"}").path("value").asText());
        assertEquals(5, call("setting", "{\"key\":\"limit\"}").path("value").asInt(), "0 breaks minimum 1: the default");
        assertTrue(call("setting", "{\"key\":\"unset\"}").path("value").asBoolean(), "not in the file: the default");
        assertTrue(call("setting", "{\"key\":\"undeclared\"}").path("value").isNull(), "only contributed keys are served");
        String log = Files.readString(paths.data("logs").resolve("extensions").resolve(PROBE + ".log"));
        assertTrue(log.contains("setting 'dev.symphony.test.probe.limit' 0 is invalid"), log);
    }

    @Test
    void severalSettingsInOneRoundTripResolveEachAsASingleReadDoes() throws Exception {
        JsonNode values = call("settings", "{\"keys\":[\"greeting\",\"limit\",\"unset\",\"undeclared\"]}").path("values");
        assertEquals("hi from settings.json", values.path("greeting").asText(), values.toString());
        assertEquals(5, values.path("limit").asInt(), "0 breaks minimum 1: the default");
        assertTrue(values.path("unset").asBoolean(), "not in the file: the default");
        assertTrue(values.path("undeclared").isNull(), "only contributed keys are served: " + values);
    }

    @Test
    void inputIsValidatedAgainstTheCapabilitySchemaBeforeTheHostSeesIt() {
        assertEquals(ErrorCode.INVALID_INPUT, failure("strict", "{\"n\":\"two\"}", Duration.ofSeconds(5)));
        assertEquals(ErrorCode.UNKNOWN_CAPABILITY, failure("nope", "{}", Duration.ofSeconds(5)));
    }

    @Test
    void streamsTokensWithASummary() throws Exception {
        try (KernelStream s = kernel.stream(new CapabilityCall("test", PROBE, "words", json("{\"count\":50}"), Duration.ofSeconds(20)))) {
            int n = 0;
            JsonNode chunk;
            while ((chunk = s.next()) != null) {
                assertEquals("w" + n + " ", chunk.path("token").asText());
                n++;
            }
            assertEquals(50, n);
            assertEquals(50, s.summary().path("tokens").asLong());
            assertEquals(1 + 50 * 0.5, s.summary().path("cost").asDouble(), 1e-9);
        }
    }

    @Test
    void closingAStreamCancelsTheInstrument() throws Exception {
        int before = call("cancellations", "{}").path("count").asInt();
        try (KernelStream s = kernel.stream(new CapabilityCall("test", PROBE, "words", json("{\"count\":1000000,\"delayMs\":1}"), Duration.ofSeconds(20)))) {
            for (int i = 0; i < 3; i++) {
                assertNotNull(s.next());
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (call("cancellations", "{}").path("count").asInt() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(before + 1, call("cancellations", "{}").path("count").asInt());
    }

    @Test
    void aTimeoutFailsTheCallButNotTheHost() throws Exception {
        long pid = kernel.activate(PROBE);
        assertEquals(ErrorCode.TIMEOUT, failure("slow", "{\"ms\":5000}", Duration.ofMillis(300)));
        assertEquals(json("{\"echo\":{}}"), call("echo", "{}"));
        assertEquals(pid, kernel.player(PROBE).orElseThrow().hostPid());
    }

    @Test
    void aCrashFailsTheCallAndTheHostIsRestarted() throws Exception {
        long pid = kernel.activate(PROBE);
        assertEquals(ErrorCode.CRASHED, failure("crash", "{}", Duration.ofSeconds(20)));
        assertEquals(json("{\"echo\":{}}"), call("echo", "{}"));
        assertNotEquals(pid, kernel.player(PROBE).orElseThrow().hostPid());
        kernel.audit().flush();
        assertTrue(AuditLog.readAll(paths.data("audit")).stream().anyMatch(e -> e.path("what").asText().equals("host.crash")
                && e.path("detail").asText().contains("exit code 42")));
    }

    @Test
    void aHungHostIsKilledAndRestarted() throws Exception {
        long pid = kernel.activate(PROBE);
        long start = System.nanoTime();
        assertEquals(ErrorCode.CRASHED, failure("hang", "{}", Duration.ofSeconds(20)));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "detected by heartbeat, not by the call timeout");
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the hung host was killed");
        assertEquals(json("{\"echo\":{}}"), call("echo", "{}"));
    }

    /** A healthy host held back for 1.5 s (a loaded machine: no heartbeat meanwhile) is not killed as hung. */
    @Test
    void aHostSilentForASecondAndAHalfIsNotTakenForHung() throws Exception {
        assertEquals(json("{\"stalled\":true}"), call("stall", "{\"ms\":1500}"));
    }

    @Test
    void theHostRunsWithTheManifestsHeapLimit() throws Exception {
        assertTrue(call("heap", "{}").path("maxMb").asLong() <= 48);
        assertEquals(ErrorCode.CRASHED, failure("leak", "{}", Duration.ofSeconds(60)));
        assertEquals(json("{\"echo\":{}}"), call("echo", "{}"));
    }

    @Test
    void readsOutsideThePermittedPathsAreDeniedAndAudited() throws Exception {
        assertEquals("fine", call("read", "{\"path\":\"allowed/ok.txt\"}").path("text").asText());
        String input = "{\"path\":" + JSON.writeValueAsString(secret.toString()) + "}";
        assertEquals(ErrorCode.PERMISSION_DENIED, failure("read", input, Duration.ofSeconds(20)));
        assertEquals(ErrorCode.PERMISSION_DENIED, failure("read-raw", input, Duration.ofSeconds(20)));
        assertEquals(ErrorCode.PERMISSION_DENIED, failure("read", "{\"path\":\"allowed/link.txt\"}", Duration.ofSeconds(20)),
                "a symbolic link inside a permitted folder cannot lead outside it");
        kernel.audit().flush();
        List<JsonNode> denied = AuditLog.readAll(paths.data("audit")).stream()
                .filter(e -> e.path("who").asText().equals(PROBE) && e.path("decision").asText().equals("denied")).toList();
        String real = secret.toRealPath().toString();
        assertTrue(AuditLog.readAll(paths.data("audit")).stream().anyMatch(e -> e.path("who").asText().equals(PROBE)
                && e.path("what").asText().equals("reported.denial") && e.path("decision").asText().equals("reported")
                && e.path("reportedBy").asText().equals(PROBE) && e.path("resource").asText().contains(secret.toString())),
                "client-side denial audited as reported by the extension, not as a kernel decision");
        assertTrue(denied.stream().noneMatch(e -> e.has("reportedBy")), "a host's report never reads as a kernel denial: " + denied);
        assertTrue(denied.stream().anyMatch(e -> e.path("resource").asText().equals(real)
                && e.path("what").asText().equals("files.read") && !e.has("detail")), "kernel-side denial audited: " + denied);
        assertTrue(denied.stream().anyMatch(e -> e.path("resource").asText().equals(real)
                && e.path("detail").asText().contains("link.txt")), "symlink denial audited: " + denied);
    }

    @Test
    void extensionsCallOnlyTheirDeclaredDependenciesThroughTheKernel() throws Exception {
        String relay = "dev.symphony.test.relay";
        JsonNode out = kernel.call(new CapabilityCall("test", relay, "relay", json("{\"target\":\"" + PROBE + "\",\"capability\":\"echo\",\"input\":{\"x\":1}}"),
                Duration.ofSeconds(20))).output();
        assertEquals(json("{\"echo\":{\"x\":1}}"), out);
        CallFailedException bad = assertThrows(CallFailedException.class, () -> kernel.call(new CapabilityCall("test", relay, "relay",
                json("{\"target\":\"" + PROBE + "\",\"capability\":\"strict\",\"input\":{\"n\":\"x\"}}"), Duration.ofSeconds(20))).output());
        assertEquals(ErrorCode.INVALID_INPUT, bad.code(), "validated against the callee's schema");
        CallFailedException undeclared = assertThrows(CallFailedException.class, () -> kernel.call(new CapabilityCall("test", relay, "relay",
                json("{\"target\":\"" + relay + "\",\"capability\":\"relay\",\"input\":{}}"), Duration.ofSeconds(20))).output());
        assertEquals(ErrorCode.PERMISSION_DENIED, undeclared.code());
        int busy = 0;
        for (int i = 0; i < 20; i++) {
            try {
                kernel.call(new CapabilityCall("test", relay, "relay", json("{\"target\":\"" + PROBE + "\",\"capability\":\"echo\",\"input\":{}}"),
                        Duration.ofSeconds(20))).output();
            } catch (CallFailedException e) {
                assertEquals(ErrorCode.BUSY, e.code());
                busy++;
            }
        }
        assertTrue(busy >= 5, "20 calls at once exceed 5 calls/s: " + busy + " refused");
        kernel.audit().flush();
        assertTrue(AuditLog.readAll(paths.data("audit")).stream().anyMatch(e -> e.path("who").asText().equals(relay)
                && e.path("what").asText().equals("extension.call") && e.path("decision").asText().equals("denied")));
    }

    /**
     * Confused deputy: the relay has no permissions; the probe may read {@code allowed/}. Before, the relay read
     * the probe's files by calling it; now what the probe asks of the broker while serving the relay's call is
     * checked against the relay's permissions too.
     */
    @Test
    void aCallerGainsNoPermissionsThroughTheExtensionItCalls() throws Exception {
        String relay = "dev.symphony.test.relay";
        String ok = workspace.resolve("allowed/ok.txt").toString();
        assertEquals("fine", call("read", "{\"path\":\"" + ok + "\"}").path("text").asText(), "the probe may read it itself");
        Thread.sleep(1100); // a fresh second of the relay's 5 calls/s
        for (String capability : List.of("read", "read-raw")) {
            CallFailedException e = assertThrows(CallFailedException.class, () -> kernel.call(new CapabilityCall("test", relay, "relay",
                    json("{\"target\":\"" + PROBE + "\",\"capability\":\"" + capability + "\",\"input\":{\"path\":\"" + ok + "\"}}"),
                    Duration.ofSeconds(20))).output());
            assertEquals(ErrorCode.PERMISSION_DENIED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains(relay), "the refusal names the caller whose manifest does not allow it: " + e.getMessage());
        }
        kernel.audit().flush();
        assertTrue(AuditLog.readAll(paths.data("audit")).stream().anyMatch(e -> e.path("who").asText().equals(PROBE)
                && e.path("what").asText().equals("files.read") && e.path("decision").asText().equals("denied")
                && e.path("detail").asText().contains("on behalf of " + relay)), "audited as the probe acting for the relay");
    }

    @Test
    void theOsSandboxHidesFilesFromDirectJavaIo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sandbox.Mode.fromProperty() != Sandbox.Mode.OFF && Sandbox.available(),
                "bubblewrap is not usable here: only the brokered APIs are enforced (see kernel/README.md)");
        String input = "{\"path\":" + JSON.writeValueAsString(secret.toString()) + "}";
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> kernel.call(new CapabilityCall("test", PROBE, "read-direct", json(input), Duration.ofSeconds(20))).output());
        assertEquals(ErrorCode.EXTENSION_ERROR, e.code());
        assertTrue(e.getMessage().contains("NoSuchFile") || e.getMessage().contains(secret.toString()), e.getMessage());
    }

    @Test
    void disableAndEnableWithoutRestartingTheKernel() throws Exception {
        long pid = kernel.activate(PROBE);
        kernel.disable(PROBE);
        assertEquals(PlayerState.DISABLED, kernel.player(PROBE).orElseThrow().state());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the host was stopped");
        assertEquals(ErrorCode.CLOSED, failure("echo", "{}", Duration.ofSeconds(5)));
        assertFalse(kernel.store().enabled(PROBE), "persisted for the IDE and the CLI");
        kernel.enable(PROBE);
        assertEquals(json("{\"echo\":{}}"), call("echo", "{}"));
        assertTrue(kernel.store().enabled(PROBE));
    }

    @Test
    void theCatalogueIsBuiltOncePerChangeOfTheRegistry() {
        List<ExtensionManifest> before = kernel.catalogue();
        assertSame(before, kernel.catalogue(), "no change, no new catalogue");
        assertTrue(before.stream().anyMatch(m -> m.id().equals(PROBE)), before.toString());
        kernel.reload("dev.symphony.test.relay");
        List<ExtensionManifest> after = kernel.catalogue();
        assertNotSame(before, after, "a reload re-reads a manifest: a new catalogue");
        assertEquals(before.stream().map(ExtensionManifest::id).toList(), after.stream().map(ExtensionManifest::id).toList());
    }
}
