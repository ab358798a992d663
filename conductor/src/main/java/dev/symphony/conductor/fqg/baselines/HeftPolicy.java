package dev.symphony.conductor.fqg.baselines;

import dev.symphony.conductor.fqg.game.Instrument;
import dev.symphony.conductor.fqg.game.PuzzleGraph;
import dev.symphony.conductor.policy.Decision;

/**
 * {@code heft} (Topcuoglu et al.'s Heterogeneous Earliest Finish Time, as a dynamic list scheduler): the ready
 * function with the highest upward rank — its mean expected time to success over its Instruments plus the
 * largest upward rank of its successors — on the affordable Instrument with the earliest expected finish.
 * Every offered Instrument is free now, so that is the smallest expected time to success.
 */
public final class HeftPolicy extends PlanningPolicy {
    private double[] rank = new double[0];

    @Override
    public String name() {
        return "heft";
    }

    @Override
    protected void puzzleChanged() {
        PuzzleGraph g = graph();
        rank = new double[puzzle.size()];
        for (int i = puzzle.size() - 1; i >= 0; i--) {
            double mean = 0;
            for (Instrument ins : puzzle.function(i).instruments()) {
                mean += ins.expectedTimeToSuccess();
            }
            mean /= puzzle.function(i).instruments().size();
            double after = 0;
            for (int s : g.successors(i)) {
                after = Math.max(after, rank[s]);
            }
            rank[i] = mean + after;
        }
    }

    @Override
    protected int pick(Decision d) {
        int node = d.node(mostUrgent(d, i -> rank[i]));
        return bestInstrument(d, node, c -> instrument(d, c).expectedTimeToSuccess());
    }
}
