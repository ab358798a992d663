package dev.symphony.pit.stale;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.symphony.pit.artifact.api.*;
import dev.symphony.pit.stale.api.*;
import dev.symphony.pit.stale.artifacts.ArtifactRetention;

/** The stale manager on a real artifact store, through the store's api package. */
class ArtifactRetentionTest {
    /** The store's folder inside the temporary one, so that its key file (beside the folder, never in it) is cleaned up too. */
    @TempDir
    Path tmp;
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void storeFolder() {
        dir = tmp.resolve("store");
    }

    @Test
    void oldArtifactsAreArchivedAndOnlyUnreferencedOldVersionsArePurged() {
        CachedEpochClock clock = new CachedEpochClock();
        long day = Duration.ofDays(1).toMillis();
        clock.update(1000 * day);
        try (ArtifactStore store = ArtifactStore.open(new ArtifactStoreContext().root(dir).epochClock(clock))) {
            long input = store.put(draft("run-1/input", "the question", "run-1"));
            long v1 = store.put(draft("run-1/answer", "answer one " + "x".repeat(200), "run-1", input));
            long v2 = store.put(draft("run-1/answer", "answer two " + "y".repeat(200), "run-1", input));
            long running = store.put(draft("run-2/partial", "work in progress", "run-2"));
            store.score(v2, new QualityScores(0.9f, 0.9f, 0.9f), "conductor");
            store.sync();
            long budget = store.info(input).orElseThrow().storedSize() + store.info(v2).orElseThrow().storedSize();

            ArtifactRetention retention = new ArtifactRetention(store);
            StaleManager manager = StaleManager.create(new StaleManagerContext().epochClock(clock).mover(retention)
                    .budget(new DiskBudget(Long.MAX_VALUE, budget)));
            retention.manager(manager);
            manager.runStarted("run-2");
            assertEquals(4, retention.sync());

            clock.advance(400 * day);
            retention.sync();
            StaleManagerTest.settle(manager);

            assertEquals(ContentTier.ARCHIVED, store.tier(input), "referenced by live v2: archived, never purged");
            assertEquals(ContentTier.ARCHIVED, store.tier(v2), "valuable for training: outlives v1, which freed enough");
            assertEquals(ContentTier.PURGED, store.tier(v1), "superseded and unreferenced: purged as the last resort");
            assertEquals(ContentTier.LOCAL, store.tier(running), "unfinished run: untouched");
            assertEquals("the question", new String(store.read(input), StandardCharsets.UTF_8));
            assertTrue(store.auditTrail(v1).stream().anyMatch(e -> e.action() == AuditAction.PURGE
                    && e.actor().equals(ArtifactRetention.ACTOR)));
        }
    }

    private static ArtifactDraft draft(String name, String text, String run, long... derivedFrom) {
        return new ArtifactDraft(name, ArtifactKind.INTERMEDIATE, "text/plain", text.getBytes(StandardCharsets.UTF_8),
                new Provenance("test", run, "node", 0, 0, 0), derivedFrom);
    }
}
