package dev.symphony.ui.terminal.pty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pty4j.PtyProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import dev.symphony.kernel.paths.SymphonyPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real programs on real ptys, without a window: the command API and the no-orphans guarantee. */
class TerminalProcessesTest {
    @TempDir
    Path temp;
    private ChildProcesses children;
    private PtyLauncher launcher;
    private HeadlessTerminalRunner runner;

    @BeforeEach
    void start() {
        children = new ChildProcesses();
        launcher = new PtyLauncher(SymphonyPaths.resolve().cache("pty4j"), children);
        ShellCommand defaults = new ShellCommand(List.of("/bin/sh"),
                ShellSettings.environment(System.getenv(), List.of("GREETING=hello")), temp, 80, 24);
        runner = new HeadlessTerminalRunner(launcher, () -> defaults);
    }

    @AfterEach
    void stop() {
        children.close();
    }

    @Test
    void aCommandsExitStatusAndOutputComeBack() throws Exception {
        CommandResult result = runner.run(CommandRequest.shell("printf 'a\\033[31mb\\033[0m %s\\n' \"$GREETING\"; exit 3"))
                .get(20, TimeUnit.SECONDS);
        assertEquals(3, result.exitCode());
        assertTrue(result.output().contains("\u001b[31m"), "raw output keeps the escape sequences: " + result.output());
        assertEquals("ab hello\n", result.text());
    }

    @Test
    void theProgramSeesATerminalOfTheRequestedSize() throws Exception {
        CommandResult result = runner.run(CommandRequest.shell("test -t 0 && test -t 1 && echo tty; stty size; echo $TERM"))
                .get(20, TimeUnit.SECONDS);
        assertEquals("tty\n24 80\nxterm-256color\n", result.text());
        assertEquals(0, result.exitCode());
    }

    @Test
    void aProgramThatCannotStartFailsTheFutureNamingIt() {
        var future = runner.run(CommandRequest.of("/no/such/program"));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().contains("/no/such/program"), failure.getCause().toString());
    }

    @Test
    void nativesAreUnpackedOnceIntoTheCacheFolderAndReusedOnTheNextStart() throws Exception {
        // pty4j unpacks once per JVM, so each start is a fresh JVM
        Path cache = temp.resolve("home/cache/pty4j");
        assertEquals("ok", NativeCacheProbe.runInChildJvm(cache).strip());
        Path library;
        try (var files = Files.walk(cache)) {
            library = files.filter(p -> p.getFileName().toString().startsWith("libpty")).findFirst().orElseThrow();
        }
        var unpackedAt = Files.getLastModifiedTime(library);
        Thread.sleep(1100); // file times may have one-second resolution
        assertEquals("ok", NativeCacheProbe.runInChildJvm(cache).strip());
        assertEquals(unpackedAt, Files.getLastModifiedTime(library), "the second start reused the unpacked library");
    }

    @Test
    void closingEndsTheWholeTreeIncludingJobsTheShellLeftBehind() throws Exception {
        // one job that ignores hang-ups and outlives its shell, and a shell with two running children
        PtyProcess leaver = launcher.start(new ShellCommand(List.of("/bin/sh", "-c", "trap '' HUP; sleep 300 & echo $!; exit 0"),
                Map.of("PATH", System.getenv("PATH")), temp, 80, 24));
        long orphan = Long.parseLong(firstLine(leaver).strip());
        assertTrue(leaver.waitFor(10, TimeUnit.SECONDS));
        assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the job outlived its shell");

        PtyProcess busy = launcher.start(new ShellCommand(List.of("/bin/bash", "--norc", "--noprofile", "-c", "sleep 300 & sleep 300 & wait"),
                Map.of("PATH", System.getenv("PATH")), temp, 80, 24));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessTree.handleOf(busy).orElseThrow().descendants().count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<ProcessHandle> tree = ProcessTree.members(busy.pid(), ProcessTree.handleOf(busy)).stream().toList();
        assertEquals(3, tree.size(), "shell and two sleeps: " + tree);

        children.close();

        assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the left-behind job was ended");
        tree.forEach(p -> assertFalse(p.isAlive(), "ended: " + p.pid()));
        assertEquals(0, ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("sleep")).count());
    }

    private static String firstLine(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return reader.readLine();
    }
}
