package dev.symphony.pit.stale;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.symphony.pit.stale.api.*;
import dev.symphony.pit.stale.movers.FileTierMover;
import dev.symphony.pit.stale.movers.RoutingTierMover;

/** Real files: queue files and training data archived, then deleted as the last resort. */
class FileTierMoverTest {
    @TempDir
    Path dir;

    @Test
    void queueFilesAndTrainingDataMoveToTheArchiveFolderAndAreDeletedLast() throws Exception {
        Path local = dir.resolve("data");
        Path archive = dir.resolve("archive");
        Path queueFile = Files.createDirectories(local.resolve("queues")).resolve("20261101.cq4");
        Path episodes = Files.createDirectories(local.resolve("training")).resolve("episodes-1.jsonl");
        Files.writeString(queueFile, "q".repeat(1000));
        Files.writeString(episodes, "{\"reward\":1}\n".repeat(100));
        FileTierMover files = new FileTierMover(local, archive);
        CachedEpochClock clock = new CachedEpochClock();
        long day = Duration.ofDays(1).toMillis();
        clock.update(500 * day);
        StaleManager m = StaleManager.create(new StaleManagerContext().epochClock(clock)
                .mover(new RoutingTierMover(Map.of(ItemKind.QUEUE_FILE, files, ItemKind.TRAINING_DATA, files)))
                .budget(new DiskBudget(10_000, 1_500)));
        int q = m.track(ItemKind.QUEUE_FILE, queueFile.toString(), 0, Files.size(queueFile), clock.time(), "", Tier.HOT);
        int e = m.track(ItemKind.TRAINING_DATA, episodes.toString(), 0, Files.size(episodes), clock.time(), "", Tier.HOT);
        m.trainingValue(e, 1f);

        clock.advance(31 * day);
        StaleManagerTest.settle(m);
        assertEquals(Tier.COLD, m.tier(q));
        assertFalse(Files.exists(queueFile));
        Path archivedQueue = files.archivedPath(ItemKind.QUEUE_FILE, queueFile.toString());
        assertEquals("q".repeat(1000), Files.readString(archivedQueue));
        assertTrue(archivedQueue.startsWith(archive.resolve("queue_file").resolve("queues")));
        assertEquals(Tier.WARM, m.tier(e), "training data with value stays local longer");
        assertTrue(Files.exists(episodes));

        clock.advance(100 * day);
        StaleManagerTest.settle(m);
        assertEquals(Tier.COLD, m.tier(e));
        // 1000 + 1300 bytes archived against a 1500-byte archive budget: the oldest, least valuable goes.
        assertEquals(Tier.DELETED, m.tier(q));
        assertFalse(Files.exists(archivedQueue));
        assertEquals(Tier.COLD, m.tier(e), "the valuable one fits the budget once the other is gone");
    }
}
