/**
 * Evaluation of policies on a set of puzzles: every policy plays the same puzzles with the same outcome
 * seeds; the report has success rate, mean makespan, cost and reward, decision-latency percentiles and the
 * heuristic fallbacks of a lazily loaded policy.
 */
package dev.symphony.conductor.fqg.evaluation;
