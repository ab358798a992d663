package dev.symphony.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the workbench's terminal is shown of an agent's command (real processes): the command line, every byte it
 * writes as it writes it (not only what the model keeps), how it ended; a stop ends the command and says so; a command
 * in the overlay shows as its own line, not as the namespace and mount around it.
 */
class CommandWatchTest {
    @TempDir
    Path dir;

    /** What a watch saw, in order. */
    static final class Seen implements CommandWatch {
        final List<String> events = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream output = new ByteArrayOutputStream();

        @Override
        public Shown started(String commandLine, Path folder) {
            events.add("started " + commandLine + " in " + folder.getFileName());
            return new Shown() {
                @Override
                public void output(byte[] bytes, int offset, int length) {
                    synchronized (output) {
                        output.write(bytes, offset, length);
                    }
                }

                @Override
                public void ended(int exitCode, String how) {
                    events.add("ended " + exitCode + " " + how);
                }
            };
        }

        String text() {
            synchronized (output) {
                return output.toString(StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void theCommandLineEveryByteItWritesAndItsExitAreShownWhileTheModelKeepsItsPart() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Seen seen = new Seen();
        CommandRunner runner = new CommandRunner(Duration.ofSeconds(30)).watchedBy(seen);
        String line = "echo héllo; head -c 20000 /dev/zero | tr '\\0' x; echo; echo oops >&2; exit 3";
        CommandRunner.Result r = runner.run(line, ws, () -> false);
        assertEquals(3, r.exitCode());
        assertEquals(List.of("started " + line + " in ws", "ended 3 "), seen.events);
        String shown = seen.text();
        assertTrue(shown.startsWith("héllo\n"), shown.substring(0, 20));
        assertEquals(20000, shown.chars().filter(c -> c == 'x').count(), "every byte is shown, past what the model keeps");
        assertTrue(shown.endsWith("\noops\n"), "errors too: " + shown.substring(shown.length() - 20));
        assertTrue(r.output().contains("[… output cut at"), "the model's part is cut as before");
    }

    @Test
    void aStoppedCommandEndsAndIsShownAsStopped() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Seen seen = new Seen();
        CommandRunner runner = new CommandRunner(Duration.ofSeconds(60)).watchedBy(seen);
        long start = System.nanoTime();
        CommandRunner.Result r = runner.run("(sleep 2; echo late > late.txt) & echo waiting; wait", ws,
                () -> seen.text().contains("waiting"));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos() || !Files.exists(ws.resolve("late.txt")),
                "stopped, not waited for");
        assertTrue(seen.events.get(seen.events.size() - 1).endsWith(" stopped"), seen.events.toString());
        assertFalse(r.timedOut());
        Thread.sleep(3000); // past when the child would have written
        assertFalse(Files.exists(ws.resolve("late.txt")), "the command's child ended with it");
    }

    @Test
    void aCommandInTheOverlayShowsAsItsOwnLine() throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("a.txt"), "one\n");
        OverlayShell overlay = new OverlayShell(dir.resolve("scratch"));
        Optional<String> why = overlay.unavailable(ws);
        assumeTrue(why.isEmpty(), "no overlay on this machine: " + why.orElse(""));
        Seen seen = new Seen();
        CommandRunner runner = new CommandRunner(Duration.ofSeconds(60)).withOverlay(overlay).watchedBy(seen);
        try (OverlayRun run = overlay.run("cat a.txt && echo two >> a.txt", ws, runner, () -> false)) {
            assertEquals(0, run.result().exitCode(), run.result().output());
        }
        assertEquals(List.of("started cat a.txt && echo two >> a.txt in ws", "ended 0 "), seen.events);
        assertEquals("one\n", seen.text());
        assertEquals("one\n", Files.readString(ws.resolve("a.txt")), "still only shown: the overlay kept the change");
    }
}
