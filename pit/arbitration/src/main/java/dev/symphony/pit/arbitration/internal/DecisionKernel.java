package dev.symphony.pit.arbitration.internal;

import dev.symphony.pit.arbitration.api.Strategy;

/**
 * Scores the contenders of one decision and picks the winners, in preallocated scratch arrays.
 *
 * <p>Winner selection, for {@code slots} places (1, or the capacity for COLLABORATIVE):
 * <ol>
 *   <li><b>Starving first</b> (every strategy): eligible contenders that lost at least the starvation threshold
 *   in a row take places first, earliest wait ticket first (ties: lower requester id).</li>
 *   <li>The strategy fills the remaining places among eligible contenders: PRIORITIZATION and COLLABORATIVE by
 *   weighted score + aging bonus (ties: longer wait, lower id); SPECIALIZATION by fit, then score; ROUND_ROBIN
 *   the first requester id after the previous winner on this resource, cyclically.</li>
 * </ol>
 */
final class DecisionKernel {
    final double[] score;
    final double[] bonus;
    final double[] fit;
    final int[] waited;
    final long[] since;
    final boolean[] starving;
    final boolean[] eligible;
    final boolean[] won;
    final int[] rank;
    final double[] share;

    DecisionKernel(final int maxContenders) {
        score = new double[maxContenders];
        bonus = new double[maxContenders];
        fit = new double[maxContenders];
        waited = new int[maxContenders];
        since = new long[maxContenders];
        starving = new boolean[maxContenders];
        eligible = new boolean[maxContenders];
        won = new boolean[maxContenders];
        rank = new int[maxContenders];
        share = new double[maxContenders];
    }

    /** Share of the required capabilities the contender offers, times its proficiency. */
    static double fit(final long offered, final long required, final double proficiency) {
        if (required == 0) {
            return proficiency;
        }
        return proficiency * Long.bitCount(offered & required) / Long.bitCount(required);
    }

    int pickStarving(final ContentionBuffer c) {
        int best = -1;
        for (int i = 0; i < c.size; i++) {
            if (won[i] || !eligible[i] || !starving[i]) {
                continue;
            }
            if (best < 0 || since[i] < since[best] || (since[i] == since[best] && c.requester[i] < c.requester[best])) {
                best = i;
            }
        }
        return best;
    }

    int pickByScore(final ContentionBuffer c) {
        int best = -1;
        double bestValue = 0;
        for (int i = 0; i < c.size; i++) {
            if (won[i] || !eligible[i]) {
                continue;
            }
            final double value = score[i] + bonus[i];
            if (best < 0 || value > bestValue || (value == bestValue && (waited[i] > waited[best]
                || (waited[i] == waited[best] && c.requester[i] < c.requester[best])))) {
                best = i;
                bestValue = value;
            }
        }
        return best;
    }

    int pickBySpecialization(final ContentionBuffer c) {
        int best = -1;
        for (int i = 0; i < c.size; i++) {
            if (won[i] || !eligible[i]) {
                continue;
            }
            if (best < 0 || fit[i] > fit[best] || (fit[i] == fit[best] && (score[i] + bonus[i] > score[best] + bonus[best]
                || (score[i] + bonus[i] == score[best] + bonus[best] && c.requester[i] < c.requester[best])))) {
                best = i;
            }
        }
        return best;
    }

    int pickRoundRobin(final ContentionBuffer c, final int previousWinner, final int maxRequesters) {
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < c.size; i++) {
            if (won[i] || !eligible[i]) {
                continue;
            }
            final int distance = Math.floorMod(c.requester[i] - previousWinner - 1, maxRequesters);
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    int pick(final Strategy strategy, final ContentionBuffer c, final int previousWinner, final int maxRequesters) {
        return switch (strategy) {
            case PRIORITIZATION, COLLABORATIVE -> pickByScore(c);
            case SPECIALIZATION -> pickBySpecialization(c);
            case ROUND_ROBIN -> pickRoundRobin(c, previousWinner, maxRequesters);
        };
    }
}
