package dev.symphony.pit.pool;

import dev.symphony.pit.pool.api.HostState;
import dev.symphony.pit.pool.api.ModelLoader;
import dev.symphony.pit.pool.api.ModelSpec;
import dev.symphony.pit.pool.api.ModelState;
import dev.symphony.pit.pool.api.ModelStatus;
import dev.symphony.pit.pool.api.PoolListener;
import dev.symphony.pit.pool.api.PoolManager;
import dev.symphony.pit.pool.api.PoolManagerContext;
import dev.symphony.pit.pool.api.PoolSnapshot;
import dev.symphony.pit.pool.api.RunUsage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random sequences of allocations, releases, load answers, host crashes/restarts and clock ticks; after every
 * step the pool's budgets and bookkeeping must be consistent. Seed: -Dpit.seed / env PIT_SEED (printed on failure).
 */
class PoolInvariantsPropertyTest {
    private static final long MB = 1L << 20;
    private static final long MEMORY = 2_000 * MB;
    private static final long VRAM = 200 * MB;

    @Test
    void budgetsAndBookkeepingHoldUnderRandomOperations() {
        final long base = Long.getLong("pit.seed", System.getenv("PIT_SEED") == null
            ? System.nanoTime() : Long.parseLong(System.getenv("PIT_SEED")));
        for (int round = 0; round < 12; round++) {
            final long seed = base + round;
            try {
                runOnce(seed);
            } catch (final AssertionError | RuntimeException e) {
                fail("pool property failed with seed " + seed + " (rerun with -Dpit.seed=" + seed + "): " + e, e);
            }
        }
    }

    private static void runOnce(final long seed) {
        final Random rnd = new Random(seed);
        final long[] now = {1_000_000_000L};
        final List<Integer> held = new ArrayList<>();
        final Map<Integer, Long> heldTokens = new HashMap<>();
        final Map<Integer, Integer> heldModel = new HashMap<>();
        final List<String> illegal = new ArrayList<>();
        final PoolListener listener = new PoolListener() {
            @Override
            public void onSlotRevoked(final int slot, final long taskId, final int modelId) {
                held.remove(Integer.valueOf(slot));
            }

            @Override
            public void onModelState(final int modelId, final ModelState from, final ModelState to) {
                if (!from.canTransitionTo(to)) {
                    illegal.add(from + "->" + to);
                }
            }
        };
        final ModelLoader loader = new ModelLoader() {
            @Override
            public void load(final int modelId, final ModelSpec spec, final boolean predictive) {
            }

            @Override
            public void unload(final int modelId, final ModelSpec spec) {
            }
        };
        final PoolManager pool = PoolManager.create(new PoolManagerContext()
            .nanoClock(() -> now[0]).modelLoader(loader).listener(listener)
            .slotCount(16).memoryBudgetBytes(MEMORY).vramBudgetBytes(VRAM).preloadMemoryBudgetBytes(500 * MB)
            .cooldownNanos(5_000).heartbeatTimeoutNanos(50_000).predictionIntervalNanos(1_000)
            .usageHalfLifeNanos(100_000).keepWarmScore(1.5).errorRateMinCalls(5).errorRateThreshold(0.6));
        final int hosts = 3;
        for (int h = 0; h < hosts; h++) {
            pool.registerHost("h" + h);
            pool.onHostState(h, HostState.ACTIVE);
        }
        final int modelCount = 30;
        for (int i = 0; i < modelCount; i++) {
            final long vram = rnd.nextInt(3) == 0 ? (10 + rnd.nextInt(90)) * MB : 0;
            pool.registerModel(new ModelSpec("m" + i, rnd.nextInt(hosts), (10 + rnd.nextInt(400)) * MB, vram,
                1 + rnd.nextInt(3), rnd.nextInt(100), rnd.nextInt(5)));
        }
        final long[] budgets = new long[4];
        for (int r = 0; r < budgets.length; r++) {
            budgets[r] = 1_000 + rnd.nextInt(20_000);
            pool.openRun(r, r % 2, budgets[r]);
        }
        pool.setWorkspaceBudget(1, 15_000);

        for (int step = 0; step < 3_000; step++) {
            final int op = rnd.nextInt(100);
            if (op < 40) {
                final long tokens = rnd.nextInt(200);
                final int model = rnd.nextInt(modelCount);
                final int slot = pool.allocate(model, step, rnd.nextInt(budgets.length), tokens);
                if (slot >= 0) {
                    heldModel.put(slot, model);
                    assertTrue(!held.contains(slot), "slot handed out twice: " + slot);
                    held.add(slot);
                    heldTokens.put(slot, tokens);
                }
            } else if (op < 70 && !held.isEmpty()) {
                final int slot = held.remove(rnd.nextInt(held.size()));
                // Never more than estimated, so the run budgets must hold exactly.
                pool.release(slot, rnd.nextInt((int)(long)heldTokens.get(slot) + 1), rnd.nextInt(10) != 0);
            } else if (op < 85) {
                final int m = rnd.nextInt(modelCount);
                if (pool.modelState(m) == ModelState.LOADING) {
                    if (rnd.nextInt(20) == 0) {
                        pool.onModelLoadFailed(m);
                    } else {
                        pool.onModelLoaded(m);
                    }
                }
            } else if (op < 88) {
                final int h = rnd.nextInt(hosts);
                pool.onHostState(h, pool.hostState(h).canServe() ? HostState.FAILED : HostState.ACTIVE);
            } else if (op < 90) {
                final int m = rnd.nextInt(modelCount);
                if (pool.modelState(m) == ModelState.FAILED) {
                    pool.recover(m);
                }
            } else {
                now[0] += rnd.nextInt(3_000);
                for (int h = 0; h < hosts; h++) {
                    if (rnd.nextInt(4) != 0 && pool.hostState(h).canServe()) {
                        pool.onHeartbeat(h);
                    }
                }
                pool.doWork();
            }
            check(pool, held, illegal);
            for (final int slot : held) {
                final boolean active = pool.modelState(heldModel.get(slot)) == ModelState.ACTIVE;
                assertEquals(active, pool.isSlotReady(slot), "slot " + slot + " ready iff its model is ACTIVE");
            }
        }
        while (!held.isEmpty()) {
            pool.release(held.remove(0), 0, true);
        }
        for (int r = 0; r < budgets.length; r++) {
            final RunUsage usage = pool.closeRun(r);
            assertTrue(usage.spentMicros() <= budgets[r], "run " + r + " overspent: " + usage);
        }
    }

    private static void check(final PoolManager pool, final List<Integer> held, final List<String> illegal) {
        assertTrue(illegal.isEmpty(), "illegal transitions: " + illegal);
        final PoolSnapshot s = pool.snapshot();
        assertTrue(s.residentMemoryBytes() <= MEMORY, "memory over budget: " + s.residentMemoryBytes());
        assertTrue(s.residentVramBytes() <= VRAM, "VRAM over budget: " + s.residentVramBytes());
        long memory = 0;
        long vram = 0;
        int tasks = 0;
        for (final ModelStatus m : s.models()) {
            final ModelSpec spec = pool.modelSpec(m.modelId());
            if (m.state().isResident()) {
                memory += spec.memoryBytes();
                vram += spec.vramBytes();
            }
            tasks += m.tasks();
            assertTrue(m.tasks() <= spec.maxConcurrency(), m.toString());
            if (m.tasks() > 0) {
                assertTrue(m.state() == ModelState.LOADING || m.state() == ModelState.ACTIVE, m.toString());
            }
            if (m.state() == ModelState.ACTIVE) {
                assertTrue(m.tasks() > 0, "ACTIVE without tasks: " + m);
            }
        }
        assertEquals(memory, s.residentMemoryBytes(), "resident memory bookkeeping");
        assertEquals(vram, s.residentVramBytes(), "resident VRAM bookkeeping");
        assertEquals(held.size(), s.slotsInUse());
        assertEquals(tasks, s.slotsInUse(), "tasks per model add up to slots in use");
    }
}
