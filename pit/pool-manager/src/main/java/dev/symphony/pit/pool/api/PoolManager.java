package dev.symphony.pit.pool.api;

import dev.symphony.pit.pool.internal.DefaultPoolManager;
import org.agrona.concurrent.Agent;

/**
 * The pool of model instances (Instruments' models): lifecycle, slot allocation under memory/VRAM/concurrency
 * and cost budgets, health, predictive loading and eviction.
 *
 * <p>Single-threaded: every method is called on the thread that runs this {@link Agent} (or, when the caller
 * drives it directly, on the caller's thread). {@link #doWork()} does the timed housekeeping: cooldown expiry,
 * heartbeat checks and predictive pre-loading. {@link #allocate} and {@link #release} allocate no memory.
 */
public interface PoolManager extends Agent {

    /** A pool configured by {@code context} (concluded here). */
    static PoolManager create(final PoolManagerContext context) {
        return new DefaultPoolManager(context.conclude());
    }

    /**
     * Housekeeping: heartbeat timeouts, cooldown expiry (unload or keep warm) and, every prediction interval,
     * predictive pre-loading. Returns the number of models it changed (0 lets the idle strategy back off).
     */
    @Override
    int doWork();

    /** Registers an extension host (initially {@link HostState#PENDING}); returns its id. */
    int registerHost(String name);

    /** The kernel's supervisor reports a host's Player state. FAILED/DISABLED fail the host's models. */
    void onHostState(int hostId, HostState state);

    /** The host is alive. A serving host that stays silent past the heartbeat timeout is treated as FAILED. */
    void onHeartbeat(int hostId);

    HostState hostState(int hostId);

    /** Registers a model (initially IDLE); returns its id. Names are unique. */
    int registerModel(ModelSpec spec);

    /** The id of a registered model, or -1. */
    int modelId(String name);

    ModelSpec modelSpec(int modelId);

    ModelState modelState(int modelId);

    /** Sets a workspace's spending limit in micros (unlimited until set). */
    void setWorkspaceBudget(int workspaceId, long budgetMicros);

    /** Opens the account of one Melody run with its own spending limit in micros. */
    void openRun(long runId, int workspaceId, long budgetMicros);

    /** Closes a run's account (its slots must have been released) and returns what it spent. */
    RunUsage closeRun(long runId);

    /**
     * Grants a slot for one call of {@code modelId} by task {@code taskId} of run {@code runId}, reserving the
     * call's estimated cost against the run's and the workspace's budgets.
     *
     * @return the slot (>= 0), or a negative {@link RefusalReason#code()}; details via {@link #lastRefusal()}.
     *     If the model was not yet WARM the slot is granted but not ready: the pool starts the load and reports
     *     {@link PoolListener#onSlotReady} when it is.
     */
    int allocate(int modelId, long taskId, long runId, long estimatedTokens);

    /** True when the slot's model is loaded and the task may call it. */
    boolean isSlotReady(int slot);

    /** Ends a call: charges the actual cost and feeds the model's error rate. */
    void release(int slot, long actualTokens, boolean succeeded);

    /** The host finished loading a model (LOADING -> WARM, then ACTIVE if tasks wait for it). */
    void onModelLoaded(int modelId);

    /** The host could not load a model: it fails and its waiting slots are revoked. */
    void onModelLoadFailed(int modelId);

    /** FAILED -> IDLE after the cause was dealt with. */
    void recover(int modelId);

    /** The most recent refusal with its numbers (allocates; call off the hot path), or null. */
    Refusal lastRefusal();

    PoolSnapshot snapshot();

    /** Tasks the model serves now (slots granted and not released); with its {@code maxConcurrency}, its free capacity. */
    int tasks(int modelId);

    /**
     * Records one finished call of {@code instrument} (any capability, pooled model or not) for its statistics across
     * runs. Off the hot path: it recomputes the Instrument's summary (allocates).
     */
    void recordCall(String instrument, CallSample sample);

    /** The Instrument's statistics over its recent calls, or null before its first recorded call. Allocation-free. */
    InstrumentStats instrumentStats(String instrument);

    /** Every Instrument with recorded calls. */
    java.util.List<String> instrumentsWithHistory();

    /** The Instrument's recorded calls, oldest first (at most {@link InstrumentStats#WINDOW}), for the caller to persist. */
    java.util.List<CallSample> callHistory(String instrument);

    /** Records saved calls again (oldest first), as after a restart: what {@link #callHistory} gave. */
    void restoreCallHistory(String instrument, java.util.List<CallSample> samples);

    int slotsInUse();
}
