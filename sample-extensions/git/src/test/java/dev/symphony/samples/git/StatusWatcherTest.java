package dev.symphony.samples.git;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watcher watches nothing until started (the first status is read before the tree's folders are registered),
 * asks once more right after registering (a change made before the watches were in place is not lost), and then asks
 * for every change in a nested folder, including folders made after it started.
 */
class StatusWatcherTest {
    private static final long WAIT_S = 20; // a loaded two-core machine; each wait ends as soon as the call arrives

    @Test
    void watchesAfterStartAsksOnceOnStartAndForEveryLaterChange(@TempDir Path root) throws Exception {
        Path nested = Files.createDirectories(root.resolve("src/a/b"));
        Files.createDirectories(root.resolve(".git"));
        Semaphore asked = new Semaphore(0);
        try (StatusWatcher watcher = StatusWatcher.create(root, asked::release)) {
            Files.writeString(nested.resolve("before.txt"), "not watched yet\n");
            assertFalse(asked.tryAcquire(StatusWatcher.QUIET_MS * 3, TimeUnit.MILLISECONDS), "asked before start()");

            watcher.start();
            watcher.start(); // once only
            assertTrue(asked.tryAcquire(WAIT_S, TimeUnit.SECONDS), "no refresh after the tree was registered");

            Files.writeString(nested.resolve("later.txt"), "changed\n");
            assertTrue(asked.tryAcquire(WAIT_S, TimeUnit.SECONDS), "no refresh after a change in a nested folder");

            Path made = Files.createDirectories(root.resolve("src/new"));
            assertTrue(asked.tryAcquire(WAIT_S, TimeUnit.SECONDS), "no refresh after a folder was made");
            asked.drainPermits(); // the new folder was registered before that refresh was asked for
            Files.writeString(made.resolve("inside.txt"), "x\n");
            assertTrue(asked.tryAcquire(WAIT_S, TimeUnit.SECONDS), "no refresh after a change in a folder made later");
        }
    }
}
