package dev.symphony.conductor.policy;

/**
 * Scores what to run next. {@link #score} writes one score per candidate (higher runs first); the caller
 * starts the best one, then asks again while slots are free. Implementations are not thread-safe unless
 * they say so: one per run.
 */
public interface SchedulingPolicy {
    /** The name shown in reports, e.g. {@code fifo} or {@code rl}. */
    String name();

    /** Writes {@code decision.count()} scores into {@code scores} (at least that long). */
    void score(Decision decision, float[] scores);

    /** The candidate to run: the best score, ties to the lowest index. Requires at least one candidate. */
    default int choose(Decision decision, float[] scratch) {
        score(decision, scratch);
        return argmax(scratch, decision.count());
    }

    /** Who made the last decision: this policy's name, or for a policy that delegates, the one that answered. */
    default String decidedBy() {
        return name();
    }

    /**
     * The probability with which {@link #choose} picked {@code chosen} given the scores it wrote: 1 for a policy that
     * takes its best candidate (the default). A policy that samples returns its sampling probability. Recorded with
     * real runs' decisions as the behaviour probability for off-policy learning.
     */
    default double choiceProbability(Decision decision, float[] scores, int chosen) {
        return 1.0;
    }

    static int argmax(float[] scores, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("a decision needs at least one candidate");
        }
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
