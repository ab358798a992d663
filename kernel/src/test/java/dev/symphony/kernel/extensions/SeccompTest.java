package dev.symphony.kernel.extensions;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seccomp filter, loaded for real by bubblewrap: what a hostile host would try (a new user namespace to gain
 * capabilities in, a mount, ptrace) is refused inside the sandbox, while a JVM still runs. Each refusal is first shown to
 * succeed in the same sandbox without the filter, so the test fails if the filter stops refusing it.
 */
class SeccompTest {
    private static final List<String> BASE = List.of("--die-with-parent", "--unshare-all", "--new-session", "--proc", "/proc",
            "--dev", "/dev", "--tmpfs", "/tmp", "--ro-bind", "/usr", "/usr", "--ro-bind-try", "/lib", "/lib", "--ro-bind-try", "/lib64",
            "/lib64", "--ro-bind-try", "/bin", "/bin", "--ro-bind-try", "/etc/alternatives", "/etc/alternatives");

    @Test
    void theProgramIsWholeInstructionsEndingInReturns() {
        for (int arch = 0; arch < 2; arch++) {
            byte[] program = Seccomp.program(arch);
            assertEquals(0, program.length % 8, "8 bytes per sock_filter");
            assertTrue(program.length / 8 < 4096, "BPF_MAXINSNS");
        }
        assertTrue(Seccomp.deniedCalls().containsAll(List.of("ptrace", "mount", "unshare", "setns", "bpf", "kexec_load", "init_module")));
    }

    @Test
    void aSandboxedProgramCannotMakeANamespaceMountOrTraceButAJvmRuns() throws Exception {
        assumeTrue(Sandbox.available(), "bubblewrap is not usable here");
        assumeTrue(Seccomp.file().isPresent(), "no seccomp filter for " + System.getProperty("os.arch"));
        String unshare = "unshare --user --map-root-user true";
        assertEquals(0, run(false, unshare), "without the filter a new user namespace can be made in the sandbox (the test's premise)");
        assertNotEquals(0, run(true, unshare), "with the filter, unshare is refused");
        assertTrue(out(true, unshare).contains("Operation not permitted"), out(true, unshare));

        assertNotEquals(0, run(true, "unshare --user --map-root-user mount -t tmpfs none /tmp"), "mount");
        if (new java.io.File("/usr/bin/strace").canExecute()) {
            assertEquals(0, run(false, "strace -o /dev/null true"), "ptrace works without the filter");
            assertNotEquals(0, run(true, "strace -o /dev/null true"), "ptrace is refused with it");
        }
        String java = System.getProperty("java.home") + "/bin/java";
        List<String> jvm = new ArrayList<>(List.of("--ro-bind", System.getProperty("java.home"), System.getProperty("java.home")));
        jvm.addAll(List.of(java, "-Xshare:off", "-XX:+UseSerialGC", "-version"));
        assertEquals(0, exec(command(true, jvm)).exit, "a JVM (threads through clone, clone3 answered ENOSYS) runs under the filter");
    }

    private record Result(int exit, String output) {
    }

    private static List<String> command(boolean filtered, List<String> tail) {
        List<String> cmd = new ArrayList<>(filtered ? Seccomp.bwrapPrefix() : List.of("bwrap"));
        cmd.addAll(BASE);
        cmd.addAll(tail);
        return cmd;
    }

    private static int run(boolean filtered, String shell) throws Exception {
        return exec(command(filtered, List.of("/bin/sh", "-c", shell))).exit;
    }

    private static String out(boolean filtered, String shell) throws Exception {
        return exec(command(filtered, List.of("/bin/sh", "-c", shell))).output;
    }

    private static Result exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + cmd);
        return new Result(p.exitValue(), out);
    }
}
