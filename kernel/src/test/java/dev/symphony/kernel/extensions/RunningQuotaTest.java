package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Quotas a real probe host meets while it runs, against a real kernel: the total of its data folder (a small quota
 * here, {@link KernelContext#dataQuota}) and the bytes a second of its requests on the bus. Before: a running host
 * could fill the disk with many files each under the per-file cap (the total was measured only at its next start),
 * and could send requests on the bus as fast as the kernel decoded them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunningQuotaTest {
    static final String PROBE = KernelIntegrationTest.PROBE;
    static final ObjectMapper JSON = new ObjectMapper();
    static final long QUOTA = 16L << 20;
    /** Low, so that even a host starved of CPU on a loaded machine sends faster than this. */
    static final long BUS_BYTES_PER_SECOND = 1L << 20;
    SymphonyPaths paths;
    Kernel kernel;
    DecoyProbeKernel probe;

    @BeforeAll
    void start(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tmp) throws Exception {
        probe = DecoyProbeKernel.start(tmp, context -> context.dataQuota(QUOTA).requestBytesPerSecond(BUS_BYTES_PER_SECOND));
        paths = probe.paths;
        kernel = probe.kernel;
    }

    @AfterAll
    void stop() throws Exception {
        if (probe != null) {
            probe.close();
        }
    }

    JsonNode call(String capability, String input) throws Exception {
        return probe.call(capability, input, Duration.ofSeconds(60));
    }

    @Test
    void aHostThatFillsItsDataFolderPastTheQuotaIsStoppedNamingTheLimitAndTheFolder() throws Exception {
        call("echo", "{}");
        Path data = kernel.player(PROBE).orElseThrow().roots.extensionData();
        long pid = kernel.player(PROBE).orElseThrow().hostPid();
        int files = 64; // 64 MB in 1 MB files, each far under the per-file cap
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> call("hoard", "{\"dir\":\"" + data + "\",\"files\":" + files + ",\"pauseMs\":20}"),
                "the host wrote " + files + " MB into its folder under a quota of " + (QUOTA >> 20) + " MB");
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(PROBE) && e.getMessage().contains(data.toString())
                && e.getMessage().contains("quota of " + (QUOTA >> 20) + " MB"), e.getMessage());
        long used = DataQuota.usage(data);
        assertTrue(used > QUOTA && used < files << 20, "stopped soon after it passed the quota, not at the end: " + (used >> 20) + " MB");
        boolean audited = false;
        for (long deadline = System.nanoTime() + 10_000_000_000L; !audited && System.nanoTime() < deadline; Thread.sleep(100)) {
            kernel.audit().flush(); // the supervisor records the stop on its own thread
            audited = AuditLog.readAll(paths.data("audit")).stream().anyMatch(a -> a.path("what").asText().equals("host.crash")
                    && a.path("resource").asText().equals(PROBE) && a.path("detail").asText().contains("over its quota"));
        }
        assertTrue(audited, "the stop is audited with the quota");

        CallFailedException refused = assertThrows(CallFailedException.class, () -> call("echo", "{}"));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, refused.code(), "not started again while the folder is over: " + refused.getMessage());
        assertTrue(refused.getMessage().contains(data.toString()), refused.getMessage());
        try (var hoard = Files.list(data)) {
            for (Path f : hoard.filter(f -> f.getFileName().toString().startsWith("hoard-")).toList()) {
                Files.delete(f);
            }
        }
        assertEquals(JSON.readTree("{\"echo\":{}}"), call("echo", "{}"), "once the user made room, a fresh host answers");
        assertNotEquals(pid, kernel.player(PROBE).orElseThrow().hostPid());
    }

    @Test
    void aHostFloodingTheBusWithRequestsIsHeldToItsBytesASecond() throws Exception {
        call("echo", "{}");
        long pid = kernel.player(PROBE).orElseThrow().hostPid();
        int kb = 512;
        int count = 100; // 50 MiB
        JsonNode flood = call("bus-flood", "{\"count\":" + count + ",\"kb\":" + kb + "}");
        double seconds = flood.path("seconds").asDouble();
        double burst = Math.max(BUS_BYTES_PER_SECOND * HostQuota.BURST_SECONDS, MessageHeaderDescriptor.MAX_PAYLOAD_LENGTH);
        double allowed = burst + BUS_BYTES_PER_SECOND * seconds;
        int answered = flood.path("answered").asInt();
        assertTrue(answered * (kb << 10) <= allowed, answered + " requests of " + kb + " KiB answered in " + seconds
                + " s; the quota allows " + allowed + " bytes: " + flood);
        assertTrue(answered >= burst / ((kb << 10) + 1024) - 1, "the quota's burst got through: " + flood);
        assertEquals(count, answered + flood.path("LIMIT_EXCEEDED").asInt(), "every request answered or refused over the rate: " + flood);
        assertTrue(flood.path("refusal").asText().contains(PROBE) && flood.path("refusal").asText().contains("1 MiB a second"),
                "the refusal names the extension and the limit: " + flood);
        kernel.audit().flush();
        assertTrue(AuditLog.readAll(paths.data("audit")).stream().anyMatch(a -> a.path("what").asText().equals("bus.quota")
                && a.path("resource").asText().equals(PROBE) && a.path("decision").asText().equals("denied")), "the refusals are audited");
        assertEquals(JSON.readTree("{\"echo\":{}}"), call("echo", "{}"), "the flooding host still answers");
        assertEquals(pid, kernel.player(PROBE).orElseThrow().hostPid(), "the same host: held to its quota, not killed");
    }
}
