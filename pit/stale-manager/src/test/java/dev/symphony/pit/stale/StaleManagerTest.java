package dev.symphony.pit.stale;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;

import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import dev.symphony.pit.stale.api.*;

class StaleManagerTest {
    static final long DAY = Duration.ofDays(1).toMillis();
    final CachedEpochClock clock = new CachedEpochClock();
    final RecordingMover mover = new RecordingMover();

    StaleManager manager(DiskBudget budget) {
        clock.update(1000 * DAY);
        return StaleManager.create(new StaleManagerContext().epochClock(clock).mover(mover).budget(budget)
                .policy(RetentionPolicy.defaults()).sweepIntervalMs(DAY / 24));
    }

    /** Steps until nothing more happens: a few full sweeps. */
    static void settle(StaleManager m) {
        for (int sweep = 0; sweep < 120; sweep++) {
            for (int i = 0; i < m.trackedItems() + 2; i++) {
                m.reclaimStep();
            }
            m.executePending(Integer.MAX_VALUE);
        }
    }

    @Test
    void keepsLocallyOneMonthThenArchivesAndNeverDeletesWithoutPressure() {
        StaleManager m = manager(DiskBudget.UNLIMITED);
        int h = m.track(ItemKind.TRAINING_DATA, "episodes-1", 0, 100, clock.time(), "", Tier.HOT);
        settle(m);
        assertEquals(Tier.HOT, m.tier(h));
        clock.advance(DAY);
        settle(m);
        assertEquals(Tier.WARM, m.tier(h));
        clock.advance(28 * DAY);
        settle(m);
        assertEquals(Tier.WARM, m.tier(h), "29 days: still local");
        clock.advance(DAY);
        settle(m);
        assertEquals(Tier.COLD, m.tier(h), "30 days: archived");
        assertEquals(0, m.localBytes());
        assertEquals(100, m.archiveBytes());
        clock.advance(3650 * DAY);
        settle(m);
        assertEquals(Tier.COLD, m.tier(h), "no archive pressure: never deleted");
        assertEquals(List.of(Tier.WARM, Tier.COLD), mover.moves.stream().map(RecordingMover.Move::to).toList());
    }

    @Test
    void touchingRestartsTheAge() {
        StaleManager m = manager(DiskBudget.UNLIMITED);
        int h = m.track(ItemKind.ARTIFACT, "a", 1, 10, clock.time(), "", Tier.HOT);
        clock.advance(DAY / 2);
        m.touch(h);
        clock.advance(DAY / 2 + 1);
        settle(m);
        assertEquals(Tier.HOT, m.tier(h));
    }

    @Test
    void trainingValueKeepsDataLonger() {
        StaleManager m = manager(DiskBudget.UNLIMITED);
        int plain = m.track(ItemKind.TRAINING_DATA, "plain", 0, 10, clock.time(), "", Tier.HOT);
        int valuable = m.track(ItemKind.TRAINING_DATA, "valuable", 0, 10, clock.time(), "", Tier.HOT);
        m.trainingValue(valuable, 1f);
        clock.advance(31 * DAY);
        settle(m);
        assertEquals(Tier.COLD, m.tier(plain));
        assertEquals(Tier.WARM, m.tier(valuable), "boost 3: value 1 stays local 4 months");
        clock.advance(90 * DAY);
        settle(m);
        assertEquals(Tier.COLD, m.tier(valuable));
    }

    @Test
    void archivePressureDeletesOnlyUnreferencedItemsOfFinishedRuns() {
        StaleManager m = manager(new DiskBudget(Long.MAX_VALUE, 250));
        long old = clock.time();
        int referenced = m.track(ItemKind.ARTIFACT, "referenced", 1, 100, old, "", Tier.COLD);
        int running = m.track(ItemKind.ARTIFACT, "running", 2, 100, old, "run-9", Tier.COLD);
        int free1 = m.track(ItemKind.ARTIFACT, "free1", 3, 100, old, "", Tier.COLD);
        int free2 = m.track(ItemKind.ARTIFACT, "free2", 4, 100, old - 400 * DAY, "", Tier.COLD);
        m.addReference(referenced);
        m.runStarted("run-9");
        clock.advance(400 * DAY);
        settle(m);
        assertEquals(Tier.COLD, m.tier(referenced));
        assertEquals(Tier.COLD, m.tier(running));
        assertEquals(List.of("free2", "free1"), mover.keysMovedTo(Tier.DELETED), "oldest first, then until under budget");
        assertEquals(200, m.archiveBytes(), "what is left is protected");
        m.removeReference(referenced);
        m.runFinished("run-9");
        settle(m);
        assertEquals(200, m.archiveBytes(), "back under budget after free1 and free2: nothing else goes");
        assertEquals(Tier.COLD, m.tier(referenced));
    }

    @Test
    void localPressureArchivesEarlierLeastValuableFirst() {
        StaleManager m = manager(new DiskBudget(300, Long.MAX_VALUE));
        long t0 = clock.time();
        int[] h = new int[5];
        for (int i = 0; i < h.length; i++) {
            h[i] = m.track(ItemKind.QUEUE_FILE, "q" + i, 0, 100, t0 + i * DAY, "", Tier.WARM);
        }
        m.trainingValue(h[0], 1f); // oldest but valuable
        clock.advance(6 * DAY);
        settle(m);
        assertTrue(m.localBytes() <= 300, "local bytes " + m.localBytes());
        assertEquals(List.of("q1", "q2"), mover.keysMovedTo(Tier.COLD));
        assertEquals(Tier.WARM, m.tier(h[0]));
    }

    @Test
    void itemsOfUnfinishedRunsStayHot() {
        StaleManager m = manager(new DiskBudget(0, 0));
        m.runStarted("run-1");
        int h = m.track(ItemKind.ARTIFACT, "in-run", 1, 100, clock.time(), "run-1", Tier.HOT);
        clock.advance(365 * DAY);
        settle(m);
        assertEquals(Tier.HOT, m.tier(h));
        m.runFinished("run-1");
        settle(m);
        assertEquals(Tier.DELETED, m.tier(h), "zero budgets: deleted once the run is over");
    }

    @Test
    void aFailedMoveReturnsTheItemAndIsRetried() {
        StaleManager m = manager(DiskBudget.UNLIMITED);
        int h = m.track(ItemKind.QUEUE_FILE, "q", 0, 100, clock.time(), "", Tier.WARM);
        clock.advance(31 * DAY);
        mover.fail = true;
        assertEquals(1, m.reclaimStep());
        assertEquals(0, m.executePending(10));
        assertEquals(Tier.WARM, m.tier(h));
        assertEquals(100, m.localBytes());
        mover.fail = false;
        settle(m);
        assertEquals(Tier.COLD, m.tier(h));
    }

    @Test
    void doWorkSweepsOnTheIntervalAndIdlesOtherwise() {
        StaleManager m = manager(DiskBudget.UNLIMITED);
        int h = m.track(ItemKind.QUEUE_FILE, "q", 0, 100, clock.time(), "", Tier.HOT);
        assertTrue(m.doWork() > 0, "the first sweep starts at once");
        assertEquals(0, m.doWork(), "then idle until the next sweep is due");
        clock.advance(DAY);
        assertTrue(m.doWork() > 0);
        m.doWork();
        assertEquals(Tier.WARM, m.tier(h));
    }

    @Test
    void handlesOfDeletedItemsAreReused() {
        StaleManager m = manager(new DiskBudget(0, 0));
        int h = m.track(ItemKind.QUEUE_FILE, "q", 0, 100, clock.time() - 400 * DAY, "", Tier.COLD);
        settle(m);
        assertEquals(Tier.DELETED, m.tier(h));
        assertEquals(0, m.trackedItems());
        assertThrows(IllegalArgumentException.class, () -> m.touch(h));
        int again = m.track(ItemKind.QUEUE_FILE, "q2", 0, 5, clock.time(), "", Tier.HOT);
        assertEquals(h, again);
    }
}
