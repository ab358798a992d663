package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.ipc.api.MessageHeaderDescriptor;
import dev.symphony.kernel.audit.AuditLog;
import dev.symphony.kernel.paths.SymphonyPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Red-team cases at run time, against a real kernel and a real probe host: a host that floods the kernel with
 * events, asks for more broker threads than its share, or is sent more than the bus carries is held to its
 * quota — the call fails, the host and the kernel go on; a program it starts is sandboxed and cannot fork without
 * bound. Each case failed before its fix (see the method).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileHostTest {
    static final String PROBE = KernelIntegrationTest.PROBE;
    static final ObjectMapper JSON = new ObjectMapper();
    SymphonyPaths paths;
    Path secret;
    Kernel kernel;
    HttpServer server;
    DecoyHome decoy;
    DecoyProbeKernel probe;

    @BeforeAll
    void start(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tmp) throws Exception {
        probe = DecoyProbeKernel.start(tmp, context -> context);
        decoy = probe.decoy;
        paths = probe.paths;
        kernel = probe.kernel;
        secret = Files.writeString(tmp.resolve("secret.txt"), "TOP SECRET");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/slow", x -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (probe != null) {
                probe.close();
            }
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    JsonNode call(String capability, String input) throws Exception {
        return probe.call(capability, input, Duration.ofSeconds(30));
    }

    /** Before: every event was decoded, audited and queued for the listeners, without bound. */
    @Test
    void anEventFloodIsHeldToTheHostsQuota() throws Exception {
        call("echo", "{}");
        long pid = kernel.player(PROBE).orElseThrow().hostPid();
        AtomicInteger heard = new AtomicInteger();
        long start = System.nanoTime();
        try (AutoCloseable listening = kernel.onExtensionEvent((id, name, payload) -> heard.incrementAndGet())) {
            assertEquals(20_000, call("flood", "{\"count\":20000}").path("sent").asInt());
            Thread.sleep(300); // the last events reach the listeners
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long allowed = HostQuota.EVENTS_PER_SECOND * (long) HostQuota.BURST_SECONDS + (long) (HostQuota.EVENTS_PER_SECOND * seconds);
        assertTrue(heard.get() <= allowed, heard.get() + " events heard in " + seconds + " s; the quota allows " + allowed);
        assertTrue(heard.get() >= HostQuota.EVENTS_PER_SECOND, "the quota's burst got through: " + heard.get());
        kernel.audit().flush();
        assertTrue(AuditLog.readAll(paths.data("audit")).stream().anyMatch(e -> e.path("what").asText().equals("event.quota")
                && e.path("resource").asText().equals(PROBE) && e.path("decision").asText().equals("denied")
                && e.path("detail").asText().contains("dropped")), "the drops are audited");
        long reportedEvents = AuditLog.readAll(paths.data("audit")).stream()
                .filter(e -> e.path("what").asText().equals("reported.event")).count();
        assertTrue(reportedEvents <= allowed, "no audit entry per dropped event: " + reportedEvents);
        assertEquals(JSON.readTree("{\"echo\":{}}"), call("echo", "{}"), "the flooding host still answers");
        assertEquals(pid, kernel.player(PROBE).orElseThrow().hostPid(), "the same host: held to its quota, not killed");
        if (Files.isExecutable(Path.of("/usr/bin/chrt"))) { // Linux: the flooder runs on at the lowest CPU priority
            boolean audited = false;
            for (long deadline = System.nanoTime() + 10_000_000_000L; !audited && System.nanoTime() < deadline; Thread.sleep(100)) {
                kernel.audit().flush();
                audited = AuditLog.readAll(paths.data("audit")).stream().anyMatch(e -> e.path("what").asText().equals("event.flood")
                        && e.path("resource").asText().equals(PROBE) && e.path("detail").asText().contains("SCHED_IDLE"));
            }
            assertTrue(audited, "the lowered priority is audited");
            ProcessHandle host = ProcessHandle.of(pid).orElseThrow();
            for (ProcessHandle p : java.util.stream.Stream.concat(java.util.stream.Stream.of(host), host.descendants()).toList()) {
                for (String tid : FloodThrottle.tasks(p.pid())) {
                    try {
                        assertEquals(FloodThrottle.SCHED_IDLE, FloodThrottle.policy(p.pid(), tid), "task " + tid + " of " + p.pid());
                    } catch (java.nio.file.NoSuchFileException ended) {
                        // a thread that ended meanwhile
                    }
                }
            }
            // The kernel reads the flood on a thread of its own, at the same priority: the shared pump is left to the others.
            assertTrue(kernel.bus().isIsolated(kernel.player(PROBE).orElseThrow().host().endpoint), "the channel has its own pump");
            String detail = AuditLog.readAll(paths.data("audit")).stream().filter(e -> e.path("what").asText().equals("event.flood"))
                    .map(e -> e.path("detail").asText()).findFirst().orElseThrow();
            java.util.regex.Matcher drainer = java.util.regex.Pattern.compile("thread (\\d+) scheduled as SCHED_IDLE").matcher(detail);
            assertTrue(drainer.find(), detail);
            assertEquals(FloodThrottle.SCHED_IDLE, FloodThrottle.policy(ProcessHandle.current().pid(), drainer.group(1)),
                    "the kernel's pump thread for the flooding channel");
            assertEquals(JSON.readTree("{\"echo\":{}}"), call("echo", "{}"), "calls to the flooding host are answered from there");
            kernel.supervisor().stop(kernel.player(PROBE).orElseThrow()); // the other cases get a host at the usual priority
            String name = "kernel-bus-flood-" + pid;
            for (long deadline = System.nanoTime() + 5_000_000_000L; System.nanoTime() < deadline
                    && Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name)); ) {
                Thread.sleep(20);
            }
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(name)),
                    "the channel's own pump thread ends with its host");
        }
    }

    /** Before: the request was registered, the write threw, the slot leaked, and the supervisor killed the host as hung. */
    @Test
    void aRequestOverTheBusLimitFailsAloneAndTheHostIsNotKilled() throws Exception {
        call("echo", "{}");
        long pid = kernel.player(PROBE).orElseThrow().hostPid();
        String big = "x".repeat(MessageHeaderDescriptor.MAX_PAYLOAD_LENGTH + 10);
        CallFailedException e = assertThrows(CallFailedException.class, () -> kernel.call(new CapabilityCall("test", PROBE, "echo",
                JSON.createObjectNode().put("big", big), Duration.ofSeconds(30))));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(PROBE) && e.getMessage().contains(Integer.toString(MessageHeaderDescriptor.MAX_PAYLOAD_LENGTH)),
                e.getMessage());
        assertEquals(0, kernel.player(PROBE).orElseThrow().host().endpoint.pendingCalls(),
                "nothing left pending: the supervisor would call a silent host with calls in flight hung");
        Thread.sleep(2 * Supervisor.TICK_MILLIS + 1000);
        assertEquals(pid, kernel.player(PROBE).orElseThrow().hostPid(), "the same host runs: it was not killed as hung");
        assertEquals(JSON.readTree("{\"echo\":{}}"), call("echo", "{}"));
    }

    /**
     * Before: the host JVM itself had no task limit (only the programs it starts did): a thread or fork bomb in
     * extension code took every task the machine had. Now it stops at {@link HostLimits#MAX_TASKS}, the host goes on.
     */
    @Test
    void aThreadBombInTheHostStopsAtItsTaskLimitAndTheHostGoesOn() throws Exception {
        long pid = runningHostHeldByLimits("no control group or systemd scope can be made here, so no task limit binds the host");
        JsonNode bomb = call("threads", "{\"n\":" + 3 * HostLimits.MAX_TASKS + "}");
        assertTrue(bomb.path("started").asInt() < HostLimits.MAX_TASKS, "the host started more tasks than its limit: " + bomb);
        assertTrue(bomb.path("error").asText().contains("OutOfMemoryError"), bomb.toString());
        assertEquals(JSON.readTree("{\"echo\":{}}"), call("echo", "{}"), "the host still answers");
        assertEquals(pid, kernel.player(PROBE).orElseThrow().hostPid(), "the same host");
    }

    /** The running host's pid, or the test is skipped (saying {@code why}) where no OS limit can bind it. */
    private long runningHostHeldByLimits(String why) throws Exception {
        call("echo", "{}");
        String log = Files.readString(paths.data("logs").resolve("extensions").resolve(PROBE + ".log"));
        org.junit.jupiter.api.Assumptions.assumeTrue(groupsCanBeMade() || log.contains("limits: systemd"), why + ": " + log);
        return kernel.player(PROBE).orElseThrow().hostPid();
    }

    /** True where this process may make pids and memory groups (root, or a delegated hierarchy): then they must bind the host. */
    static boolean groupsCanBeMade() throws java.io.IOException {
        return CpuQuota.ownGroup(false, "pids").filter(Files::isWritable).isPresent()
                && CpuQuota.ownGroup(false, "memory").filter(Files::isWritable).isPresent()
                || CpuQuota.ownGroup(true, "").filter(Files::isWritable).filter(HostileHostTest::delegatesPidsAndMemory).isPresent();
    }

    private static boolean delegatesPidsAndMemory(Path v2Group) {
        try {
            String controllers = Files.readString(v2Group.resolve("cgroup.subtree_control"));
            return controllers.contains("pids") && controllers.contains("memory");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Before: nothing but {@code -Xmx} bounded a host: native memory (and the pages it writes to RAM-backed folders)
     * could take the machine's. Now the OS ends the host at heap + {@link HostLimits#NATIVE_ALLOWANCE_MB}, the calls
     * fail naming the extension and the limit, the audit says so, and the next call starts a fresh host.
     */
    @Test
    void aHostPastItsMemoryLimitIsStoppedWithAnErrorNamingTheLimit() throws Exception {
        long pid = runningHostHeldByLimits("no memory group or systemd scope can be made here, so only -Xmx binds the host");
        long limitMb = HostLimits.memoryBytes(48, false) >> 20; // the probe's maxHeapMb is 48
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> call("allocate", "{\"mb\":" + (limitMb + 256) + "}"), "the host allocated past its memory limit");
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(PROBE) && e.getMessage().contains("memory limit of " + limitMb + " MB"), e.getMessage());
        boolean audited = false;
        for (long deadline = System.nanoTime() + 10_000_000_000L; !audited && System.nanoTime() < deadline; Thread.sleep(100)) {
            kernel.audit().flush(); // the supervisor records the stop on its own thread
            audited = AuditLog.readAll(paths.data("audit")).stream().anyMatch(a -> a.path("what").asText().equals("host.crash")
                    && a.path("resource").asText().equals(PROBE) && a.path("detail").asText().contains("memory limit of " + limitMb + " MB"));
        }
        assertTrue(audited, "the stop is audited with the limit");
        assertEquals(JSON.readTree("{\"echo\":{}}"), call("echo", "{}"), "a fresh host answers");
        assertNotEquals(pid, kernel.player(PROBE).orElseThrow().hostPid());
    }

    /**
     * Before: the sandbox's {@code /tmp} and {@code /dev/shm} were tmpfs of half the machine's RAM each. Now each has a
     * fixed size: a write past it fails in the host ("No space left on device"), the host goes on; {@code /dev} itself
     * is read-only.
     */
    @Test
    void theSandboxesTmpAndDevShmAreCapped() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sandbox.Mode.fromProperty() != Sandbox.Mode.OFF && Sandbox.available(),
                "bubblewrap is not usable here: the host's /tmp is the machine's");
        call("echo", "{}");
        long pid = kernel.player(PROBE).orElseThrow().hostPid();
        for (var folder : java.util.Map.of("/tmp", Sandbox.TMP_BYTES, "/dev/shm", Sandbox.SHM_BYTES).entrySet()) {
            long capMb = folder.getValue() >> 20;
            JsonNode filled = call("fill", "{\"dir\":\"" + folder.getKey() + "\",\"mb\":" + (capMb + 32) + "}");
            assertTrue(filled.path("written").asLong() <= capMb, folder.getKey() + " holds more than its " + capMb + " MB: " + filled);
            assertTrue(filled.path("error").asText().contains("No space left on device"), filled.toString());
        }
        JsonNode dev = call("fill", "{\"dir\":\"/dev\",\"mb\":1}");
        assertTrue(dev.path("error").asText().contains("Read-only file system"), "/dev is read-only: " + dev);
        assertEquals(pid, kernel.player(PROBE).orElseThrow().hostPid(), "the same host goes on");
    }

    JsonNode stream(String capability, String input) throws Exception {
        try (KernelStream stream = kernel.stream(new CapabilityCall("test", PROBE, capability, JSON.readTree(input), Duration.ofSeconds(30)))) {
            return stream.next();
        }
    }

    /** Before: the kernel ran the program outside any sandbox, with the user's rights: it read any file the user can. */
    @Test
    void aProgramASandboxedHostStartsRunsInASandboxToo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sandbox.Mode.fromProperty() != Sandbox.Mode.OFF && Sandbox.available(),
                "bubblewrap is not usable here: programs run as their (trusted) host does");
        JsonNode fine = stream("run", "{\"command\":[\"sh\",\"-c\",\"echo hi > note.txt && cat note.txt\"]}");
        assertEquals(0, fine.path("exit").asInt(), fine.toString());
        assertEquals("hi", fine.path("out").asText().strip(), "it runs, in the extension's data folder: " + fine);
        JsonNode planted = stream("run", "{\"command\":[\"sh\",\"-c\",\"echo evil > " + decoy.root() + "/.config/autostart/evil.desktop\"]}");
        assertNotEquals(0, planted.path("exit").asInt(), "the program wrote into the user's autostart folder: " + planted);
        JsonNode stolen = stream("run", "{\"command\":[\"cat\",\"" + secret + "\"]}");
        assertNotEquals(0, stolen.path("exit").asInt(), stolen.toString());
        assertFalse(stolen.path("out").asText().contains("TOP SECRET"), "the program cannot see files outside its sandbox: " + stolen);
        CallFailedException outside = assertThrows(CallFailedException.class,
                () -> stream("run", "{\"command\":[\"ls\"],\"dir\":\"" + secret.getParent() + "\"}"));
        assertEquals(ErrorCode.PERMISSION_DENIED, outside.code(), "a working folder the manifest does not let it read: " + outside.getMessage());
    }

    /** Before: a program could fork until the machine's process table was full (RLIMIT_NPROC does not bind root). */
    @Test
    void aForkBombInAProgramStopsAtTheProcessLimit() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Sandbox.Mode.fromProperty() != Sandbox.Mode.OFF && Sandbox.available(),
                "bubblewrap is not usable here: programs run as their (trusted) host does");
        var probeLimit = ProcessLimit.create("dev.symphony.test.check", 8);
        org.junit.jupiter.api.Assumptions.assumeTrue(probeLimit.isPresent(),
                "no control group can be made here (not root, no delegated hierarchy): programs have no process-count limit");
        probeLimit.get().close();
        int tries = ProcessLimit.MAX_TASKS * 3;
        JsonNode bomb = stream("run", "{\"command\":[\"sh\",\"-c\",\"n=0; for i in $(seq " + tries
                + "); do sleep 2 >/dev/null 2>&1 & n=$((n+1)); done 2>/dev/null; echo $(jobs -p | wc -l)\"]}");
        int started = Integer.parseInt(bomb.path("out").asText().strip().isEmpty() ? "0" : bomb.path("out").asText().strip());
        assertTrue(started < ProcessLimit.MAX_TASKS, "at most the limit's processes ran at once: " + bomb);
        assertEquals(JSON.readTree("{\"echo\":{}}"), call("echo", "{}"), "the host and the kernel go on");
    }

    /** Before: a host could write one file as large as the user's disk into its data folder; now the OS caps each file. */
    @Test
    void everyFileTheHostWritesIsCappedAtItsDataQuota() throws Exception {
        call("echo", "{}");
        org.junit.jupiter.api.Assumptions.assumeTrue(!DataQuota.prefix(DataQuota.BYTES).isEmpty(), "no prlimit here: no per-file cap");
        long pid = kernel.player(PROBE).orElseThrow().hostPid();
        String limits = Files.readAllLines(Path.of("/proc/" + pid + "/limits")).stream().filter(l -> l.startsWith("Max file size"))
                .findFirst().orElseThrow();
        assertEquals(Long.toString(DataQuota.BYTES), limits.split("\\s{2,}")[1].strip(), "as the OS reports it: " + limits);
    }

    /** Before: one host could occupy every thread of the broker pool all hosts share. */
    @Test
    void aHostGetsAtMostItsShareOfTheBrokersThreads() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/slow";
        JsonNode outcomes;
        try (KernelStream stream = kernel.stream(new CapabilityCall("test", PROBE, "parallel-fetch",
                JSON.readTree("{\"count\":12,\"url\":\"" + url + "\"}"), Duration.ofSeconds(30)))) {
            outcomes = stream.next();
        }
        assertEquals(HostQuota.MAX_BROKER_REQUESTS, outcomes.path("status 204").asInt(), "served: " + outcomes);
        assertEquals(12 - HostQuota.MAX_BROKER_REQUESTS, outcomes.path("BUSY").asInt(), "refused: " + outcomes);
        assertEquals(JSON.readTree("{\"echo\":{}}"), call("echo", "{}"));
    }
}
