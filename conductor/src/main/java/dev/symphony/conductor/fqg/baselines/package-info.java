/**
 * Fixed baseline policies for the Function Quest Game, frozen before training: {@code random}, {@code fifo},
 * {@code critical-path} ({@link dev.symphony.conductor.policy.HeuristicPolicy}), and the model-based ones that read
 * the game's state ({@link dev.symphony.conductor.fqg.baselines.PlanningPolicy}): {@code cp-fastest},
 * {@code cp-misf} (the textbook list scheduler), {@code heft}, {@code greedy} (the expected-reward rule) and
 * {@code lookahead} (rollouts in forks of the simulator: the upper reference, not a rule).
 */
package dev.symphony.conductor.fqg.baselines;
