package dev.symphony.conductor.fqg.simulator;

import dev.symphony.conductor.policy.SchedulingPolicy;

/**
 * A policy that plans with the game's state beyond the decision's features (the FQG's model-based baselines:
 * budget reserve, successors, rollouts). The simulator hands itself over at the start of every episode it
 * plays with the policy; the policy may read its state and fork it ({@link Simulator#forkFrom}), never its
 * outcome seed.
 */
public interface SimulatorAware extends SchedulingPolicy {
    void attach(Simulator episode);
}
