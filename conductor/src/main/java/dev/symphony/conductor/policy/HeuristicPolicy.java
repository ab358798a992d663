package dev.symphony.conductor.policy;

/**
 * The critical-path heuristic: the ready node with the longest remaining critical path first (ties: the
 * one ready earliest), on its cheapest allowed Instrument by expected cost to success. Needs nothing
 * loaded, so the executor can use it from the first decision. It is also the FQG's {@code critical-path}
 * baseline.
 */
public final class HeuristicPolicy implements SchedulingPolicy {
    private int[] scratch = new int[64];

    @Override
    public String name() {
        return "critical-path";
    }

    @Override
    public void score(Decision d, float[] scores) {
        if (scratch.length < d.count()) {
            scratch = new int[d.count() * 2];
        }
        CandidateOrder.scoreByRank(d, scores, HeuristicPolicy::compare, scratch);
    }

    private static int compare(Decision d, int a, int b) {
        int c = Float.compare(d.feature(b, CandidateFeatures.CRITICAL_TAIL), d.feature(a, CandidateFeatures.CRITICAL_TAIL));
        if (c != 0) {
            return c;
        }
        c = CandidateOrder.byReadyOrder(d, a, b);
        return c != 0 ? c : CandidateOrder.byCheapest(d, a, b);
    }
}
