package dev.symphony.kernel.extensions;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each way {@link HostLimits} can hold a host, started for real: the limits the OS then reports for the started process.
 * (The limits against a real host, a thread bomb and memory past the limit: {@code HostileHostTest}.)
 */
class HostLimitsTest {
    @Test
    void whateverLimitAppliesHereTheProgramUnderItRuns() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        try (HostLimits limits = HostLimits.create("dev.symphony.test.limits", HostLimits.MAX_TASKS, HostLimits.memoryBytes(48, false))) {
            String limitsFile = run(limits, "/bin/cat", "/proc/self/limits");
            assertTrue(limitsFile.contains("Max processes"), limits.describe() + ": " + limitsFile);
            if (limits.describe().startsWith("cgroup v1")) {
                String groups = run(limits, "/bin/cat", "/proc/self/cgroup");
                assertTrue(groups.lines().anyMatch(l -> l.contains("pids") && l.contains("limits-")), "in its pids group: " + groups);
                assertTrue(groups.lines().anyMatch(l -> l.contains("memory") && l.contains("limits-")), "in its memory group: " + groups);
            }
            if (limits.memoryLimit() > 0) {
                assertEquals((48L + HostLimits.NATIVE_ALLOWANCE_MB) << 20, limits.memoryLimit(), limits.describe());
                assertTrue(limits.describe().contains((limits.memoryLimit() >> 20) + " MB"), "the host's log names it: " + limits.describe());
            }
        }
    }

    /** Where no group or scope can be made: the user's tasks plus the allowance, as the OS reports it to the host. */
    @Test
    void theFallbackIsTheUsersTasksPlusTheAllowance() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
        HostLimits limits = HostLimits.rlimit(HostLimits.MAX_TASKS);
        assumeTrue(!limits.prefix().isEmpty(), "no prlimit here");
        long before = HostLimits.userTasks();
        String reported = run(limits, "/bin/cat", "/proc/self/limits").lines().filter(l -> l.startsWith("Max processes"))
                .findFirst().orElseThrow();
        long nproc = Long.parseLong(reported.split("\\s+")[2]);
        assertTrue(nproc >= before + HostLimits.MAX_TASKS - 64 && nproc <= before + HostLimits.MAX_TASKS + 64,
                "RLIMIT_NPROC " + nproc + " for a user with " + before + " tasks");
        assertTrue(limits.describe().contains("does not bind root"), limits.describe());
    }

    private static String run(HostLimits limits, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(limits.prefix());
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), cmd + ": " + out);
        return out;
    }
}
