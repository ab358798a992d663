package dev.symphony.pit.pool;

import dev.symphony.pit.pool.api.HostState;
import dev.symphony.pit.pool.api.ModelState;
import dev.symphony.pit.pool.api.RefusalReason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthTest {

    @Test
    void silentHostIsDeclaredFailedAndFailsItsModels() {
        final PoolFixture f = new PoolFixture().start(); // heartbeat timeout 10_000 ns
        final int m = f.model("a", 100);
        final int idle = f.model("idle", 100);
        f.pool.openRun(1, 1, Long.MAX_VALUE);
        final int slot = f.allocateReady(m, 7, 1);
        f.now += 9_000;
        f.pool.onHeartbeat(f.host);
        f.now += 9_000;
        f.pool.doWork();
        assertEquals(ModelState.ACTIVE, f.pool.modelState(m), "heartbeat arrived in time");
        f.now += 10_001;
        f.pool.doWork();
        assertEquals(HostState.FAILED, f.pool.hostState(f.host));
        assertEquals(ModelState.FAILED, f.pool.modelState(m));
        assertEquals(ModelState.IDLE, f.pool.modelState(idle), "a model that was not loaded has nothing to fail");
        assertTrue(f.events.contains("revoked slot=" + slot + " task=7"), f.events.toString());
        assertEquals(RefusalReason.MODEL_FAILED.code(), f.pool.allocate(m, 8, 1, 1));
        assertEquals(RefusalReason.HOST_UNAVAILABLE.code(), f.pool.allocate(idle, 8, 1, 1));

        // The supervisor restarts the host: its models may load again.
        f.pool.onHostState(f.host, HostState.ACTIVE);
        assertEquals(ModelState.IDLE, f.pool.modelState(m));
        assertTrue(f.allocateReady(m, 9, 1) >= 0);
    }

    @Test
    void modelIsLoadingWhileItsHostIsActiveButNotBeforeTheHostIsActive() {
        final PoolFixture f = new PoolFixture();
        f.pool = dev.symphony.pit.pool.api.PoolManager.create(f.context);
        f.host = f.pool.registerHost("h");
        final int m = f.model("a", 100);
        f.pool.openRun(1, 1, Long.MAX_VALUE);
        f.pool.onHostState(f.host, HostState.VALIDATED);
        assertEquals(RefusalReason.HOST_UNAVAILABLE.code(), f.pool.allocate(m, 1, 1, 1));
        f.pool.onHostState(f.host, HostState.ACTIVE);
        f.pool.allocate(m, 1, 1, 1);
        assertEquals(ModelState.LOADING, f.pool.modelState(m));
        f.pool.onHostState(f.host, HostState.MONITORING);
        assertEquals(ModelState.LOADING, f.pool.modelState(m), "ACTIVE -> MONITORING does not disturb models");
        f.pool.onHostState(f.host, HostState.DISABLED);
        assertEquals(ModelState.FAILED, f.pool.modelState(m));
    }

    @Test
    void highErrorRateFailsTheModel() {
        final PoolFixture f = new PoolFixture();
        f.context.errorRateMinCalls(5).errorRateThreshold(0.3).errorRateAlpha(0.2);
        f.start();
        final int m = f.model("flaky", 100);
        f.pool.openRun(1, 1, Long.MAX_VALUE);
        for (int i = 0; i < 5; i++) {
            f.pool.release(f.allocateReady(m, i, 1), 1, true);
        }
        assertEquals(ModelState.COOLDOWN, f.pool.modelState(m));
        int calls = 0;
        while (f.pool.modelState(m) != ModelState.FAILED && calls < 10) {
            f.pool.release(f.allocateReady(m, 100 + calls, 1), 1, false);
            calls++;
        }
        assertEquals(ModelState.FAILED, f.pool.modelState(m));
        // EWMA from 0 with alpha 0.2: 0.2, 0.36 -> the second failure crosses 0.3.
        assertEquals(2, calls);
        assertTrue(f.unloads.contains("flaky"), "the live host is asked to drop the failed model");
    }
}
