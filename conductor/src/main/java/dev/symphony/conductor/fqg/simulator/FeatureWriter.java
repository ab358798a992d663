package dev.symphony.conductor.fqg.simulator;

import static dev.symphony.conductor.policy.CandidateFeatures.*;

import dev.symphony.conductor.fqg.game.FunctionSpec;
import dev.symphony.conductor.fqg.game.Instrument;
import dev.symphony.conductor.fqg.game.Puzzle;
import dev.symphony.conductor.fqg.game.PuzzleGraph;
import dev.symphony.conductor.policy.Decision;

/**
 * Builds a {@link Decision} from the episode state: one candidate per (ready function, allowed Instrument),
 * where allowed means the Instrument has free capacity and its cost fits the remaining budget (enforced
 * here, outside any policy). The per-(function, Instrument) features that never change are computed once.
 */
final class FeatureWriter {
    private static final int STATIC = DEARER_THAN_CHEAPEST + 1;
    private final Puzzle puzzle;
    private final float[][] staticFeatures;

    FeatureWriter(Puzzle puzzle) {
        this.puzzle = puzzle;
        PuzzleGraph g = puzzle.graph();
        double cp = g.criticalPath();
        double unit = g.meanCheapestCost();
        int n = puzzle.size();
        staticFeatures = new float[n][];
        for (int i = 0; i < n; i++) {
            FunctionSpec f = puzzle.function(i);
            double cheapest = Double.MAX_VALUE;
            for (Instrument ins : f.instruments()) {
                cheapest = Math.min(cheapest, ins.expectedCostToSuccess());
            }
            float[] row = new float[f.instruments().size() * STATIC];
            for (int k = 0; k < f.instruments().size(); k++) {
                Instrument ins = f.instruments().get(k);
                int o = k * STATIC;
                row[o + EXPECTED_DURATION] = (float) (ins.meanLatency() / cp);
                row[o + TIME_TO_SUCCESS] = (float) (ins.expectedTimeToSuccess() / cp);
                row[o + COST] = (float) (ins.cost() / unit);
                row[o + COST_TO_SUCCESS] = (float) (ins.expectedCostToSuccess() / unit);
                row[o + FAILURE_RATE] = (float) ins.failureRate();
                row[o + CRITICAL_TAIL] = (float) (g.tail(i) / cp);
                row[o + SLACK] = (float) Math.max(0, (cp - g.head(i) - g.tail(i)) / cp);
                row[o + DESCENDANTS] = (float) g.descendants(i) / n;
                row[o + SLOWER_THAN_FASTEST] = (float) Math.log(ins.expectedTimeToSuccess() / g.reference(i));
                row[o + DEARER_THAN_CHEAPEST] = (float) Math.log(ins.expectedCostToSuccess() / cheapest);
            }
            staticFeatures[i] = row;
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
        float slotsFree = (float) freeSlots / puzzle.slots();
        float budgetFraction = (float) (budgetLeft / puzzle.budget());
        float timeFraction = (float) (timeLeft / puzzle.deadline());
        float urgency = (float) Math.min(4.0, maxOpenTail / Math.max(1e-9, timeLeft));
        float pressure = Math.min(4f, (float) ready / puzzle.slots());
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
                x[o + INSTRUMENT_FREE] = (float) (ins.capacity() - busy[i][k]) / ins.capacity();
                x[o + SLOTS_FREE] = slotsFree;
                x[o + BUDGET_LEFT] = budgetFraction;
                x[o + TIME_LEFT] = timeFraction;
                x[o + URGENCY] = urgency;
                x[o + FAILED_ATTEMPTS] = Math.min(1f, attemptsOf[i] / 3f);
                x[o + READY_PRESSURE] = pressure;
                x[o + TAIL_RANK] = (float) (g.tail(i) / maxReadyTail);
            }
        }
    }
}
