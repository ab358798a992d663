package dev.symphony.conductor.run;

import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.pit.pool.api.HostState;
import dev.symphony.pit.pool.api.ModelLoader;
import dev.symphony.pit.pool.api.ModelSpec;
import dev.symphony.pit.pool.api.PoolManager;
import dev.symphony.pit.pool.api.PoolListener;
import dev.symphony.pit.pool.api.PoolManagerContext;
import dev.symphony.pit.pool.api.RefusalReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Model slots for Instrument calls from the Pit's pool manager, one per process (one per {@link RunContext}:
 * {@code symphony run} has one, {@code serve} shares one across its runs): each Instrument capability is a
 * model of its extension's host (one task at a time: manifests do not declare more yet), each run is an
 * account with its Melody's budget, and every call holds a slot while it runs. The pool's housekeeping
 * (cooldown expiry, predictive pre-loading) runs every 250 ms on a daemon thread started at the first call.
 * The pool is single-threaded and runs call from worker threads, so every method is synchronized. A model's load is its Instrument's warm-up
 * through {@link Capabilities#warmUp} (the host loads the model; the kernel reports LOADING → WARM), and
 * a slot granted meanwhile becomes ready when it completes.
 */
final class ModelSlots {
    private static final long HOUSEKEEPING_MS = 250;
    private final PoolManager pool;
    private final java.util.Set<Long> openRuns = new java.util.HashSet<>();
    private final java.util.Set<Long> closing = new java.util.HashSet<>();
    private long nextRun;
    private Capabilities capabilities;
    private java.util.concurrent.ScheduledExecutorService housekeeping;
    private final Map<String, Integer> models = new HashMap<>();
    private final Map<String, Integer> hosts = new HashMap<>();
    private final List<Integer> loads = new ArrayList<>();
    private final Map<Integer, CapabilitySpec> specs = new HashMap<>();
    private final Map<Integer, String> loadFailures = new HashMap<>();
    private final Map<Long, Integer> revoked = new HashMap<>(); // task -> model whose failed load revoked its slot
    private long nextTask;
    /** Where the per-Instrument statistics persist across runs (null: this process only). */
    private final java.nio.file.Path statsFile;
    private String statsProblem;

    ModelSlots() {
        this(null);
    }

    /**
     * Slots whose per-Instrument statistics ({@link #recordCall}) persist in {@code statsFile}: read here, written at
     * the end of every run ({@link #saveStats}). A file that cannot be read is reported on stderr with the reason and
     * kept beside it as {@code .corrupt}; the runs go on with empty statistics.
     */
    ModelSlots(java.nio.file.Path statsFile) {
        this.statsFile = statsFile;
        // Memory: manifests do not declare a model's footprint yet (registered as 0), so the budget is nominal.
        // Heartbeats: the kernel's supervisor does not report extension hosts to the conductor, so a quiet host is
        // not presumed dead (a dead one shows as failed calls); the pool's heartbeat timeout is effectively off.
        pool = PoolManager.create(new PoolManagerContext().memoryBudgetBytes(Runtime.getRuntime().maxMemory())
                .heartbeatTimeoutNanos(Long.MAX_VALUE / 4).listener(new PoolListener() {
            @Override
            public void onSlotRevoked(int slot, long taskId, int modelId) {
                revoked.put(taskId, modelId);
            }
        }).modelLoader(new ModelLoader() {
            @Override
            public void load(int modelId, ModelSpec spec, boolean predictive) {
                loads.add(modelId); // answered after allocate returns: the pool must not be re-entered
            }

            @Override
            public void unload(int modelId, ModelSpec spec) {
            }
        }));
        if (statsFile != null) {
            restoreStats(statsFile);
        }
    }

    private void restoreStats(java.nio.file.Path file) {
        try {
            InstrumentStatsFile.read(file).forEach(pool::restoreCallHistory);
        } catch (java.io.IOException | RuntimeException e) {
            java.nio.file.Path kept = file.resolveSibling(file.getFileName() + ".corrupt");
            try {
                java.nio.file.Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException notKept) {
                kept = null;
            }
            statsProblem = "the Instrument statistics in " + file + " cannot be read (" + e.getMessage()
                    + "): runs go on with empty statistics and the file is rewritten at the end of the run"
                    + (kept == null ? "" : "; the unreadable file is kept as " + kept);
            System.err.println("symphony: " + statsProblem);
        }
    }

    /** Why the statistics file could not be read when these slots were made, or null. */
    synchronized String statsProblem() {
        return statsProblem;
    }

    /**
     * One finished call (or attempt) of {@code spec}, model or operator, for its statistics across runs: how long it
     * took on the run's clock, whether it succeeded, what it was charged and the tokens it reported.
     */
    synchronized void recordCall(CapabilitySpec spec, long latencyMs, boolean succeeded, double cost, long tokens) {
        pool.recordCall(spec.key(), new dev.symphony.pit.pool.api.CallSample(Math.max(0, latencyMs) * 1_000_000L, succeeded,
                Math.max(0, Math.round(cost * 1e6)), Math.max(0, tokens)));
    }

    /** The pool's statistics of {@code spec} across runs, or null before its first recorded call. */
    dev.symphony.pit.pool.api.InstrumentStats stats(CapabilitySpec spec) {
        return stats(spec.key());
    }

    /** The same by the provider's {@link CapabilitySpec#key} (the decision's hot path looks each key up once). */
    synchronized dev.symphony.pit.pool.api.InstrumentStats stats(String key) {
        return pool.instrumentStats(key);
    }

    /** Calls an Instrument's model may serve at once (1 for an operator: it is not pooled, never busy). */
    synchronized int capacity(String key) {
        Integer model = models.get(key);
        return model == null ? 1 : pool.modelSpec(model).maxConcurrency();
    }

    /** Calls the Instrument's model serves now (0 for an operator or a model not yet called). */
    synchronized int busy(String key) {
        Integer model = models.get(key);
        return model == null ? 0 : pool.tasks(model);
    }

    /** Writes the statistics to the file they came from (atomically); advisory: a failure is a notice. */
    synchronized void saveStats() {
        if (statsFile == null) {
            return;
        }
        java.util.Map<String, List<dev.symphony.pit.pool.api.CallSample>> all = new java.util.LinkedHashMap<>();
        for (String instrument : pool.instrumentsWithHistory()) {
            all.put(instrument, pool.callHistory(instrument));
        }
        try {
            InstrumentStatsFile.write(statsFile, all);
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("symphony: could not save the Instrument statistics to " + statsFile + ": " + e.getMessage());
        }
    }

    /**
     * A slot (>= 0) for one call of {@code spec}, or a negative {@link RefusalReason#code()}, with the
     * task it serves. The slot may not be ready yet: its model is loading through {@code capabilities}
     * (see {@link #isReady}).
     */
    synchronized Grant tryAcquire(CapabilitySpec spec, long run, double budgetLeft, Capabilities capabilities) {
        this.capabilities = capabilities;
        startHousekeeping();
        if (openRuns.add(run)) {
            pool.openRun(run, 0, Double.isInfinite(budgetLeft) ? Long.MAX_VALUE / 4 : Math.max(0, Math.round(budgetLeft * 1e6)));
        }
        int host = hosts.computeIfAbsent(spec.extension(), ext -> {
            int id = pool.registerHost(ext);
            pool.onHostState(id, HostState.ACTIVE);
            return id;
        });
        pool.onHeartbeat(host);
        int model = models.computeIfAbsent(spec.key(), k -> pool.registerModel(
                new ModelSpec(k, host, 0, 0, 1, Math.round(spec.costPerCall() * 1e6), 0)));
        specs.putIfAbsent(model, spec);
        long task = ++nextTask;
        int slot = pool.allocate(model, task, run, 0);
        answerLoads();
        return new Grant(slot, task);
    }

    /** A new run account id (its account opens at its first Instrument call). */
    synchronized long newRun() {
        return ++nextRun;
    }

    /** Closes a run's account, if it opened one; a call of it still releasing its slot closes it when it does. */
    synchronized void closeRun(long run) {
        if (openRuns.remove(run)) {
            closing.add(run);
            closeFinished();
        }
    }

    private void closeFinished() {
        closing.removeIf(run -> {
            try {
                pool.closeRun(run);
                return true;
            } catch (IllegalStateException stillHoldsASlot) {
                return false;
            }
        });
    }

    /** Loads the pool asked for (on demand or predicted), after it returned: it must not be re-entered from its loader. */
    private void answerLoads() {
        List<Integer> started = List.copyOf(loads);
        loads.clear();
        for (int m : started) {
            loadFailures.remove(m);
            capabilities.warmUp(specs.get(m)).whenComplete((warm, failure) -> loaded(m, failure));
        }
    }

    private void startHousekeeping() {
        if (housekeeping != null) {
            return;
        }
        housekeeping = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pool-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::housekeep, HOUSEKEEPING_MS, HOUSEKEEPING_MS,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The pool's timed work: cooldown expiry (unload or keep warm) and predictive pre-loading. */
    synchronized int housekeep() {
        int changed = pool.doWork();
        answerLoads();
        return changed;
    }

    private synchronized void loaded(int model, Throwable failure) {
        if (failure == null) {
            pool.onModelLoaded(model);
        } else {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            loadFailures.put(model, String.valueOf(cause.getMessage()));
            pool.onModelLoadFailed(model);
            pool.recover(model); // FAILED → IDLE: the next call loads again
        }
    }

    /**
     * True when the slot's model is warm; throws with the warm-up's message when loading it failed
     * (the pool then revoked the slot: it must not be released).
     */
    synchronized boolean isReady(int slot, long task, CapabilitySpec spec) throws NodeFailure {
        Integer failedModel = revoked.remove(task);
        if (failedModel != null) {
            throw new NodeFailure("loading the model of " + spec.key() + " failed: " + loadFailures.get(failedModel));
        }
        return pool.isSlotReady(slot);
    }

    /** A slot (or a negative refusal code) and the pool task it was granted to. */
    record Grant(int slot, long task) {}

    synchronized void release(int slot, boolean succeeded) {
        release(slot, 0, succeeded);
    }

    synchronized void release(int slot, long tokens, boolean succeeded) {
        pool.release(slot, tokens, succeeded);
        if (!closing.isEmpty()) {
            closeFinished();
        }
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
