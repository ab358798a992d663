package dev.symphony.conductor.fqg.simulator;

import static dev.symphony.conductor.policy.CandidateFeatures.*;

import dev.symphony.conductor.fqg.game.FunctionSpec;
import dev.symphony.conductor.fqg.game.Instrument;
import dev.symphony.conductor.fqg.game.Preset;
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
    private final Preset preset;
    private final float[][] staticFeatures;
    private final double[] cheapestCts;
    private double[] greedyScore = new double[64];

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
        if (d.count() > 0) {
            fillPlanning(d, status, now, budgetLeft);
        }
    }

    /**
     * The planning features: what list scheduling and the {@code greedy} rule weigh ({@link
     * dev.symphony.conductor.policy.CandidateFeatures#TOP_LEVEL} to {@code GREEDY_PICK}). Same arithmetic as
     * {@code GreedyPolicy} and its reserve, so {@code GREEDY_PICK} marks exactly greedy's choice.
     */
    private void fillPlanning(Decision d, int[] status, double now, double budgetLeft) {
        PuzzleGraph g = puzzle.graph();
        int n = puzzle.size();
        double reserveAll = 0; // cheapest expected cost to success of every node neither done nor running
        double first = 0; // largest and second largest reference finish (after now) of unfinished nodes
        double second = 0;
        int firstNode = -1;
        for (int j = 0; j < n; j++) {
            if (status[j] == Simulator.DONE) {
                continue;
            }
            if (status[j] != Simulator.RUNNING) {
                reserveAll += cheapestCts[j];
            }
            double finish = status[j] == Simulator.RUNNING ? g.tail(j) - g.reference(j) : g.tail(j);
            if (firstNode < 0 || finish > first) {
                second = Math.max(second, firstNode < 0 ? 0 : first);
                first = finish;
                firstNode = j;
            } else {
                second = Math.max(second, finish);
            }
        }
        int count = d.count();
        if (greedyScore.length < count) {
            greedyScore = new double[count * 2];
        }
        int top = 0;
        int maxSuccessors = 0;
        for (int c = 0; c < count; c++) {
            int i = d.node(c);
            maxSuccessors = Math.max(maxSuccessors, g.successors(i).length);
            if (g.tail(i) > g.tail(d.node(top)) || (g.tail(i) == g.tail(d.node(top)) && d.readyOrder(c) < d.readyOrder(top))) {
                top = c;
            }
        }
        int topNode = d.node(top);
        double budget = puzzle.budget();
        double deadline = puzzle.deadline();
        for (int c = 0; c < count; c++) {
            int i = d.node(c);
            Instrument ins = puzzle.function(i).instruments().get(d.instrument(c));
            double bound = now + Math.max(0, i == firstNode ? second : first);
            double makespan = Math.max(bound, now + ins.expectedTimeToSuccess() + g.tail(i) - g.reference(i));
            greedyScore[c] = preset.lambda() * ins.expectedCostToSuccess() + preset.mu() * makespan + (makespan > deadline ? 1 : 0);
            double reserve = budgetLeft - ins.expectedCostToSuccess() - (reserveAll - cheapestCts[i]);
            float[] x = d.features();
            int o = c * COUNT;
            x[o + TOP_LEVEL] = i == topNode ? 1f : 0f;
            x[o + SUCCESSORS] = maxSuccessors == 0 ? 0f : (float) g.successors(i).length / maxSuccessors;
            x[o + RESERVE_AFTER] = (float) Math.max(-1, Math.min(1, reserve / budget));
            x[o + PROJECTED_LATENESS] = (float) Math.max(-1, Math.min(1, (makespan - deadline) / deadline));
        }
        // Greedy: on the top node, the affordable candidate (with the reserve) of lowest score; else the cheapest.
        int pick = -1;
        int cheapest = -1;
        double best = 0;
        for (int c = 0; c < count; c++) {
            int i = d.node(c);
            if (c == 0 || d.node(c - 1) != i) { // a node's candidates are consecutive: the best score of this run of them
                best = greedyScore[c];
                for (int k = c + 1; k < count && d.node(k) == i; k++) {
                    best = Math.min(best, greedyScore[k]);
                }
            }
            d.features()[c * COUNT + GREEDY_REGRET] = (float) Math.min(2, 10 * (greedyScore[c] - best));
            if (i != topNode) {
                continue;
            }
            if (cheapest < 0 || d.feature(c, COST_TO_SUCCESS) < d.feature(cheapest, COST_TO_SUCCESS)) {
                cheapest = c;
            }
            double cts = puzzle.function(i).instruments().get(d.instrument(c)).expectedCostToSuccess();
            if (cts + (reserveAll - cheapestCts[i]) <= budgetLeft && (pick < 0 || greedyScore[c] < greedyScore[pick])) {
                pick = c;
            }
        }
        d.features()[(pick >= 0 ? pick : cheapest) * COUNT + GREEDY_PICK] = 1f;
    }
}
