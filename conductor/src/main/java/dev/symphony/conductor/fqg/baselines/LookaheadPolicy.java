package dev.symphony.conductor.fqg.baselines;

import dev.symphony.conductor.fqg.simulator.EpisodeResult;
import dev.symphony.conductor.fqg.simulator.Simulator;
import dev.symphony.conductor.policy.Decision;

/**
 * {@code lookahead}, the upper reference: for each candidate (at most {@value #MAX_CANDIDATES}: those of the
 * most critical ready functions when there are more) it plays {@value #ROLLOUTS} rollouts to the end of the
 * episode in a fork of the simulator — the candidate first, then {@link GreedyPolicy} — and runs the candidate
 * with the best mean reward. Forks see the state but not the luck: in-flight and later attempts are drawn from
 * rollout seeds of their own ({@link Simulator#forkFrom}); the same rollout seeds serve every candidate of a
 * decision (common random numbers). Seeded, so an evaluation is repeatable. Costs about
 * candidates × rollouts episodes per decision.
 */
public final class LookaheadPolicy extends PlanningPolicy {
    static final int ROLLOUTS = 32;
    static final int MAX_CANDIDATES = 16;
    private final GreedyPolicy rollout;
    private final long seed;
    private Simulator fork;
    private long decisionCounter;
    private int[] considered = new int[MAX_CANDIDATES];

    public LookaheadPolicy(long seed) {
        this.rollout = new GreedyPolicy();
        this.seed = seed;
    }

    @Override
    public String name() {
        return "lookahead";
    }

    @Override
    protected void puzzleChanged() {
        fork = null;
    }

    @Override
    protected int pick(Decision d) {
        if (d.count() == 1) {
            return 0;
        }
        if (fork == null) {
            fork = new Simulator(puzzle, episode.preset());
        }
        Simulator main = episode;
        int n = shortlist(d);
        long base = seed * 0x9E3779B97F4A7C15L + ++decisionCounter * 0xBF58476D1CE4E5B9L;
        int best = considered[0];
        double bestMean = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            int c = considered[k];
            double sum = 0;
            for (int r = 0; r < ROLLOUTS; r++) {
                fork.forkFrom(main, base + r);
                EpisodeResult result = fork.playFrom(d.node(c), d.instrument(c), rollout);
                sum += result.reward();
            }
            if (sum / ROLLOUTS > bestMean) {
                bestMean = sum / ROLLOUTS;
                best = c;
            }
        }
        return best;
    }

    /** The candidates to roll out: all of them, or those of the ready functions with the longest tails. */
    private int shortlist(Decision d) {
        if (d.count() <= MAX_CANDIDATES) {
            for (int c = 0; c < d.count(); c++) {
                considered[c] = c;
            }
            return d.count();
        }
        boolean[] taken = new boolean[d.count()];
        int n = 0;
        while (n < MAX_CANDIDATES) {
            int node = -1;
            for (int c = 0; c < d.count(); c++) {
                if (!taken[c] && (node < 0 || graph().tail(d.node(c)) > graph().tail(node))) {
                    node = d.node(c);
                }
            }
            for (int c = 0; c < d.count() && n < MAX_CANDIDATES; c++) {
                if (d.node(c) == node) {
                    taken[c] = true;
                    considered[n++] = c;
                }
            }
        }
        return n;
    }
}
