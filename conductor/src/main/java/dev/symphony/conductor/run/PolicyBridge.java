package dev.symphony.conductor.run;

import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.policy.CandidateRows;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.SchedulingPolicy;
import dev.symphony.pit.dag.api.NodeState;
import dev.symphony.pit.pool.api.InstrumentStats;
import java.util.Arrays;
import java.util.List;

/**
 * Asks the scheduling policy what to start next among ready worker nodes: one candidate per (node, allowed
 * provider), every feature computed by {@link CandidateRows} exactly as the FQG simulator computes it, from the live
 * run (its state, budget, clock and deadline), the DAG tracker (which steps are done, running, ready) over the
 * run's reference plan ({@link RunPlan}: tails, heads, descendants, successors) and the pool manager (each
 * provider's statistics across runs through {@link Estimates}, its model's free capacity). Only affordable providers
 * are offered: the budget is enforced here, outside the policy. Owned by the run's thread.
 */
final class PolicyBridge {
    /** A ready node and the providers it may run on (a single pseudo-provider for loops and sub-Melodies). */
    record Ready(int step, long readySeq, List<CapabilitySpec> providers) {
    }

    /** The chosen node and provider, and the candidate row that was chosen (for the training record). */
    record Choice(int step, int provider, int candidate) {
    }

    /** Real-run cost and time weights of {@code greedy}'s score per cost unit and per critical path (the FQG default's scale). */
    private static final double COST_WEIGHT = 0.01;
    private static final double TIME_WEIGHT = 0.4;

    private final Decision decision = new Decision();
    private final RunView view = new RunView();
    private double costUnit = -1;
    private double[] cheapestCts;
    private float[] scores = new float[64];
    private double[] greedyScores = new double[64];
    /** Per provider of the node being added: its key and estimates (reused, so a decision allocates little). */
    private String[] keys = new String[8];
    private double[] latency = new double[8];
    private double[] failure = new double[8];
    private double[] cost = new double[8];
    private String lastDecider = "";
    private double lastProbability = 1;

    Choice choose(SchedulingPolicy policy, List<Ready> ready, RunPlan plan, MelodyRun run, int freeSlots, int slots) {
        decision.clear();
        Estimates est = run.stats.estimates;
        double unit = costUnit(plan, run);
        double cp = plan.criticalPathMs;
        double now = run.context.clock().time() - run.startedMs;
        long timeout = plan.melody.limits().timeoutMs();
        double deadline = timeout > 0 ? timeout : Double.POSITIVE_INFINITY;
        double budget = run.budget.limit;
        double left = run.budget.left();
        double openTail = 0;
        for (int j = 0; j < plan.graph.nodeCount(); j++) {
            NodeState st = run.tracker.state(j);
            if (st != NodeState.DONE && st != NodeState.SKIPPED) {
                openTail = Math.max(openTail, plan.tailMs[j]);
            }
        }
        double maxReadyTail = 0;
        for (Ready r : ready) {
            maxReadyTail = Math.max(maxReadyTail, plan.tailMs[r.step()]);
        }
        view.begin(plan, run);
        for (Ready r : ready) {
            int i = r.step();
            int np = r.providers().size();
            if (keys.length < np) {
                keys = new String[np * 2];
                latency = new double[np * 2];
                failure = new double[np * 2];
                cost = new double[np * 2];
            }
            double fastest = Double.MAX_VALUE;
            for (int k = 0; k < np; k++) { // one statistics lookup per provider
                CapabilitySpec s = r.providers().get(k);
                keys[k] = s.key();
                InstrumentStats st = est.stats(keys[k]);
                latency[k] = Estimates.latencyMs(s, st);
                failure[k] = Estimates.failureRate(st);
                cost[k] = Estimates.attemptCost(s, st);
                fastest = Math.min(fastest, CandidateRows.timeToSuccess(latency[k], failure[k]));
            }
            for (int k = 0; k < np; k++) {
                if (r.providers().get(k).costPerCall() > left) {
                    continue;
                }
                int o = decision.add(i, k, r.readySeq());
                view.candidate(decision.count() - 1, CandidateRows.timeToSuccess(latency[k], failure[k]),
                        CandidateRows.costToSuccess(cost[k], failure[k]));
                float[] x = decision.features();
                CandidateRows.instrument(x, o, latency[k], failure[k], cost[k], cp, unit, plan.tailMs[i], plan.headMs[i],
                        fastest, cheapestCts[i], plan.descendants[i], Math.max(1, plan.workers));
                CandidateRows.moment(x, o, run.stats.slots.capacity(keys[k]), run.stats.slots.busy(keys[k]), freeSlots,
                        slots, left, budget, deadline - now, deadline, openTail, run.state.attempts(i), ready.size(),
                        plan.tailMs[i], maxReadyTail);
            }
        }
        if (decision.count() == 0) {
            return null;
        }
        greedyScores = CandidateRows.planning(decision, view, now, left, budget, deadline, COST_WEIGHT / unit,
                TIME_WEIGHT / cp, greedyScores);
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

    /** A copy of the last decision's candidate rows (what the policy saw), for {@link RunRecorder}. */
    float[] lastFeatures() {
        return Arrays.copyOf(decision.features(), decision.count() * dev.symphony.conductor.policy.CandidateFeatures.COUNT);
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

    /**
     * The run's cost unit, as the game's: the mean over worker nodes of their cheapest expected cost to success
     * (1 when every provider is free); each step's cheapest one is kept for the reserve. Computed at the first
     * decision from the estimates then, like the plan.
     */
    double costUnit(RunPlan plan, MelodyRun run) {
        if (costUnit < 0) {
            cheapestCts = new double[plan.graph.nodeCount()];
            double sum = 0;
            for (RunPlan.Step step : plan.steps) {
                if (step.node() == null || !MelodyRun.isWorker(step.node())) {
                    continue;
                }
                List<CapabilitySpec> providers = run.providers(step.node());
                double cheapest = providers.isEmpty() ? 0 : Double.MAX_VALUE;
                for (CapabilitySpec s : providers) {
                    cheapest = Math.min(cheapest, run.stats.estimates.costToSuccess(s));
                }
                cheapestCts[step.id()] = cheapest;
                sum += cheapest;
            }
            costUnit = plan.workers == 0 || sum == 0 ? 1 : sum / plan.workers;
        }
        return costUnit;
    }

    /** The run as {@link CandidateRows.Plan} reads it; the candidates' estimates are kept as they are added. */
    private final class RunView implements CandidateRows.Plan {
        private RunPlan plan;
        private MelodyRun run;
        private double[] ets = new double[16];
        private double[] cts = new double[16];

        void begin(RunPlan p, MelodyRun r) {
            plan = p;
            run = r;
        }

        void candidate(int c, double timeToSuccess, double costToSuccess) {
            if (c >= ets.length) {
                ets = Arrays.copyOf(ets, c * 2);
                cts = Arrays.copyOf(cts, c * 2);
            }
            ets[c] = timeToSuccess;
            cts[c] = costToSuccess;
        }

        @Override public int nodes() { return plan.graph.nodeCount(); }
        @Override public boolean done(int node) {
            NodeState s = run.tracker.state(node);
            return s == NodeState.DONE || s == NodeState.SKIPPED;
        }
        @Override public boolean running(int node) { return run.tracker.state(node) == NodeState.RUNNING; }
        @Override public double tail(int node) { return plan.tailMs[node]; }
        @Override public double reference(int node) { return plan.referenceMs[node]; }
        @Override public double cheapestCostToSuccess(int node) { return cheapestCts[node]; }
        @Override public int successors(int node) { return plan.successors[node]; }
        @Override public double timeToSuccess(int candidate) { return ets[candidate]; }
        @Override public double costToSuccess(int candidate) { return cts[candidate]; }
    }
}
