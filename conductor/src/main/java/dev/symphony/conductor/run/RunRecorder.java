package dev.symphony.conductor.run;

import dev.symphony.conductor.learning.DecisionRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a run's scheduling decisions (what the policy saw and chose) and, when each chosen node ends, its
 * realised duration, cost and failure; the finished run's records go to the training data
 * ({@link RunContext#trainingData}). Shared by the run and its nested loops and sub-Melodies (node names are
 * unique across them); decisions are made on run threads, so access is synchronized.
 */
final class RunRecorder {
    private record Pending(String provider, float[] features, int count, int chosen, double costPerCall, double costUnit,
                           double criticalPathMs, String policy, double probability, long decisionNanos) {
    }

    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final List<DecisionRecord> done = new ArrayList<>();

    synchronized void decided(String node, String provider, float[] features, int count, int chosen, double costPerCall,
                              double costUnit, double criticalPathMs, String policy, double probability, long decisionNanos) {
        pending.put(node, new Pending(provider, features, count, chosen, costPerCall, costUnit, criticalPathMs, policy,
                probability, decisionNanos));
    }

    /** The node ended (cost: what it was charged; on failure, one attempt's price when unknown). */
    synchronized void ended(String node, long durationMs, double cost, boolean failed) {
        Pending p = pending.remove(node);
        if (p == null) {
            return; // not a policy decision (a built-in), or withdrawn
        }
        double c = failed && cost <= 0 ? p.costPerCall() : cost;
        done.add(new DecisionRecord(node, p.provider(), p.features(), p.count(), p.chosen(), durationMs, c, failed,
                DecisionRecord.reward(failed, c, p.costUnit(), durationMs, p.criticalPathMs()), p.policy(), p.probability(), p.decisionNanos()));
    }

    /** Finished decisions; a node still pending (cancelled, interrupted) has no outcome and is left out. */
    synchronized List<DecisionRecord> records() {
        return List.copyOf(done);
    }
}
