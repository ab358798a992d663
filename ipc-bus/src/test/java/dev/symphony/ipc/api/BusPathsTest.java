package dev.symphony.ipc.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

class BusPathsTest {

    /** A host's channel folder can be torn down by its supervisor and by a restart at the same time (a CI failure). */
    @Test
    void concurrentDeletesOfOneTreeNeverThrowAndLeaveNothing(@TempDir Path tmp) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 30; round++) {
                Path tree = tmp.resolve("k" + round);
                for (int i = 0; i < 40; i++) {
                    Path dir = tree.resolve("c" + random.nextInt(6)).resolve(random.nextBoolean() ? "to-host" : "to-kernel");
                    Files.createDirectories(dir);
                    Files.writeString(dir.resolve(i + ".cq4"), "x");
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> deletes = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    deletes.add(pool.submit(() -> {
                        start.await();
                        BusPaths.deleteRecursively(tree);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : deletes) {
                    f.get();
                }
                assertFalse(Files.exists(tree), "seed " + seed + ", round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deleteStaleRemovesFoldersOfDeadKernelsOnly(@TempDir Path root) throws Exception {
        Path live = Files.createDirectories(root.resolve(Long.toString(ProcessHandle.current().pid())).resolve("c/to-host"));
        Path dead = Files.createDirectories(root.resolve(Long.toString(Long.MAX_VALUE)).resolve("c/to-host"));
        Files.writeString(dead.resolve("q.cq4"), "x");
        Path junk = Files.createDirectories(root.resolve("not-a-pid"));
        assertEquals(2, BusPaths.deleteStale(root));
        assertTrue(Files.isDirectory(live));
        assertFalse(Files.exists(dead.getParent().getParent()));
        assertFalse(Files.exists(junk));
    }
}
