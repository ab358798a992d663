package dev.symphony.pit.pool;

import dev.symphony.pit.pool.api.ModelSpec;
import dev.symphony.pit.pool.api.ModelState;
import dev.symphony.pit.pool.api.RefusalReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryAndEvictionTest {

    @Test
    void evictsTheLeastUsedIdleModelFirst() {
        final PoolFixture f = new PoolFixture().start(); // 1000 MB budget
        final int a = f.model("a", 400);
        final int b = f.model("b", 400);
        final int c = f.model("c", 400);
        f.pool.openRun(1, 1, Long.MAX_VALUE);
        // a used three times, b once: b has the lower usage score.
        for (int i = 0; i < 3; i++) {
            f.pool.release(f.allocateReady(a, i, 1), 1, true);
        }
        f.pool.release(f.allocateReady(b, 10, 1), 1, true);
        assertEquals(ModelState.COOLDOWN, f.pool.modelState(a));
        assertEquals(ModelState.COOLDOWN, f.pool.modelState(b));

        final int slot = f.pool.allocate(c, 20, 1, 1);
        assertTrue(slot >= 0);
        assertEquals(List.of("b"), f.unloads);
        assertEquals(ModelState.IDLE, f.pool.modelState(b));
        assertEquals(ModelState.COOLDOWN, f.pool.modelState(a));
        assertEquals(800 * PoolFixture.MB, f.pool.snapshot().residentMemoryBytes());
    }

    @Test
    void refusesAndEvictsNothingWhenActiveModelsHoldTheMemory() {
        final PoolFixture f = new PoolFixture().start();
        final int a = f.model("a", 600);
        final int b = f.model("b", 300);
        final int c = f.model("c", 300);
        f.pool.openRun(1, 1, Long.MAX_VALUE);
        f.allocateReady(a, 1, 1); // active: 600 MB pinned
        f.pool.release(f.allocateReady(b, 2, 1), 1, true); // cooldown: evictable 300 MB
        // c needs 300 MB: resident 900 + 300 - 1000 = 200 short, 300 evictable -> evicts b.
        assertTrue(f.pool.allocate(c, 3, 1, 1) >= 0);
        assertEquals(List.of("b"), f.unloads);
        final int big = f.model("big", 500);
        assertEquals(RefusalReason.MEMORY_BUDGET_EXCEEDED.code(), f.pool.allocate(big, 4, 1, 1));
        assertEquals(List.of("b"), f.unloads, "nothing evicted for a refused load");
        assertEquals(500 * PoolFixture.MB, f.pool.lastRefusal().requested());
    }

    @Test
    void vramIsBudgetedSeparatelyAndOnlyVramHoldersAreEvictedForIt() {
        final PoolFixture f = new PoolFixture().start(); // 100 MB VRAM
        final long mb = PoolFixture.MB;
        final int cpu = f.pool.registerModel(new ModelSpec("cpu", f.host, 10 * mb, 0, 1, 0, 0));
        final int gpu1 = f.pool.registerModel(new ModelSpec("gpu1", f.host, 10 * mb, 80 * mb, 1, 0, 0));
        final int gpu2 = f.pool.registerModel(new ModelSpec("gpu2", f.host, 10 * mb, 80 * mb, 1, 0, 0));
        final int huge = f.pool.registerModel(new ModelSpec("huge", f.host, 10 * mb, 200 * mb, 1, 0, 0));
        f.pool.openRun(1, 1, Long.MAX_VALUE);
        f.pool.release(f.allocateReady(cpu, 1, 1), 1, true);
        f.pool.release(f.allocateReady(gpu1, 2, 1), 1, true);
        assertTrue(f.allocateReady(gpu2, 3, 1) >= 0);
        assertEquals(List.of("gpu1"), f.unloads, "the CPU-only model frees no VRAM, so it stays");
        assertEquals(RefusalReason.VRAM_BUDGET_EXCEEDED.code(), f.pool.allocate(huge, 4, 1, 1));
    }
}
