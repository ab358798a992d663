package dev.symphony.pit.arbitration.internal;

import dev.symphony.pit.arbitration.api.Contention;
import dev.symphony.pit.arbitration.api.Strategy;

/** The preallocated {@link Contention}: parallel arrays of contender inputs and of the decision's outcome. */
final class ContentionBuffer implements Contention {
    final DefaultArbiter owner;
    final int[] requester;
    final double[] businessValue;
    final double[] userImpact;
    final double[] costEfficiency;
    final double[] learningValue;
    final long[] capabilities;
    final double[] proficiency;
    final int[] winners;
    final double[] shares;
    int resource = -1;
    Strategy strategy;
    int size;
    int winnerCount;
    long sequence;

    ContentionBuffer(final DefaultArbiter owner, final int capacity) {
        this.owner = owner;
        requester = new int[capacity];
        businessValue = new double[capacity];
        userImpact = new double[capacity];
        costEfficiency = new double[capacity];
        learningValue = new double[capacity];
        capabilities = new long[capacity];
        proficiency = new double[capacity];
        winners = new int[capacity];
        shares = new double[capacity];
    }

    @Override
    public Contention reset(final int resource) {
        return reset(resource, null);
    }

    @Override
    public Contention reset(final int resource, final Strategy strategy) {
        this.resource = resource;
        this.strategy = strategy;
        size = 0;
        winnerCount = 0;
        sequence = 0;
        return this;
    }

    @Override
    public Contention add(final int requesterId, final double bv, final double ui, final double ce, final double lv) {
        return add(requesterId, bv, ui, ce, lv, 0L, 1.0);
    }

    @Override
    public Contention add(final int requesterId, final double bv, final double ui, final double ce, final double lv,
        final long caps, final double prof) {
        if (size == requester.length) {
            throw new IllegalStateException("contention is full (" + requester.length
                + " contenders); raise maxContenders in the ArbiterContext");
        }
        checkUnit("businessValue", bv, requesterId);
        checkUnit("userImpact", ui, requesterId);
        checkUnit("costEfficiency", ce, requesterId);
        checkUnit("learningValue", lv, requesterId);
        checkUnit("proficiency", prof, requesterId);
        requester[size] = requesterId;
        businessValue[size] = bv;
        userImpact[size] = ui;
        costEfficiency[size] = ce;
        learningValue[size] = lv;
        capabilities[size] = caps;
        proficiency[size] = prof;
        size++;
        return this;
    }

    private static void checkUnit(final String dimension, final double value, final int requesterId) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("requester " + requesterId + ": " + dimension
                + " must be in [0, 1], was " + value);
        }
    }

    @Override
    public int resource() {
        return resource;
    }

    @Override
    public Strategy strategy() {
        return strategy;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int winnerCount() {
        return winnerCount;
    }

    @Override
    public int winner(final int i) {
        if (i < 0 || i >= winnerCount) {
            throw new IndexOutOfBoundsException("winner " + i + " of " + winnerCount);
        }
        return winners[i];
    }

    @Override
    public double share(final int i) {
        if (i < 0 || i >= winnerCount) {
            throw new IndexOutOfBoundsException("winner " + i + " of " + winnerCount);
        }
        return shares[i];
    }

    @Override
    public long sequence() {
        return sequence;
    }
}
