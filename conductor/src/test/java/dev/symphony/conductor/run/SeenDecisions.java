package dev.symphony.conductor.run;

import dev.symphony.conductor.policy.CandidateFeatures;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.HeuristicPolicy;
import dev.symphony.conductor.policy.SchedulingPolicy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The heuristic policy, keeping a copy of every decision it was asked (the candidates' features as the policy read them). */
final class SeenDecisions implements SchedulingPolicy {
    /** One decision: per candidate its node (a DAG step id), provider index and feature row. */
    record Seen(int[] nodes, int[] providers, float[][] rows) {
        float feature(int candidate, int feature) {
            return rows[candidate][feature];
        }
    }

    private final HeuristicPolicy rule = new HeuristicPolicy();
    final List<Seen> decisions = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "seen";
    }

    @Override
    public void score(Decision d, float[] scores) {
        int n = d.count();
        int[] nodes = new int[n];
        int[] providers = new int[n];
        float[][] rows = new float[n][CandidateFeatures.COUNT];
        for (int c = 0; c < n; c++) {
            nodes[c] = d.node(c);
            providers[c] = d.instrument(c);
            for (int f = 0; f < CandidateFeatures.COUNT; f++) {
                rows[c][f] = d.feature(c, f);
            }
        }
        decisions.add(new Seen(nodes, providers, rows));
        rule.score(d, scores);
    }
}
