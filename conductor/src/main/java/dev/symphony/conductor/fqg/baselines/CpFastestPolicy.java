package dev.symphony.conductor.fqg.baselines;

import dev.symphony.conductor.policy.Decision;

/**
 * {@code cp-fastest}: the ready function with the longest remaining critical path (ties: ready first), on its
 * fastest affordable Instrument (expected time to success; affordable keeps the budget reserve of
 * {@link PlanningPolicy}).
 */
public final class CpFastestPolicy extends PlanningPolicy {
    @Override
    public String name() {
        return "cp-fastest";
    }

    @Override
    protected int pick(Decision d) {
        int node = d.node(mostUrgent(d, i -> graph().tail(i)));
        return bestInstrument(d, node, c -> instrument(d, c).expectedTimeToSuccess());
    }
}
