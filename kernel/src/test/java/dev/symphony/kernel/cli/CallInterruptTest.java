package dev.symphony.kernel.cli;

import dev.symphony.kernel.extensions.TestPlugins;
import dev.symphony.kernel.process.JvmFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code symphony call} in its own process, stopped the way Ctrl-C stops it: the JVM's shutdown hook must cancel
 * the stream (the extension sees the cancellation) and stop the host, which then exits by itself.
 */
class CallInterruptTest {
    static final String PROBE = "dev.symphony.test.probe";

    @Test
    void sigtermDuringAStreamCancelsItAndStopsTheHost(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        Path archive = TestPlugins.zip(TestPlugins.build("probe", tmp.resolve("build")), tmp.resolve("probe.zip"));
        TestPlugins.install(new dev.symphony.kernel.extensions.ExtensionStore(dev.symphony.kernel.paths.SymphonyPaths.under(home).data("extensions")), archive);

        JvmFlags flags = JvmFlags.forCurrentRuntime();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags.flags());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CallMain.class.getName(),
                PROBE, "words", "{\"count\":100000,\"delayMs\":5}"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().putAll(flags.environment());
        pb.environment().put("SYMPHONY_HOME", home.toString());
        Process call = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(call.getInputStream(), StandardCharsets.UTF_8));
            for (int i = 0; i < 5; i++) {
                String line = out.readLine();
                assertNotNull(line, "the stream ended early: " + Files.readString(tmp.resolve("err.txt")));
                assertTrue(line.contains("\"token\""), line);
            }
            List<ProcessHandle> hosts = call.toHandle().descendants().toList(); // the host (and its sandbox)
            assertFalse(hosts.isEmpty(), "a host runs the stream");

            call.destroy(); // SIGTERM on Unix: the JVM runs its shutdown hooks, as for Ctrl-C's SIGINT
            assertTrue(call.waitFor(20, TimeUnit.SECONDS), "the call process ended");
            String err = Files.readString(tmp.resolve("err.txt"));
            assertTrue(err.contains("interrupted; cancelled the call and stopped the extension hosts"), err);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (hosts.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of(), hosts.stream().filter(ProcessHandle::isAlive).toList(), "no host outlives the call");
            Path record;
            try (Stream<Path> files = Files.walk(home)) {
                record = files.filter(f -> f.getFileName().toString().equals("words-cancelled.txt")).findFirst().orElse(null);
            }
            assertNotNull(record, "the extension saw the cancellation (it records it in its data folder); stderr: " + err);
            assertTrue(Files.readString(record).startsWith("after "), Files.readString(record));
        } finally {
            call.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            call.destroyForcibly();
        }
    }
}
