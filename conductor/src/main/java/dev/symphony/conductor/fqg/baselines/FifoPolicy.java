package dev.symphony.conductor.fqg.baselines;

import dev.symphony.conductor.policy.CandidateOrder;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.SchedulingPolicy;

/** First ready, first run (a retried function queues again at the back), on its cheapest allowed Instrument. */
public final class FifoPolicy implements SchedulingPolicy {
    private int[] scratch = new int[64];

    @Override
    public String name() {
        return "fifo";
    }

    @Override
    public void score(Decision decision, float[] scores) {
        if (scratch.length < decision.count()) {
            scratch = new int[decision.count() * 2];
        }
        CandidateOrder.scoreByRank(decision, scores, FifoPolicy::compare, scratch);
    }

    private static int compare(Decision d, int a, int b) {
        int c = CandidateOrder.byReadyOrder(d, a, b);
        return c != 0 ? c : CandidateOrder.byCheapest(d, a, b);
    }
}
