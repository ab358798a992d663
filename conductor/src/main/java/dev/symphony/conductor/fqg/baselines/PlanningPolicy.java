package dev.symphony.conductor.fqg.baselines;

import dev.symphony.conductor.fqg.game.Instrument;
import dev.symphony.conductor.fqg.game.Puzzle;
import dev.symphony.conductor.fqg.game.PuzzleGraph;
import dev.symphony.conductor.fqg.simulator.Simulator;
import dev.symphony.conductor.fqg.simulator.SimulatorAware;
import dev.symphony.conductor.policy.CandidateFeatures;
import dev.symphony.conductor.policy.Decision;

/**
 * The shared part of the model-based baselines: they read the episode's state (what is done, what is spent) and
 * the puzzle, pick one function and then one of its Instruments. "Affordable" keeps a reserve: an Instrument
 * qualifies when its expected cost to success plus the cheapest expected cost to success of every other
 * unfinished, not running function fits in the budget left. {@link #score} marks the one choice with 1.
 */
abstract class PlanningPolicy implements SimulatorAware {
    protected Simulator episode;
    protected Puzzle puzzle;
    private double[] cheapestCts = new double[0];

    @Override
    public void attach(Simulator sim) {
        if (puzzle != sim.puzzle()) {
            puzzle = sim.puzzle();
            cheapestCts = new double[puzzle.size()];
            for (int i = 0; i < puzzle.size(); i++) {
                double best = Double.MAX_VALUE;
                for (Instrument ins : puzzle.function(i).instruments()) {
                    best = Math.min(best, ins.expectedCostToSuccess());
                }
                cheapestCts[i] = best;
            }
            puzzleChanged();
        }
        episode = sim;
    }

    /** Called when the policy meets a new puzzle (precompute per-puzzle facts here). */
    protected void puzzleChanged() {
    }

    /** The candidate to run, given the episode attached. */
    protected abstract int pick(Decision d);

    @Override
    public void score(Decision d, float[] scores) {
        if (episode == null) {
            throw new IllegalStateException(name() + " plans with the game's state: play it in the FQG simulator");
        }
        int chosen = pick(d);
        for (int i = 0; i < d.count(); i++) {
            scores[i] = i == chosen ? 1f : 0f;
        }
    }

    protected final Instrument instrument(Decision d, int c) {
        return puzzle.function(d.node(c)).instruments().get(d.instrument(c));
    }

    /** Cheapest expected cost to success of the unfinished, not running functions other than {@code node}. */
    protected final double reserveExcluding(int node) {
        double sum = 0;
        for (int i = 0; i < puzzle.size(); i++) {
            if (i != node && !episode.isDone(i) && !episode.isRunning(i)) {
                sum += cheapestCts[i];
            }
        }
        return sum;
    }

    protected final double budgetLeft() {
        return puzzle.budget() - episode.spent();
    }

    /** The candidate with the largest {@code key(function)}; ties to the earlier-ready, then the lower index. */
    protected final int mostUrgent(Decision d, java.util.function.IntToDoubleFunction key) {
        int best = 0;
        double bestKey = key.applyAsDouble(d.node(0));
        for (int c = 1; c < d.count(); c++) {
            double k = key.applyAsDouble(d.node(c));
            if (k > bestKey || (k == bestKey && d.readyOrder(c) < d.readyOrder(best))) {
                best = c;
                bestKey = k;
            }
        }
        return best;
    }

    /**
     * Among the candidates of {@code node}: the affordable one with the smallest {@code key(candidate)}; when none
     * is affordable, the cheapest by expected cost to success.
     */
    protected final int bestInstrument(Decision d, int node, java.util.function.IntToDoubleFunction key) {
        double reserve = reserveExcluding(node);
        double left = budgetLeft();
        int best = -1;
        int cheapest = -1;
        for (int c = 0; c < d.count(); c++) {
            if (d.node(c) != node) {
                continue;
            }
            if (cheapest < 0 || d.feature(c, CandidateFeatures.COST_TO_SUCCESS) < d.feature(cheapest, CandidateFeatures.COST_TO_SUCCESS)) {
                cheapest = c;
            }
            if (instrument(d, c).expectedCostToSuccess() + reserve <= left
                    && (best < 0 || key.applyAsDouble(c) < key.applyAsDouble(best))) {
                best = c;
            }
        }
        return best >= 0 ? best : cheapest;
    }

    protected final PuzzleGraph graph() {
        return puzzle.graph();
    }
}
