package dev.symphony.pit.pool;

import dev.symphony.pit.pool.api.IllegalModelTransitionException;
import dev.symphony.pit.pool.api.ModelState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.symphony.pit.pool.api.ModelState.ACTIVE;
import static dev.symphony.pit.pool.api.ModelState.COOLDOWN;
import static dev.symphony.pit.pool.api.ModelState.FAILED;
import static dev.symphony.pit.pool.api.ModelState.IDLE;
import static dev.symphony.pit.pool.api.ModelState.LOADING;
import static dev.symphony.pit.pool.api.ModelState.WARM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelLifecycleTest {

    @Test
    void transitionTableIsTheDocumentedCycle() {
        assertTrue(IDLE.canTransitionTo(LOADING));
        assertTrue(LOADING.canTransitionTo(WARM));
        assertTrue(WARM.canTransitionTo(ACTIVE));
        assertTrue(ACTIVE.canTransitionTo(COOLDOWN));
        assertTrue(COOLDOWN.canTransitionTo(IDLE));
        assertTrue(FAILED.canTransitionTo(IDLE));
        assertFalse(IDLE.canTransitionTo(ACTIVE), "a model must load before it serves");
        assertFalse(ACTIVE.canTransitionTo(IDLE), "an active model cannot be dropped under its tasks");
        assertFalse(LOADING.canTransitionTo(ACTIVE));
        assertFalse(FAILED.canTransitionTo(WARM));
        for (final ModelState s : ModelState.values()) {
            assertFalse(s.canTransitionTo(s), "no self-transition for " + s);
        }
    }

    @Test
    void fullCycleIdleLoadingActiveCooldownIdle() {
        final PoolFixture f = new PoolFixture().start();
        final int m = f.model("llm-a", 100);
        f.pool.openRun(1, 7, 1_000_000);

        final int slot = f.pool.allocate(m, 11, 1, 10);
        assertTrue(slot >= 0);
        assertEquals(LOADING, f.pool.modelState(m));
        assertFalse(f.pool.isSlotReady(slot), "slot waits for the load");
        assertEquals(List.of("llm-a"), f.loads);

        f.pool.onModelLoaded(m);
        assertEquals(ACTIVE, f.pool.modelState(m));
        assertTrue(f.pool.isSlotReady(slot));
        assertEquals(List.of("ready slot=" + slot + " task=11"), f.events);

        f.pool.release(slot, 50, true);
        assertEquals(COOLDOWN, f.pool.modelState(m));
        f.pool.doWork();
        assertEquals(COOLDOWN, f.pool.modelState(m), "cooldown has not expired yet");

        f.now += 1_001;
        f.pool.doWork();
        assertEquals(IDLE, f.pool.modelState(m), "one use is below the keep-warm score: unloaded");
        assertEquals(List.of("llm-a"), f.unloads);
        assertEquals(0, f.pool.snapshot().residentMemoryBytes());
        assertTrue(f.illegalObserved.isEmpty(), f.illegalObserved.toString());
    }

    @Test
    void cooldownModelIsReusedWithoutReload() {
        final PoolFixture f = new PoolFixture().start();
        final int m = f.model("llm-a", 100);
        f.pool.openRun(1, 7, 1_000_000);
        f.pool.release(f.allocateReady(m, 1, 1), 1, true);
        assertEquals(COOLDOWN, f.pool.modelState(m));
        final int slot = f.pool.allocate(m, 2, 1, 1);
        assertTrue(f.pool.isSlotReady(slot));
        assertEquals(ACTIVE, f.pool.modelState(m));
        assertEquals(1, f.loads.size());
    }

    @Test
    void illegalTransitionNamesModelFromAndTo() {
        final PoolFixture f = new PoolFixture().start();
        final int m = f.model("llm-a", 100);
        final IllegalModelTransitionException e =
            assertThrows(IllegalModelTransitionException.class, () -> f.pool.onModelLoaded(m));
        assertEquals(IDLE, e.from());
        assertEquals(WARM, e.to());
        assertTrue(e.getMessage().contains("'llm-a'") && e.getMessage().contains("IDLE -> WARM"), e.getMessage());
        final IllegalModelTransitionException recover =
            assertThrows(IllegalModelTransitionException.class, () -> f.pool.recover(m));
        assertTrue(recover.getMessage().contains("IDLE -> IDLE"), recover.getMessage());
    }

    @Test
    void loadFailureRevokesWaitingSlotsAndRecoverReturnsToIdle() {
        final PoolFixture f = new PoolFixture().start();
        final int m = f.model("llm-a", 100);
        f.pool.openRun(1, 7, 1_000_000);
        final int slot = f.pool.allocate(m, 5, 1, 10);
        f.pool.onModelLoadFailed(m);
        assertEquals(FAILED, f.pool.modelState(m));
        assertEquals(List.of("revoked slot=" + slot + " task=5"), f.events);
        assertEquals(0, f.pool.slotsInUse());
        assertEquals(dev.symphony.pit.pool.api.RefusalReason.MODEL_FAILED.code(), f.pool.allocate(m, 6, 1, 1));
        f.pool.onModelLoaded(m); // late answer from the host: ignored
        assertEquals(FAILED, f.pool.modelState(m));
        f.pool.recover(m);
        assertEquals(IDLE, f.pool.modelState(m));
        assertEquals(0, f.pool.closeRun(1).spentMicros(), "revoked calls are refunded, not charged");
    }
}
