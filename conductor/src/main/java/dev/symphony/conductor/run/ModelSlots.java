package dev.symphony.conductor.run;

import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.pit.pool.api.HostState;
import dev.symphony.pit.pool.api.ModelLoader;
import dev.symphony.pit.pool.api.ModelSpec;
import dev.symphony.pit.pool.api.PoolManager;
import dev.symphony.pit.pool.api.PoolManagerContext;
import dev.symphony.pit.pool.api.RefusalReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Model slots for Instrument calls from the Pit's pool manager: each Instrument capability is a model of its
 * extension's host (one task at a time: manifests do not declare more yet), the run is an account with the
 * Melody's budget, and every call holds a slot while it runs. The pool is single-threaded and nested runs
 * call from worker threads, so every method is synchronized. In the CLI the kernel starts a host on its
 * first call, so a model's "load" is answered at once (the first call then pays the host start).
 */
final class ModelSlots {
    private static final long RUN = 1;
    private final PoolManager pool;
    private final Map<String, Integer> models = new HashMap<>();
    private final Map<String, Integer> hosts = new HashMap<>();
    private final List<Integer> loads = new ArrayList<>();
    private long nextTask;
    private boolean open;

    ModelSlots() {
        // Memory: manifests do not declare a model's footprint yet (registered as 0), so the budget is nominal.
        pool = PoolManager.create(new PoolManagerContext().memoryBudgetBytes(Runtime.getRuntime().maxMemory()).modelLoader(new ModelLoader() {
            @Override
            public void load(int modelId, ModelSpec spec, boolean predictive) {
                loads.add(modelId); // answered after allocate returns: the pool must not be re-entered
            }

            @Override
            public void unload(int modelId, ModelSpec spec) {
            }
        }));
    }

    /** A slot (>= 0) for one call of {@code spec}, or a negative {@link RefusalReason#code()}. */
    synchronized int tryAcquire(CapabilitySpec spec, double budgetLeft) {
        if (!open) {
            pool.openRun(RUN, 0, Double.isInfinite(budgetLeft) ? Long.MAX_VALUE / 4 : Math.max(0, Math.round(budgetLeft * 1e6)));
            open = true;
        }
        int host = hosts.computeIfAbsent(spec.extension(), ext -> {
            int id = pool.registerHost(ext);
            pool.onHostState(id, HostState.ACTIVE);
            return id;
        });
        pool.onHeartbeat(host);
        int model = models.computeIfAbsent(spec.key(), k -> pool.registerModel(
                new ModelSpec(k, host, 0, 0, 1, Math.round(spec.costPerCall() * 1e6), 0)));
        int slot = pool.allocate(model, ++nextTask, RUN, 0);
        for (int m : loads) {
            pool.onModelLoaded(m);
        }
        loads.clear();
        return slot;
    }

    synchronized void release(int slot, boolean succeeded) {
        pool.release(slot, 0, succeeded);
    }

    /** Why the last allocation was refused, with the pool's numbers. */
    synchronized String refusal() {
        return pool.lastRefusal().message();
    }

    static boolean isWait(int code) {
        RefusalReason r = RefusalReason.fromCode(code);
        return r == RefusalReason.MODEL_CONCURRENCY_LIMIT || r == RefusalReason.NO_FREE_SLOT;
    }
}
