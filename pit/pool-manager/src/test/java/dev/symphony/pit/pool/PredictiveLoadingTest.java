package dev.symphony.pit.pool;

import dev.symphony.pit.pool.api.ModelState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictiveLoadingTest {

    @Test
    void frequentlyUsedModelIsKeptWarmAfterCooldown() {
        final PoolFixture f = new PoolFixture().start(); // keep-warm score 2
        final int hot = f.model("hot", 100);
        final int cold = f.model("cold", 100);
        f.pool.openRun(1, 1, Long.MAX_VALUE);
        for (int i = 0; i < 3; i++) {
            f.pool.release(f.allocateReady(hot, i, 1), 1, true);
        }
        f.pool.release(f.allocateReady(cold, 9, 1), 1, true);
        f.now += 2_000;
        f.pool.doWork();
        assertEquals(ModelState.WARM, f.pool.modelState(hot));
        assertEquals(ModelState.IDLE, f.pool.modelState(cold));
        assertEquals(100 * PoolFixture.MB, f.pool.snapshot().speculativeMemoryBytes());
    }

    @Test
    void successorInARunIsPreloadedWhileThePredecessorRuns() {
        final PoolFixture f = new PoolFixture().start();
        final int plan = f.model("planner", 100);
        final int code = f.model("coder", 100);
        // Teach the sequence planner -> coder in three runs.
        for (long run = 1; run <= 3; run++) {
            f.pool.openRun(run, 1, Long.MAX_VALUE);
            f.pool.release(f.allocateReady(plan, run * 10, run), 1, true);
            f.pool.release(f.allocateReady(code, run * 10 + 1, run), 1, true);
            f.pool.closeRun(run);
        }
        // Let everything cool down and the scores decay below the keep-warm score.
        f.now += 3_000_000_000L;
        f.pool.onHeartbeat(f.host);
        f.pool.doWork();
        assertEquals(ModelState.IDLE, f.pool.modelState(code));
        f.loads.clear();

        f.pool.openRun(4, 1, Long.MAX_VALUE);
        f.allocateReady(plan, 40, 4);
        f.now += 200;
        f.pool.doWork();
        assertEquals(List.of("planner"), f.loads, "not yet: coder's score alone is below the threshold");
        f.allocateReady(plan, 41, 4); // planner again: coder gains P(coder | planner) = 1 each time
        f.now += 200;
        f.pool.doWork();
        assertTrue(f.loads.contains("coder(predictive)"), f.loads.toString());
        assertEquals(ModelState.LOADING, f.pool.modelState(code));
        f.pool.onModelLoaded(code);
        assertEquals(ModelState.WARM, f.pool.modelState(code), "loaded with no task yet: warm, speculative");
        final int slot = f.pool.allocate(code, 42, 4, 1);
        assertTrue(f.pool.isSlotReady(slot), "the pre-loaded model serves at once");
    }

    @Test
    void preloadingRespectsTheSpeculativeBudget() {
        final PoolFixture f = new PoolFixture().start(); // speculative budget 300 MB
        final int[] m = new int[5];
        f.pool.openRun(1, 1, Long.MAX_VALUE);
        for (int i = 0; i < m.length; i++) {
            m[i] = f.model("m" + i, 200);
            for (int k = 0; k < 3; k++) {
                f.pool.release(f.allocateReady(m[i], i * 10 + k, 1), 1, true);
            }
        }
        f.now += 2_000;
        f.pool.doWork();
        long warm = 0;
        for (final int id : m) {
            if (f.pool.modelState(id) == ModelState.WARM) {
                warm++;
            }
        }
        assertEquals(1, warm, "only one 200 MB model fits a 300 MB speculative budget");
        assertTrue(f.pool.snapshot().speculativeMemoryBytes() <= 300 * PoolFixture.MB);
    }
}
