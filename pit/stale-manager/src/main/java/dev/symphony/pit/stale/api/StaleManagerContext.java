package dev.symphony.pit.stale.api;

import java.util.Objects;

import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

/** Configuration of a {@link StaleManager}: fluent setters, {@link #conclude()} fills defaults and validates. */
public final class StaleManagerContext {
    private EpochClock epochClock;
    private RetentionPolicy policy;
    private DiskBudget budget;
    private TierMover mover;
    private int stepsPerWork = 256;
    private long sweepIntervalMs = 60_000;
    private int expectedItems = 1024;

    public StaleManagerContext epochClock(EpochClock epochClock) {
        this.epochClock = epochClock;
        return this;
    }

    public EpochClock epochClock() {
        return epochClock;
    }

    public StaleManagerContext policy(RetentionPolicy policy) {
        this.policy = policy;
        return this;
    }

    public RetentionPolicy policy() {
        return policy;
    }

    public StaleManagerContext budget(DiskBudget budget) {
        this.budget = budget;
        return this;
    }

    public DiskBudget budget() {
        return budget;
    }

    /** Performs the moves. Required. */
    public StaleManagerContext mover(TierMover mover) {
        this.mover = mover;
        return this;
    }

    public TierMover mover() {
        return mover;
    }

    /** Candidates examined per {@code doWork()} while a sweep is running (bounds the agent's duty cycle). */
    public StaleManagerContext stepsPerWork(int stepsPerWork) {
        this.stepsPerWork = stepsPerWork;
        return this;
    }

    public int stepsPerWork() {
        return stepsPerWork;
    }

    /** How often a sweep over all items starts when no budget is exceeded (an idle IDE costs ~0 CPU). */
    public StaleManagerContext sweepIntervalMs(long sweepIntervalMs) {
        this.sweepIntervalMs = sweepIntervalMs;
        return this;
    }

    public long sweepIntervalMs() {
        return sweepIntervalMs;
    }

    /** Pre-sizes the catalog. */
    public StaleManagerContext expectedItems(int expectedItems) {
        this.expectedItems = expectedItems;
        return this;
    }

    public int expectedItems() {
        return expectedItems;
    }

    public StaleManagerContext conclude() {
        Objects.requireNonNull(mover, "StaleManagerContext.mover must be set (what performs archive and delete)");
        epochClock = epochClock == null ? SystemEpochClock.INSTANCE : epochClock;
        policy = policy == null ? RetentionPolicy.defaults() : policy;
        budget = budget == null ? DiskBudget.UNLIMITED : budget;
        if (stepsPerWork < 1) {
            throw new IllegalArgumentException("stepsPerWork must be >= 1 but was " + stepsPerWork);
        }
        if (sweepIntervalMs < 0) {
            throw new IllegalArgumentException("sweepIntervalMs must be >= 0 but was " + sweepIntervalMs);
        }
        if (expectedItems < 1) {
            throw new IllegalArgumentException("expectedItems must be >= 1 but was " + expectedItems);
        }
        return this;
    }
}
