package dev.symphony.pit.pool.internal;

/**
 * Which models are likely to be needed next, from recent usage. Two signals, both exponentially decayed with the
 * configured half-life:
 * <ul>
 *   <li>frequency: every allocation of a model adds 1 to its score;</li>
 *   <li>sequence: within a Melody run, "model B followed model A" is counted in a small per-model table of
 *   successors; when A is used, each known successor B gains P(B | A), so B is pre-loaded while A runs.</li>
 * </ul>
 * The tables are fixed-size arrays: recording a use is O(successors) and allocates nothing.
 */
final class UsagePredictor {
    static final int SUCCESSORS = 4;

    private final double[] score;
    private final long[] scoreAtNanos;
    private final double[] rank;
    private final int[] successor;
    private final float[] successorCount;
    private final double decayPerNano;
    private EvictionQueue evictionQueue;

    UsagePredictor(final int capacity, final long halfLifeNanos) {
        score = new double[capacity];
        scoreAtNanos = new long[capacity];
        rank = new double[capacity];
        java.util.Arrays.fill(rank, Double.NEGATIVE_INFINITY);
        successor = new int[capacity * SUCCESSORS];
        successorCount = new float[capacity * SUCCESSORS];
        java.util.Arrays.fill(successor, -1);
        decayPerNano = Math.log(2) / halfLifeNanos;
    }

    /** The queue whose order depends on {@link #rank}: told about every rank change. */
    void evictionQueue(final EvictionQueue queue) {
        this.evictionQueue = queue;
    }

    /** The decayed score of {@code model} at {@code nowNanos}. */
    double score(final int model, final long nowNanos) {
        final long age = nowNanos - scoreAtNanos[model];
        return age <= 0 ? score[model] : score[model] * Math.exp(-decayPerNano * age);
    }

    /**
     * A time-independent key that orders models exactly as their decayed scores do at any common instant:
     * {@code ln(score(t)) = ln(score) - k (t - at)}, so comparing {@code ln(score) + k * at} needs no
     * {@link Math#exp} per candidate when the eviction policy scans the resident models.
     */
    double rank(final int model) {
        return rank[model];
    }

    private void add(final int model, final double amount, final long nowNanos) {
        score[model] = score(model, nowNanos) + amount;
        scoreAtNanos[model] = nowNanos;
        rank[model] = Math.log(score[model]) + decayPerNano * nowNanos;
        if (evictionQueue != null) {
            evictionQueue.update(model);
        }
    }

    /** Records that {@code model} was allocated, after {@code previous} (-1 if none) in the same run. */
    void recordUse(final int model, final int previous, final long nowNanos) {
        add(model, 1.0, nowNanos);
        if (previous >= 0 && previous != model) {
            countSuccessor(previous, model);
        }
        boostSuccessors(model, nowNanos);
    }

    private void countSuccessor(final int from, final int to) {
        final int base = from * SUCCESSORS;
        int weakest = base;
        for (int i = base; i < base + SUCCESSORS; i++) {
            if (successor[i] == to) {
                successorCount[i] += 1f;
                return;
            }
            if (successorCount[i] < successorCount[weakest]) {
                weakest = i;
            }
        }
        // Replace the least-seen successor: a bounded table that forgets rare sequences.
        successor[weakest] = to;
        successorCount[weakest] = 1f;
    }

    private void boostSuccessors(final int model, final long nowNanos) {
        final int base = model * SUCCESSORS;
        float total = 0;
        for (int i = base; i < base + SUCCESSORS; i++) {
            total += successorCount[i];
        }
        if (total == 0) {
            return;
        }
        for (int i = base; i < base + SUCCESSORS; i++) {
            if (successor[i] >= 0) {
                add(successor[i], successorCount[i] / total, nowNanos);
            }
        }
    }
}
