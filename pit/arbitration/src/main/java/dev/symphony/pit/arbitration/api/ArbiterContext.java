package dev.symphony.pit.arbitration.api;

import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

/** Configuration of one arbiter: fluent setters, {@link #conclude()} fills defaults and validates. */
public final class ArbiterContext {
    private boolean concluded;
    private EpochClock epochClock;
    private ScoringWeights weights = ScoringWeights.EQUAL;
    private int maxRequesters = 256;
    private int maxResources = 256;
    private int maxContenders = 32;
    private int decisionLogCapacity = 1024;
    private int starvationThreshold = 8;
    private double agingBonusPerLoss = 0.05;

    public ArbiterContext conclude() {
        if (concluded) {
            return this;
        }
        if (epochClock == null) {
            epochClock = SystemEpochClock.INSTANCE;
        }
        require(weights != null, "weights must be set");
        require(maxRequesters >= 1, "maxRequesters must be >= 1, was " + maxRequesters);
        require(maxResources >= 1, "maxResources must be >= 1, was " + maxResources);
        require(maxContenders >= 1 && maxContenders <= 255, "maxContenders must be in 1..255, was " + maxContenders);
        require(decisionLogCapacity >= 1 && Integer.bitCount(decisionLogCapacity) == 1,
            "decisionLogCapacity must be a power of two, was " + decisionLogCapacity);
        require(starvationThreshold >= 1, "starvationThreshold must be >= 1, was " + starvationThreshold);
        require(agingBonusPerLoss >= 0 && !Double.isInfinite(agingBonusPerLoss), "agingBonusPerLoss must be >= 0");
        concluded = true;
        return this;
    }

    private static void require(final boolean condition, final String message) {
        if (!condition) {
            throw new IllegalArgumentException("ArbiterContext: " + message);
        }
    }

    /** Timestamps of logged decisions. */
    public ArbiterContext epochClock(final EpochClock clock) {
        this.epochClock = clock;
        return this;
    }

    public EpochClock epochClock() {
        return epochClock;
    }

    /** Weights of the four scoring dimensions (from settings; changeable later with {@link Arbiter#weights}). */
    public ArbiterContext weights(final ScoringWeights weights) {
        this.weights = weights;
        return this;
    }

    public ScoringWeights weights() {
        return weights;
    }

    public ArbiterContext maxRequesters(final int max) {
        this.maxRequesters = max;
        return this;
    }

    public int maxRequesters() {
        return maxRequesters;
    }

    public ArbiterContext maxResources(final int max) {
        this.maxResources = max;
        return this;
    }

    public int maxResources() {
        return maxResources;
    }

    /** Most contenders one decision may have (fixes the size of a decision log slot). */
    public ArbiterContext maxContenders(final int max) {
        this.maxContenders = max;
        return this;
    }

    public int maxContenders() {
        return maxContenders;
    }

    /** Decisions the log ring keeps (a power of two). */
    public ArbiterContext decisionLogCapacity(final int capacity) {
        this.decisionLogCapacity = capacity;
        return this;
    }

    public int decisionLogCapacity() {
        return decisionLogCapacity;
    }

    /** Lost decisions in a row on one resource after which a contender is served first. */
    public ArbiterContext starvationThreshold(final int threshold) {
        this.starvationThreshold = threshold;
        return this;
    }

    public int starvationThreshold() {
        return starvationThreshold;
    }

    /** Score bonus per lost decision in a row (soft aging before the starvation threshold). */
    public ArbiterContext agingBonusPerLoss(final double bonus) {
        this.agingBonusPerLoss = bonus;
        return this;
    }

    public double agingBonusPerLoss() {
        return agingBonusPerLoss;
    }
}
