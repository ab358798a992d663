package dev.symphony.pit.pool;

import dev.symphony.pit.pool.api.ModelSpec;
import dev.symphony.pit.pool.api.Refusal;
import dev.symphony.pit.pool.api.RefusalReason;
import dev.symphony.pit.pool.api.RunUsage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetAndCostTest {

    private static int paidModel(final PoolFixture f) {
        // 1000 micros per call + 2 micros per token.
        return f.pool.registerModel(new ModelSpec("cloud-llm", f.host, 0, 0, 8, 1_000, 2));
    }

    @Test
    void runBudgetRefusesWithTheNumbers() {
        final PoolFixture f = new PoolFixture().start();
        final int m = paidModel(f);
        f.pool.openRun(42, 1, 5_000);
        final int first = f.allocateReady(m, 1, 42); // reserves 1000 + 2*10 = 1020
        assertTrue(first >= 0);
        final int refused = f.pool.allocate(m, 2, 42, 2_000); // needs 5000, 1020 committed of 5000
        assertEquals(RefusalReason.RUN_BUDGET_EXCEEDED, RefusalReason.fromCode(refused));
        final Refusal why = f.pool.lastRefusal();
        assertEquals(5_000, why.requested());
        assertEquals(1_020, why.committed());
        assertEquals(5_000, why.limit());
        assertTrue(why.message().contains("cloud-llm") && why.message().contains("run 42")
            && why.message().contains("RUN_BUDGET_EXCEEDED"), why.message());
    }

    @Test
    void actualCostIsChargedAndReservationReleased() {
        final PoolFixture f = new PoolFixture().start();
        final int m = paidModel(f);
        f.pool.openRun(1, 1, 10_000);
        final int slot = f.allocateReady(m, 1, 1);
        f.pool.release(slot, 500, true); // 1000 + 2*500 = 2000 actual
        final int again = f.allocateReady(m, 2, 1);
        f.pool.release(again, 0, true); // 1000
        final RunUsage usage = f.pool.closeRun(1);
        assertEquals(3_000, usage.spentMicros());
        assertEquals(2, usage.calls());
        assertEquals(500, usage.tokens());
        assertEquals(1, usage.workspaceId());
    }

    @Test
    void workspaceBudgetSpansRuns() {
        final PoolFixture f = new PoolFixture().start();
        final int m = paidModel(f);
        f.pool.setWorkspaceBudget(3, 2_500);
        f.pool.openRun(1, 3, 1_000_000);
        f.pool.openRun(2, 3, 1_000_000);
        f.pool.release(f.allocateReady(m, 1, 1), 0, true); // 1000
        f.pool.release(f.allocateReady(m, 2, 2), 0, true); // 1000 -> wait: estimate 1020 fits 2500-1000
        final int refused = f.pool.allocate(m, 3, 2, 0); // 2000 spent + 1000 > 2500
        assertEquals(RefusalReason.WORKSPACE_BUDGET_EXCEEDED.code(), refused);
        assertEquals(2_000, f.pool.lastRefusal().committed());
        assertEquals(2_500, f.pool.lastRefusal().limit());
    }

    @Test
    void hugeTokenEstimateSaturatesInsteadOfWrapping() {
        final PoolFixture f = new PoolFixture().start();
        final int m = paidModel(f);
        f.pool.openRun(1, 1, Long.MAX_VALUE - 1);
        assertEquals(RefusalReason.RUN_BUDGET_EXCEEDED.code(), f.pool.allocate(m, 1, 1, Long.MAX_VALUE / 2));
        assertThrows(IllegalArgumentException.class, () -> f.pool.allocate(m, 1, 1, -1));
    }

    @Test
    void unknownRunAndModelAreRefused() {
        final PoolFixture f = new PoolFixture().start();
        final int m = paidModel(f);
        assertEquals(RefusalReason.UNKNOWN_RUN.code(), f.pool.allocate(m, 1, 99, 1));
        assertEquals(RefusalReason.UNKNOWN_MODEL.code(), f.pool.allocate(1234, 1, 99, 1));
        assertTrue(f.pool.lastRefusal().message().contains("#1234"));
    }

    @Test
    void closingARunWithSlotsHeldIsAnError() {
        final PoolFixture f = new PoolFixture().start();
        final int m = paidModel(f);
        f.pool.openRun(1, 1, 1_000_000);
        f.allocateReady(m, 1, 1);
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.pool.closeRun(1));
        assertTrue(e.getMessage().contains("still holds 1 slot(s)"), e.getMessage());
        // Also for a free (local) model, whose calls reserve nothing.
        final int local = f.pool.registerModel(new ModelSpec("local", f.host, 0, 0, 1, 0, 0));
        f.pool.openRun(2, 1, 0);
        f.allocateReady(local, 2, 2);
        assertThrows(IllegalStateException.class, () -> f.pool.closeRun(2));
    }

    @Test
    void concurrencyAndSlotLimits() {
        final PoolFixture f = new PoolFixture().start();
        final int twoAtATime = f.model("small", 10); // maxConcurrency 2
        f.pool.openRun(1, 1, Long.MAX_VALUE);
        f.allocateReady(twoAtATime, 1, 1);
        f.allocateReady(twoAtATime, 2, 1);
        assertEquals(RefusalReason.MODEL_CONCURRENCY_LIMIT.code(), f.pool.allocate(twoAtATime, 3, 1, 1));
        final int wide = f.pool.registerModel(new ModelSpec("wide", f.host, 0, 0, 100, 0, 0));
        for (int i = 0; i < 6; i++) {
            assertTrue(f.allocateReady(wide, 10 + i, 1) >= 0);
        }
        assertEquals(RefusalReason.NO_FREE_SLOT.code(), f.pool.allocate(wide, 99, 1, 1));
        assertEquals(8, f.pool.lastRefusal().limit());
    }
}
