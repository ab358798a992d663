package dev.symphony.conductor.fqg.simulator;

import static dev.symphony.conductor.policy.CandidateFeatures.*;

import dev.symphony.conductor.fqg.game.FunctionSpec;
import dev.symphony.conductor.fqg.game.Instrument;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.game.Puzzle;
import dev.symphony.conductor.fqg.game.PuzzleGraph;
import dev.symphony.conductor.policy.CandidateRows;
import dev.symphony.conductor.policy.Decision;

/**
 * Builds a {@link Decision} from the episode state: one candidate per (ready function, allowed Instrument),
 * where allowed means the Instrument has free capacity and its cost fits the remaining budget (enforced
 * here, outside any policy). The per-(function, Instrument) features that never change are computed once.
 */
final class FeatureWriter {
    private static final int STATIC = DEARER_THAN_CHEAPEST + 1;
    private final Puzzle puzzle;
    private final Preset preset;
    private final float[][] staticFeatures;
    private final double[] cheapestCts;
    private double[] greedyScore = new double[64];
    private final GamePlan plan = new GamePlan();

    FeatureWriter(Puzzle puzzle, Preset preset) {
        this.puzzle = puzzle;
        this.preset = preset;
        PuzzleGraph g = puzzle.graph();
        double cp = g.criticalPath();
        double unit = g.meanCheapestCost();
        int n = puzzle.size();
        staticFeatures = new float[n][];
        cheapestCts = new double[n];
        for (int i = 0; i < n; i++) {
            FunctionSpec f = puzzle.function(i);
            double cheapest = Double.MAX_VALUE;
            for (Instrument ins : f.instruments()) {
                cheapest = Math.min(cheapest, ins.expectedCostToSuccess());
            }
            float[] row = new float[f.instruments().size() * STATIC];
            for (int k = 0; k < f.instruments().size(); k++) {
                Instrument ins = f.instruments().get(k);
                CandidateRows.instrument(row, k * STATIC, ins.meanLatency(), ins.failureRate(), ins.cost(), cp, unit,
                        g.tail(i), g.head(i), g.reference(i), cheapest, g.descendants(i), n);
            }
            staticFeatures[i] = row;
            cheapestCts[i] = cheapest;
        }
    }

    void fill(Decision d, int[] status, int[][] busy, int[] attemptsOf, long[] readySequence, double now,
              double spent, int freeSlots) {
        d.clear();
        PuzzleGraph g = puzzle.graph();
        int n = puzzle.size();
        int ready = 0;
        double maxReadyTail = 0;
        double maxOpenTail = 0;
        for (int i = 0; i < n; i++) {
            if (status[i] == Simulator.READY) {
                ready++;
                maxReadyTail = Math.max(maxReadyTail, g.tail(i));
            }
            if (status[i] != Simulator.DONE) {
                maxOpenTail = Math.max(maxOpenTail, g.tail(i));
            }
        }
        if (ready == 0) {
            return;
        }
        double budgetLeft = puzzle.budget() - spent;
        double timeLeft = puzzle.deadline() - now;
        for (int i = 0; i < n; i++) {
            if (status[i] != Simulator.READY) {
                continue;
            }
            FunctionSpec f = puzzle.function(i);
            for (int k = 0; k < f.instruments().size(); k++) {
                Instrument ins = f.instruments().get(k);
                if (busy[i][k] >= ins.capacity() || ins.cost() > budgetLeft + 1e-9) {
                    continue;
                }
                int o = d.add(i, k, readySequence[i]);
                float[] x = d.features();
                System.arraycopy(staticFeatures[i], k * STATIC, x, o, STATIC);
                CandidateRows.moment(x, o, ins.capacity(), busy[i][k], freeSlots, puzzle.slots(), budgetLeft,
                        puzzle.budget(), timeLeft, puzzle.deadline(), maxOpenTail, attemptsOf[i], ready, g.tail(i), maxReadyTail);
            }
        }
        if (d.count() > 0) {
            fillPlanning(d, status, now, budgetLeft);
        }
    }

    /** The planning features ({@link CandidateRows#planning}) with the preset's reward weights, in game units. */
    private void fillPlanning(Decision d, int[] status, double now, double budgetLeft) {
        plan.status = status;
        plan.decision = d;
        greedyScore = CandidateRows.planning(d, plan, now, budgetLeft, puzzle.budget(), puzzle.deadline(), preset.lambda(),
                preset.mu(), greedyScore);
    }

    /** The episode's state as {@link CandidateRows.Plan} reads it (set before each call; reused, no allocation). */
    private final class GamePlan implements CandidateRows.Plan {
        int[] status;
        Decision decision;

        @Override public int nodes() { return puzzle.size(); }
        @Override public boolean done(int node) { return status[node] == Simulator.DONE; }
        @Override public boolean running(int node) { return status[node] == Simulator.RUNNING; }
        @Override public double tail(int node) { return puzzle.graph().tail(node); }
        @Override public double reference(int node) { return puzzle.graph().reference(node); }
        @Override public double cheapestCostToSuccess(int node) { return cheapestCts[node]; }
        @Override public int successors(int node) { return puzzle.graph().successors(node).length; }

        @Override
        public double timeToSuccess(int candidate) {
            return instrument(candidate).expectedTimeToSuccess();
        }

        @Override
        public double costToSuccess(int candidate) {
            return instrument(candidate).expectedCostToSuccess();
        }

        private Instrument instrument(int candidate) {
            return puzzle.function(decision.node(candidate)).instruments().get(decision.instrument(candidate));
        }
    }
}
