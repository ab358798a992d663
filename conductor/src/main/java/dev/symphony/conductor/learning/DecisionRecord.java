package dev.symphony.conductor.learning;

import dev.symphony.conductor.policy.CandidateFeatures;

/**
 * One scheduling decision of a real run and what came of it.
 *
 * @param node       the node's event name ({@code loop/2/child} inside loops)
 * @param provider   the chosen {@code extension/capability}
 * @param features   {@code count} rows of {@link CandidateFeatures#COUNT} floats, as the policy saw them
 * @param count      candidates offered
 * @param chosen     the row that ran
 * @param durationMs realised wall time of the node (all its attempts)
 * @param cost       realised cost charged
 * @param failed     whether the node failed after its error strategy
 * @param reward     {@link #reward} of the outcome
 * @param policy     the policy that decided ({@code rl}, {@code critical-path} when the learned one was not loaded
 *                   yet…; {@code unknown} in files written before this was recorded)
 * @param probability the probability with which that policy chose {@code chosen} (1 for a policy that takes its
 *                   best-scored candidate, as every shipped one does); the behaviour probability of off-policy learning
 * @param decisionNanos wall time of the decision in the run, features included (the candidate rows, the planning
 *                   features and the policy's scoring); -1 in files written before this was recorded
 */
public record DecisionRecord(String node, String provider, float[] features, int count, int chosen, long durationMs,
                             double cost, boolean failed, double reward, String policy, double probability,
                             long decisionNanos) {
    /** Weights of cost and time in a decision's reward (per unit of the run's mean cost and critical path). */
    public static final double COST_WEIGHT = 0.25;
    public static final double TIME_WEIGHT = 0.25;

    public DecisionRecord {
        if (count < 1 || chosen < 0 || chosen >= count || features.length != count * CandidateFeatures.COUNT) {
            throw new IllegalArgumentException("decision record of " + node + ": " + count + " candidates, chosen "
                    + chosen + ", " + features.length + " features");
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("decision record of " + node + ": probability " + probability + " is not in (0, 1]");
        }
    }

    /**
     * A decision's reward, the FQG reward's shape on one node: success − λ·cost/costUnit − μ·duration/criticalPath,
     * in the same units as the features ({@code COST} and {@code EXPECTED_DURATION}), each term capped at 4.
     */
    public static double reward(boolean failed, double cost, double costUnit, long durationMs, double criticalPathMs) {
        double c = Math.min(4, cost / Math.max(1e-9, costUnit));
        double t = Math.min(4, durationMs / Math.max(1e-9, criticalPathMs));
        return (failed ? 0 : 1) - COST_WEIGHT * c - TIME_WEIGHT * t;
    }

    /** A decision with one candidate teaches the policy nothing (its softmax is 1 whatever the weights). */
    public boolean informative() {
        return count >= 2;
    }
}
