/**
 * Fixed baseline policies for the Function Quest Game: {@code random} (uniform over allowed candidates),
 * {@code fifo} (the function that became ready first, on its cheapest Instrument) and {@code critical-path}
 * ({@link dev.symphony.conductor.policy.HeuristicPolicy}: longest remaining critical path first, cheapest
 * Instrument). Fixed rules pick an Instrument by one criterion; they cannot weigh cost, latency and failure
 * rate against the run's state, which is what the learned policy is for.
 */
package dev.symphony.conductor.fqg.baselines;
