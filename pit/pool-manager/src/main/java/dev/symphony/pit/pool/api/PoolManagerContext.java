package dev.symphony.pit.pool.api;

import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.util.concurrent.TimeUnit;

/**
 * Configuration of one pool manager: fluent setters, {@link #conclude()} fills defaults and validates. Nothing
 * here is static, so tests and several pools in one JVM never share configuration.
 */
public final class PoolManagerContext {
    private boolean concluded;
    private NanoClock nanoClock;
    private int slotCount = 64;
    private int maxModels = 1024;
    private int maxHosts = 64;
    private long memoryBudgetBytes = -1;
    private long vramBudgetBytes = 0;
    private long preloadMemoryBudgetBytes = -1;
    private long cooldownNanos = TimeUnit.SECONDS.toNanos(30);
    private long heartbeatTimeoutNanos = TimeUnit.SECONDS.toNanos(5);
    private long predictionIntervalNanos = TimeUnit.SECONDS.toNanos(1);
    private long usageHalfLifeNanos = TimeUnit.MINUTES.toNanos(10);
    private double keepWarmScore = 2.0;
    private double errorRateThreshold = 0.5;
    private int errorRateMinCalls = 10;
    private double errorRateAlpha = 0.1;
    private ModelLoader modelLoader;
    private PoolListener listener;

    /**
     * Fills defaults and validates; idempotent. Throws {@link IllegalArgumentException} naming the bad setting.
     */
    public PoolManagerContext conclude() {
        if (concluded) {
            return this;
        }
        if (nanoClock == null) {
            nanoClock = SystemNanoClock.INSTANCE;
        }
        if (listener == null) {
            listener = PoolListener.NO_OP;
        }
        require(modelLoader != null, "modelLoader must be set (how the pool asks hosts to load models)");
        require(slotCount >= 1, "slotCount must be >= 1, was " + slotCount);
        require(maxModels >= 1, "maxModels must be >= 1, was " + maxModels);
        require(maxHosts >= 1, "maxHosts must be >= 1, was " + maxHosts);
        require(memoryBudgetBytes > 0, "memoryBudgetBytes must be set and > 0, was " + memoryBudgetBytes);
        require(vramBudgetBytes >= 0, "vramBudgetBytes must be >= 0, was " + vramBudgetBytes);
        if (preloadMemoryBudgetBytes < 0) {
            preloadMemoryBudgetBytes = memoryBudgetBytes / 4;
        }
        require(preloadMemoryBudgetBytes <= memoryBudgetBytes,
            "preloadMemoryBudgetBytes (" + preloadMemoryBudgetBytes + ") must not exceed memoryBudgetBytes ("
                + memoryBudgetBytes + ")");
        require(cooldownNanos >= 0, "cooldownNanos must be >= 0");
        require(heartbeatTimeoutNanos > 0, "heartbeatTimeoutNanos must be > 0");
        require(predictionIntervalNanos > 0, "predictionIntervalNanos must be > 0");
        require(usageHalfLifeNanos > 0, "usageHalfLifeNanos must be > 0");
        require(errorRateThreshold > 0 && errorRateThreshold <= 1, "errorRateThreshold must be in (0, 1]");
        require(errorRateMinCalls >= 1, "errorRateMinCalls must be >= 1");
        require(errorRateAlpha > 0 && errorRateAlpha <= 1, "errorRateAlpha must be in (0, 1]");
        require(keepWarmScore >= 0, "keepWarmScore must be >= 0");
        concluded = true;
        return this;
    }

    private static void require(final boolean condition, final String message) {
        if (!condition) {
            throw new IllegalArgumentException("PoolManagerContext: " + message);
        }
    }

    public PoolManagerContext nanoClock(final NanoClock clock) {
        this.nanoClock = clock;
        return this;
    }

    public NanoClock nanoClock() {
        return nanoClock;
    }

    /** Tasks the whole pool serves at once. */
    public PoolManagerContext slotCount(final int slotCount) {
        this.slotCount = slotCount;
        return this;
    }

    public int slotCount() {
        return slotCount;
    }

    public PoolManagerContext maxModels(final int maxModels) {
        this.maxModels = maxModels;
        return this;
    }

    public int maxModels() {
        return maxModels;
    }

    public PoolManagerContext maxHosts(final int maxHosts) {
        this.maxHosts = maxHosts;
        return this;
    }

    public int maxHosts() {
        return maxHosts;
    }

    /** RAM all resident models may occupy together. Required. */
    public PoolManagerContext memoryBudgetBytes(final long bytes) {
        this.memoryBudgetBytes = bytes;
        return this;
    }

    public long memoryBudgetBytes() {
        return memoryBudgetBytes;
    }

    /** GPU memory all resident models may occupy together (0 = no GPU: models needing VRAM are refused). */
    public PoolManagerContext vramBudgetBytes(final long bytes) {
        this.vramBudgetBytes = bytes;
        return this;
    }

    public long vramBudgetBytes() {
        return vramBudgetBytes;
    }

    /**
     * RAM that models loaded or kept warm <em>speculatively</em> (no task holds them) may occupy; part of, not in
     * addition to, the memory budget. Default: a quarter of the memory budget.
     */
    public PoolManagerContext preloadMemoryBudgetBytes(final long bytes) {
        this.preloadMemoryBudgetBytes = bytes;
        return this;
    }

    public long preloadMemoryBudgetBytes() {
        return preloadMemoryBudgetBytes;
    }

    /** How long a model stays in COOLDOWN after its last task before it is unloaded (or kept warm). */
    public PoolManagerContext cooldownNanos(final long nanos) {
        this.cooldownNanos = nanos;
        return this;
    }

    public long cooldownNanos() {
        return cooldownNanos;
    }

    /** A serving host silent for longer than this is treated as dead and its models fail. */
    public PoolManagerContext heartbeatTimeoutNanos(final long nanos) {
        this.heartbeatTimeoutNanos = nanos;
        return this;
    }

    public long heartbeatTimeoutNanos() {
        return heartbeatTimeoutNanos;
    }

    /** How often the agent re-ranks models and pre-loads the likely next ones. */
    public PoolManagerContext predictionIntervalNanos(final long nanos) {
        this.predictionIntervalNanos = nanos;
        return this;
    }

    public long predictionIntervalNanos() {
        return predictionIntervalNanos;
    }

    /** Half-life of the recent-usage score: a use this long ago counts half as much as one now. */
    public PoolManagerContext usageHalfLifeNanos(final long nanos) {
        this.usageHalfLifeNanos = nanos;
        return this;
    }

    public long usageHalfLifeNanos() {
        return usageHalfLifeNanos;
    }

    /** Usage score at or above which a model is pre-loaded / kept warm instead of unloaded. */
    public PoolManagerContext keepWarmScore(final double score) {
        this.keepWarmScore = score;
        return this;
    }

    public double keepWarmScore() {
        return keepWarmScore;
    }

    /** A model whose weighted error rate exceeds this (after {@link #errorRateMinCalls} calls) is failed. */
    public PoolManagerContext errorRateThreshold(final double threshold) {
        this.errorRateThreshold = threshold;
        return this;
    }

    public double errorRateThreshold() {
        return errorRateThreshold;
    }

    public PoolManagerContext errorRateMinCalls(final int calls) {
        this.errorRateMinCalls = calls;
        return this;
    }

    public int errorRateMinCalls() {
        return errorRateMinCalls;
    }

    /** Weight of the newest call in the exponentially weighted error rate. */
    public PoolManagerContext errorRateAlpha(final double alpha) {
        this.errorRateAlpha = alpha;
        return this;
    }

    public double errorRateAlpha() {
        return errorRateAlpha;
    }

    public PoolManagerContext modelLoader(final ModelLoader loader) {
        this.modelLoader = loader;
        return this;
    }

    public ModelLoader modelLoader() {
        return modelLoader;
    }

    public PoolManagerContext listener(final PoolListener listener) {
        this.listener = listener;
        return this;
    }

    public PoolListener listener() {
        return listener;
    }
}
