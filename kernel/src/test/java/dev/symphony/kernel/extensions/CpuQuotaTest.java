package dev.symphony.kernel.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code maxCpuShare} enforced by the OS: a host that keeps every CPU busy gets no more than its
 * share of the machine. Skipped (with the reason) where this process may not create control groups.
 */
class CpuQuotaTest {
    static final String SPINNER = "dev.symphony.test.spinner";

    @Test
    void weightsFollowTheSchedulersNiceTable() {
        assertEquals(1024, CpuQuota.weight(0));
        assertEquals(110, CpuQuota.weight(10));
        assertEquals(15, CpuQuota.weight(19));
        assertEquals(15, CpuQuota.weight(40), "clamped to the nicest level");
    }

    /** A niced host's group must not compete with the IDE at full weight (the scheduler shares between groups first). */
    @Test
    void aGroupCarriesTheWeightOfTheHostsNiceness() throws Exception {
        Optional<CpuQuota> group = CpuQuota.create(CpuQuota.groupName("weight-check"), 0.5, 10);
        assumeTrue(group.isPresent(), "no control group can be created here");
        try (CpuQuota g = group.get()) {
            long w = g.reportedWeight();
            assertTrue(w == 110 || w == 11, "v1 cpu.shares 110 or v2 cpu.weight 11, was " + w + " (" + g.describe() + ")");
        }
    }

    @Test
    void aHostIsThrottledToItsManifestsCpuShare(@TempDir Path tmp) throws Exception {
        Optional<CpuQuota> probe = CpuQuota.create(CpuQuota.groupName("quota-check"), 0.5, 0);
        probe.ifPresent(CpuQuota::close);
        assumeTrue(probe.isPresent(), "no control group can be created here (not root, no delegated cgroup): "
                + "maxCpuShare stays a JVM hint, as kernel/README.md says");

        SymphonyPaths paths = SymphonyPaths.under(tmp.resolve("home"));
        Path archive = TestPlugins.zip(TestPlugins.build("spinner", tmp.resolve("build")), tmp.resolve("spinner.zip"));
        TestPlugins.install(new ExtensionStore(paths.data("extensions")), archive);
        try (Kernel kernel = Kernel.start(new KernelContext().paths(paths).workspace(tmp))) {
            long pid = kernel.activate(SPINNER);
            ObjectMapper json = new ObjectMapper();
            JsonNode out = json.readTree(kernel.call(new CapabilityCall("test", SPINNER, "spin", json.readTree("{\"ms\":1500}"),
                    Duration.ofSeconds(30))).output().path("text").asText());
            double cores = out.path("cpuMs").asDouble() / out.path("wallMs").asDouble();
            double allowed = 0.25 * Runtime.getRuntime().availableProcessors();
            assertTrue(cores <= allowed * 1.3 + 0.02, "used " + cores + " cores, allowed " + allowed + ": " + out);

            String log = Files.readString(paths.data("logs").resolve("extensions").resolve(SPINNER + ".log"));
            assertTrue(log.contains("CPU limited to 0.25 of the machine by cgroup"), log);
            String groups = Files.readString(Path.of("/proc/" + pid + "/cgroup"));
            assertTrue(groups.contains(CpuQuota.PREFIX), "the host runs in its quota group: " + groups);
        }
    }
}
