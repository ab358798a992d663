package dev.symphony.pit.pool.internal;

import dev.symphony.pit.pool.api.CallSample;
import dev.symphony.pit.pool.api.HostState;
import dev.symphony.pit.pool.api.InstrumentStats;
import dev.symphony.pit.pool.api.ModelLoader;
import dev.symphony.pit.pool.api.ModelSpec;
import dev.symphony.pit.pool.api.ModelState;
import dev.symphony.pit.pool.api.ModelStatus;
import dev.symphony.pit.pool.api.PoolListener;
import dev.symphony.pit.pool.api.PoolManager;
import dev.symphony.pit.pool.api.PoolManagerContext;
import dev.symphony.pit.pool.api.PoolSnapshot;
import dev.symphony.pit.pool.api.Refusal;
import dev.symphony.pit.pool.api.RefusalReason;
import dev.symphony.pit.pool.api.RunUsage;
import org.agrona.concurrent.NanoClock;

import java.util.ArrayList;
import java.util.List;

/** The pool manager: allocation and release on the caller's thread, housekeeping in {@link #doWork()}. */
public final class DefaultPoolManager implements PoolManager {
    private final PoolManagerContext ctx;
    private final NanoClock clock;
    private final ModelLoader loader;
    private final PoolListener listener;
    private final HostTable hosts;
    private final ModelTable models;
    private final SlotTable slots;
    private final Accounts accounts = new Accounts();
    private final UsagePredictor predictor;
    private final EvictionPolicy eviction;
    private final Preloader preloader;
    private final RefusalRecorder refusals = new RefusalRecorder();
    private final CallHistory history = new CallHistory();
    private long nextPredictionNanos;

    public DefaultPoolManager(final PoolManagerContext ctx) {
        this.ctx = ctx.conclude();
        clock = ctx.nanoClock();
        loader = ctx.modelLoader();
        listener = ctx.listener();
        hosts = new HostTable(ctx.maxHosts());
        predictor = new UsagePredictor(ctx.maxModels(), ctx.usageHalfLifeNanos());
        models = new ModelTable(ctx.maxModels(), listener, predictor);
        slots = new SlotTable(ctx.slotCount());
        eviction = new EvictionPolicy(models, loader, ctx.memoryBudgetBytes(), ctx.vramBudgetBytes());
        preloader = new Preloader(models, hosts, predictor, loader, ctx.keepWarmScore(), ctx.memoryBudgetBytes(),
            ctx.vramBudgetBytes(), ctx.preloadMemoryBudgetBytes());
        nextPredictionNanos = clock.nanoTime() + ctx.predictionIntervalNanos();
    }

    @Override
    public String roleName() {
        return "pit-pool-manager";
    }

    @Override
    public int registerHost(final String name) {
        return hosts.register(name, clock.nanoTime());
    }

    @Override
    public void onHostState(final int hostId, final HostState state) {
        hosts.check(hostId);
        final HostState previous = hosts.state(hostId);
        hosts.state(hostId, state);
        if (state.isDown()) {
            for (int m = 0, n = models.count(); m < n; m++) {
                if (models.host(m) == hostId && models.state(m).isResident()) {
                    fail(m);
                }
            }
        } else if (state.canServe()) {
            hosts.heartbeat(hostId, clock.nanoTime());
            if (previous.isDown()) {
                // A restarted host is a fresh process: what failed with the old one may load again.
                for (int m = 0, n = models.count(); m < n; m++) {
                    if (models.host(m) == hostId && models.state(m) == ModelState.FAILED) {
                        recover(m);
                    }
                }
            }
        }
    }

    @Override
    public void onHeartbeat(final int hostId) {
        hosts.check(hostId);
        hosts.heartbeat(hostId, clock.nanoTime());
    }

    @Override
    public HostState hostState(final int hostId) {
        hosts.check(hostId);
        return hosts.state(hostId);
    }

    @Override
    public int registerModel(final ModelSpec spec) {
        hosts.check(spec.hostId());
        return models.register(spec);
    }

    @Override
    public int modelId(final String name) {
        return models.id(name);
    }

    @Override
    public ModelSpec modelSpec(final int modelId) {
        models.check(modelId);
        return models.spec(modelId);
    }

    @Override
    public ModelState modelState(final int modelId) {
        models.check(modelId);
        return models.state(modelId);
    }

    @Override
    public void setWorkspaceBudget(final int workspaceId, final long budgetMicros) {
        accounts.setWorkspaceBudget(workspaceId, budgetMicros);
    }

    @Override
    public void openRun(final long runId, final int workspaceId, final long budgetMicros) {
        accounts.openRun(runId, workspaceId, budgetMicros);
    }

    @Override
    public RunUsage closeRun(final long runId) {
        return accounts.close(runId);
    }

    @Override
    public int allocate(final int modelId, final long taskId, final long runId, final long estimatedTokens) {
        if (!models.isValid(modelId)) {
            return refuse(RefusalReason.UNKNOWN_MODEL, modelId, runId, 0, 0, 0);
        }
        final ModelState state = models.state(modelId);
        if (state == ModelState.FAILED) {
            return refuse(RefusalReason.MODEL_FAILED, modelId, runId, 0, 0, 0);
        }
        if (!hosts.canServe(models.host(modelId))) {
            return refuse(RefusalReason.HOST_UNAVAILABLE, modelId, runId, 0, 0, 0);
        }
        final ModelSpec spec = models.spec(modelId);
        final int tasks = models.tasks(modelId);
        if (tasks >= spec.maxConcurrency()) {
            return refuse(RefusalReason.MODEL_CONCURRENCY_LIMIT, modelId, runId, 1, tasks, spec.maxConcurrency());
        }
        if (!slots.hasFree()) {
            return refuse(RefusalReason.NO_FREE_SLOT, modelId, runId, 1, slots.inUse(), slots.capacity());
        }
        final Accounts.RunAccount run = accounts.run(runId);
        if (run == null) {
            return refuse(RefusalReason.UNKNOWN_RUN, modelId, runId, 0, 0, 0);
        }
        final long cost = Costs.of(spec, estimatedTokens);
        if (!run.fits(cost)) {
            return refuse(RefusalReason.RUN_BUDGET_EXCEEDED, modelId, runId, cost, run.committed(), run.budget);
        }
        if (!run.workspace.fits(cost)) {
            return refuse(RefusalReason.WORKSPACE_BUDGET_EXCEEDED, modelId, runId, cost,
                run.workspace.committed(), run.workspace.budget);
        }
        final long now = clock.nanoTime();
        if (!state.isResident()) {
            final int refused = checkRoom(modelId, runId);
            if (refused < 0) {
                return refused;
            }
            eviction.makeRoom(modelId);
        }

        Accounts.reserve(run, cost);
        final boolean ready = state == ModelState.WARM || state == ModelState.ACTIVE || state == ModelState.COOLDOWN;
        final int slot = slots.acquire(modelId, taskId, runId, cost, ready);
        models.addTask(modelId, 1);
        models.speculative(modelId, false);
        if (state == ModelState.WARM || state == ModelState.COOLDOWN) {
            // Leave the eviction queue before the usage keys change (the queue orders by them).
            models.transition(modelId, ModelState.ACTIVE);
        }
        models.lastUsed(modelId, now);
        predictor.recordUse(modelId, run.lastModel, now);
        run.lastModel = modelId;
        if (state == ModelState.IDLE) {
            models.transition(modelId, ModelState.LOADING);
            loader.load(modelId, spec, false); // may answer at once through onModelLoaded
        }
        return slot;
    }

    private int checkRoom(final int modelId, final long runId) {
        final int shortOf = eviction.feasibility(modelId);
        if (shortOf == 1) {
            return refuse(RefusalReason.MEMORY_BUDGET_EXCEEDED, modelId, runId, models.memory(modelId),
                models.residentMemory(), ctx.memoryBudgetBytes());
        }
        if (shortOf == 2) {
            return refuse(RefusalReason.VRAM_BUDGET_EXCEEDED, modelId, runId, models.vram(modelId),
                models.residentVram(), ctx.vramBudgetBytes());
        }
        return 0;
    }

    private int refuse(final RefusalReason reason, final int modelId, final long runId, final long requested,
        final long committed, final long limit) {
        return refusals.refuse(reason, modelId, runId, requested, committed, limit);
    }

    @Override
    public boolean isSlotReady(final int slot) {
        return slots.ready(slot);
    }

    @Override
    public void release(final int slot, final long actualTokens, final boolean succeeded) {
        slots.checkInUse(slot);
        final int model = slots.model(slot);
        final boolean called = slots.ready(slot);
        final Accounts.RunAccount run = accounts.run(slots.run(slot));
        if (called) {
            Accounts.settle(run, slots.reserved(slot), Costs.of(models.spec(model), actualTokens), actualTokens);
        } else {
            Accounts.refund(run, slots.reserved(slot));
        }
        slots.free(slot);
        models.addTask(model, -1);
        final long now = clock.nanoTime();
        if (models.tasks(model) == 0) {
            final ModelState state = models.state(model);
            if (state == ModelState.ACTIVE) {
                models.transition(model, ModelState.COOLDOWN);
                models.cooldownDeadline(model, now + ctx.cooldownNanos());
            } else if (state == ModelState.LOADING) {
                models.speculative(model, true);
            }
        }
        if (called) {
            final double rate = models.recordCall(model, !succeeded, ctx.errorRateAlpha());
            if (models.calls(model) >= ctx.errorRateMinCalls() && rate > ctx.errorRateThreshold()) {
                fail(model);
            }
        }
    }

    @Override
    public void onModelLoaded(final int modelId) {
        models.check(modelId);
        if (models.state(modelId) == ModelState.FAILED) {
            return; // a late answer from a host that was declared dead: nothing to do
        }
        models.transition(modelId, ModelState.WARM);
        if (models.tasks(modelId) > 0) {
            models.transition(modelId, ModelState.ACTIVE);
            for (int s = 0, n = slots.capacity(); s < n; s++) {
                if (slots.model(s) == modelId && !slots.ready(s)) {
                    slots.markReady(s);
                    listener.onSlotReady(s, slots.task(s), modelId);
                }
            }
        }
    }

    @Override
    public void onModelLoadFailed(final int modelId) {
        models.check(modelId);
        if (models.state(modelId) != ModelState.FAILED) {
            fail(modelId);
        }
    }

    /** Fails a model: its slots are revoked (reservations refunded) and it stops counting as resident. */
    private void fail(final int model) {
        for (int s = 0, n = slots.capacity(); s < n; s++) {
            if (slots.model(s) == model) {
                Accounts.refund(accounts.run(slots.run(s)), slots.reserved(s));
                final long task = slots.task(s);
                slots.free(s);
                models.addTask(model, -1);
                listener.onSlotRevoked(s, task, model);
            }
        }
        models.transition(model, ModelState.FAILED);
        if (hosts.canServe(models.host(model))) {
            loader.unload(model, models.spec(model));
        }
    }

    @Override
    public void recover(final int modelId) {
        models.check(modelId);
        models.transition(modelId, ModelState.IDLE);
        models.resetHealth(modelId);
    }

    @Override
    public int doWork() {
        final long now = clock.nanoTime();
        int work = checkHeartbeats(now) + preloader.expireCooldowns(now);
        if (now - nextPredictionNanos >= 0) {
            nextPredictionNanos = now + ctx.predictionIntervalNanos();
            work += preloader.run(now);
        }
        return work;
    }

    private int checkHeartbeats(final long now) {
        int work = 0;
        for (int h = 0, n = hosts.count(); h < n; h++) {
            if (hosts.canServe(h) && now - hosts.lastHeartbeat(h) > ctx.heartbeatTimeoutNanos()) {
                onHostState(h, HostState.FAILED);
                work++;
            }
        }
        return work;
    }

    @Override
    public Refusal lastRefusal() {
        return refusals.last(models);
    }

    @Override
    public PoolSnapshot snapshot() {
        final long now = clock.nanoTime();
        final List<ModelStatus> list = new ArrayList<>(models.count());
        for (int m = 0, n = models.count(); m < n; m++) {
            list.add(new ModelStatus(m, models.spec(m).name(), models.state(m), models.tasks(m), models.calls(m),
                models.errorRate(m), predictor.score(m, now)));
        }
        return new PoolSnapshot(slots.inUse(), slots.capacity(), models.residentMemory(), ctx.memoryBudgetBytes(),
            models.residentVram(), ctx.vramBudgetBytes(), models.speculativeMemory(), List.copyOf(list));
    }

    @Override
    public int tasks(final int modelId) {
        models.check(modelId);
        return models.tasks(modelId);
    }

    @Override
    public void recordCall(final String instrument, final CallSample sample) {
        history.record(instrument, sample);
    }

    @Override
    public void restoreCallHistory(final String instrument, final List<CallSample> samples) {
        history.restore(instrument, samples);
    }

    @Override
    public InstrumentStats instrumentStats(final String instrument) {
        return history.stats(instrument);
    }

    @Override
    public List<String> instrumentsWithHistory() {
        return history.instruments();
    }

    @Override
    public List<CallSample> callHistory(final String instrument) {
        return history.samples(instrument);
    }

    @Override
    public int slotsInUse() {
        return slots.inUse();
    }
}
