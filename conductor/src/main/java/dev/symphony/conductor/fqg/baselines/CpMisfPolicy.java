package dev.symphony.conductor.fqg.baselines;

import dev.symphony.conductor.policy.Decision;

/**
 * {@code cp-misf}, the textbook list scheduler (Kasahara and Narita's CP/MISF): highest level first — the level
 * is the longest path from the function's start to the end of the goal — ties to the function with the most
 * immediate successors, then ready first; on its fastest affordable Instrument. On {@code plain} puzzles (one
 * Instrument per function) this is highest-level-first list scheduling.
 */
public final class CpMisfPolicy extends PlanningPolicy {
    @Override
    public String name() {
        return "cp-misf";
    }

    @Override
    protected int pick(Decision d) {
        // Level first; the successor count breaks exact ties only (it is far below one time unit).
        int node = d.node(mostUrgent(d, i -> graph().tail(i) + 1e-6 * graph().successors(i).length));
        return bestInstrument(d, node, c -> instrument(d, c).expectedTimeToSuccess());
    }
}
