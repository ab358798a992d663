package dev.symphony.conductor.run;

import static dev.symphony.conductor.policy.CandidateFeatures.*;

import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.SchedulingPolicy;
import java.util.List;

/**
 * Asks the scheduling policy what to start next among ready worker nodes: one candidate per (node, allowed
 * provider), features as in {@link dev.symphony.conductor.policy.CandidateFeatures} (manifest latency and
 * cost, failure rates observed in this run, the node's static critical-path tail). Only affordable
 * providers are offered: the budget is enforced here, outside the policy.
 */
final class PolicyBridge {
    /** A ready node and the providers it may run on (a single pseudo-provider for loops and sub-Melodies). */
    record Ready(int step, long readySeq, List<CapabilitySpec> providers) {
    }

    /** The chosen node and provider, and the candidate row that was chosen (for the training record). */
    record Choice(int step, int provider, int candidate) {
    }

    private final Decision decision = new Decision();
    private double costUnit = -1;
    private float[] scores = new float[64];
    private String lastDecider = "";
    private double lastProbability = 1;

    Choice choose(SchedulingPolicy policy, List<Ready> ready, RunPlan plan, MelodyRun run, int freeSlots, int slots) {
        decision.clear();
        double maxTail = 1e-9;
        for (Ready r : ready) {
            maxTail = Math.max(maxTail, plan.tailMs[r.step()]);
        }
        // The DAG tracker's critical path of the work that remains (not the whole plan's): what bounds the finish now.
        long remaining = run.tracker.criticalPath().remainingNanos();
        double cp = remaining > 0 ? remaining / 1e6 : plan.criticalPathMs;
        double unit = Math.max(1e-6, costUnit(plan, run));
        for (Ready r : ready) {
            double fastest = Double.MAX_VALUE;
            double cheapest = Double.MAX_VALUE;
            for (CapabilitySpec s : r.providers()) {
                fastest = Math.min(fastest, tts(s, run));
                cheapest = Math.min(cheapest, cts(s, run));
            }
            for (int k = 0; k < r.providers().size(); k++) {
                CapabilitySpec s = r.providers().get(k);
                if (s.costPerCall() > run.budget.left()) {
                    continue;
                }
                int o = decision.add(r.step(), k, r.readySeq());
                float[] x = decision.features();
                x[o + EXPECTED_DURATION] = (float) (latency(s) / cp);
                x[o + TIME_TO_SUCCESS] = (float) (tts(s, run) / cp);
                x[o + COST] = (float) (s.costPerCall() / unit);
                x[o + COST_TO_SUCCESS] = (float) (cts(s, run) / unit);
                x[o + FAILURE_RATE] = (float) run.stats.failureRate(s);
                x[o + CRITICAL_TAIL] = (float) (plan.tailMs[r.step()] / cp);
                x[o + DESCENDANTS] = 0f;
                x[o + SLOWER_THAN_FASTEST] = (float) Math.log(tts(s, run) / fastest);
                x[o + DEARER_THAN_CHEAPEST] = (float) Math.log(Math.max(1e-9, cts(s, run)) / Math.max(1e-9, cheapest));
                x[o + INSTRUMENT_FREE] = 1f;
                x[o + SLOTS_FREE] = (float) freeSlots / slots;
                x[o + BUDGET_LEFT] = budgetFraction(run.budget);
                x[o + TIME_LEFT] = 1f;
                x[o + URGENCY] = 0f;
                x[o + FAILED_ATTEMPTS] = 0f;
                x[o + READY_PRESSURE] = Math.min(4f, (float) ready.size() / slots);
                x[o + TAIL_RANK] = (float) (plan.tailMs[r.step()] / maxTail);
            }
        }
        if (decision.count() == 0) {
            return null;
        }
        fillPlanning(plan, run);
        if (scores.length < decision.count()) {
            scores = new float[decision.count() * 2];
        }
        int best;
        synchronized (policy) { // one policy serves the run and its nested loops/sub-Melodies (worker threads)
            best = policy.choose(decision, scores);
            lastDecider = policy.decidedBy();
            lastProbability = policy.choiceProbability(decision, scores, best);
        }
        return new Choice(decision.node(best), decision.instrument(best), best);
    }

    /** Real-run cost and time weights of the {@code greedy} score in feature units (the FQG default's typical scale). */
    private static final double COST_WEIGHT = 0.01;
    private static final double TIME_WEIGHT = 0.4;

    /**
     * The planning features in a real run: the top-level node among the candidates, the budget left after this
     * provider's expected cost (the other nodes' reserve is not counted), and {@code greedy}'s score without a
     * deadline (the Melody's timeout is not projected: lateness reads -1, "far from late"); successors read 0.
     */
    private void fillPlanning(RunPlan plan, MelodyRun run) {
        int count = decision.count();
        float[] x = decision.features();
        int top = 0;
        for (int c = 1; c < count; c++) {
            double t = plan.tailMs[decision.node(c)];
            double best = plan.tailMs[decision.node(top)];
            if (t > best || (t == best && decision.readyOrder(c) < decision.readyOrder(top))) {
                top = c;
            }
        }
        double unit = costUnit;
        int pick = -1;
        for (int c = 0; c < count; c++) {
            int o = c * COUNT;
            x[o + TOP_LEVEL] = decision.node(c) == decision.node(top) ? 1f : 0f;
            x[o + SUCCESSORS] = 0f;
            x[o + RESERVE_AFTER] = Double.isInfinite(run.budget.limit) ? 1f : (float) Math.max(-1, Math.min(1,
                    (run.budget.left() - x[o + COST_TO_SUCCESS] * unit) / Math.max(1e-9, run.budget.limit)));
            x[o + PROJECTED_LATENESS] = -1f;
            double best = Double.MAX_VALUE;
            for (int k = 0; k < count; k++) {
                if (decision.node(k) == decision.node(c)) {
                    best = Math.min(best, greedyScore(x, k * COUNT));
                }
            }
            x[o + GREEDY_REGRET] = (float) Math.min(2, 10 * (greedyScore(x, o) - best));
            if (x[o + TOP_LEVEL] == 1f && x[o + RESERVE_AFTER] >= 0 && (pick < 0 || greedyScore(x, o) < greedyScore(x, pick * COUNT))) {
                pick = c;
            }
        }
        x[(pick >= 0 ? pick : top) * COUNT + GREEDY_PICK] = 1f;
    }

    private static double greedyScore(float[] x, int o) {
        return COST_WEIGHT * x[o + COST_TO_SUCCESS] + TIME_WEIGHT * (x[o + TIME_TO_SUCCESS] + x[o + CRITICAL_TAIL] - x[o + EXPECTED_DURATION]);
    }

    /** A copy of the last decision's candidate rows (what the policy saw), for {@link RunRecorder}. */
    float[] lastFeatures() {
        return java.util.Arrays.copyOf(decision.features(), decision.count() * COUNT);
    }

    /** Which policy made the last decision, and the probability it gave the chosen candidate (for the record). */
    String lastDecider() {
        return lastDecider;
    }

    double lastProbability() {
        return lastProbability;
    }

    int lastCount() {
        return decision.count();
    }

    private static double latency(CapabilitySpec s) {
        return s.latencyP50Ms() > 0 ? s.latencyP50Ms() : 10;
    }

    private static double tts(CapabilitySpec s, MelodyRun run) {
        return latency(s) / Math.max(0.05, 1 - run.stats.failureRate(s));
    }

    private static double cts(CapabilitySpec s, MelodyRun run) {
        return s.costPerCall() / Math.max(0.05, 1 - run.stats.failureRate(s));
    }

    /** The run's cost unit for the features: the mean price over every node's providers (computed once). */
    double costUnit(RunPlan plan, MelodyRun run) {
        if (costUnit < 0) {
            double sum = 0;
            int n = 0;
            for (dev.symphony.conductor.melody.MelodyNode node : plan.melody.nodes()) {
                for (CapabilitySpec s : run.services.providers(node)) {
                    sum += s.costPerCall();
                    n++;
                }
            }
            costUnit = n == 0 || sum == 0 ? 1 : sum / n;
        }
        return costUnit;
    }

    private static float budgetFraction(RunBudget budget) {
        return Double.isInfinite(budget.limit) ? 1f : (float) Math.max(0, budget.left() / Math.max(1e-9, budget.limit));
    }
}
