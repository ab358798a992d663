package dev.symphony.pit.pool;

import dev.symphony.pit.pool.api.HostState;
import dev.symphony.pit.pool.api.ModelLoader;
import dev.symphony.pit.pool.api.ModelSpec;
import dev.symphony.pit.pool.api.ModelState;
import dev.symphony.pit.pool.api.PoolListener;
import dev.symphony.pit.pool.api.PoolManager;
import dev.symphony.pit.pool.api.PoolManagerContext;
import org.agrona.concurrent.NanoClock;

import java.util.ArrayList;
import java.util.List;

/** A pool with a hand-driven clock and a loader/listener that record what the pool asked for. */
final class PoolFixture implements ModelLoader, PoolListener, NanoClock {
    static final long MB = 1L << 20;

    long now = 1_000_000_000L;
    final List<String> loads = new ArrayList<>();
    final List<String> unloads = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final List<String> illegalObserved = new ArrayList<>();
    final PoolManagerContext context;
    PoolManager pool;
    int host;

    PoolFixture() {
        context = new PoolManagerContext()
            .nanoClock(this)
            .modelLoader(this)
            .listener(this)
            .slotCount(8)
            .memoryBudgetBytes(1000 * MB)
            .vramBudgetBytes(100 * MB)
            .preloadMemoryBudgetBytes(300 * MB)
            .cooldownNanos(1_000)
            .heartbeatTimeoutNanos(10_000)
            .predictionIntervalNanos(100)
            .usageHalfLifeNanos(1_000_000_000L)
            .keepWarmScore(2.0);
    }

    PoolFixture start() {
        pool = PoolManager.create(context);
        host = pool.registerHost("host-a");
        pool.onHostState(host, HostState.ACTIVE);
        return this;
    }

    int model(final String name, final long memoryMb) {
        return pool.registerModel(new ModelSpec(name, host, memoryMb * MB, 0, 2, 100, 1));
    }

    /** Allocates and completes the load so the slot is ready. */
    int allocateReady(final int model, final long task, final long run) {
        final int slot = pool.allocate(model, task, run, 10);
        if (slot >= 0 && pool.modelState(model) == ModelState.LOADING) {
            pool.onModelLoaded(model);
        }
        return slot;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void load(final int modelId, final ModelSpec spec, final boolean predictive) {
        loads.add(spec.name() + (predictive ? "(predictive)" : ""));
    }

    @Override
    public void unload(final int modelId, final ModelSpec spec) {
        unloads.add(spec.name());
    }

    @Override
    public void onSlotReady(final int slot, final long taskId, final int modelId) {
        events.add("ready slot=" + slot + " task=" + taskId);
    }

    @Override
    public void onSlotRevoked(final int slot, final long taskId, final int modelId) {
        events.add("revoked slot=" + slot + " task=" + taskId);
    }

    @Override
    public void onModelState(final int modelId, final ModelState from, final ModelState to) {
        if (!from.canTransitionTo(to)) {
            illegalObserved.add(modelId + ":" + from + "->" + to);
        }
    }
}
