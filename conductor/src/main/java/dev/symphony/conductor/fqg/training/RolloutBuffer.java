package dev.symphony.conductor.fqg.training;

import dev.symphony.conductor.fqg.simulator.SimulationListener;
import dev.symphony.conductor.policy.CandidateFeatures;
import dev.symphony.conductor.policy.Decision;
import java.util.Arrays;

/**
 * The decisions of a batch of episodes: each decision's candidate features (copied), candidate count, the
 * chosen candidate and the episode it belongs to; plus each episode's advantage once computed.
 */
final class RolloutBuffer implements SimulationListener {
    private static final int F = CandidateFeatures.COUNT;
    private float[] features = new float[1 << 16];
    private int featureLength;
    private int[] offsets = new int[1024];
    private int[] counts = new int[1024];
    private int[] chosen = new int[1024];
    private int[] episodeOf = new int[1024];
    private float[] behaviour = new float[1024];
    private int decisions;
    private float[] advantages = new float[64];
    private int currentEpisode;

    void clear() {
        featureLength = 0;
        decisions = 0;
    }

    void beginEpisode(int episode) {
        currentEpisode = episode;
        if (episode >= advantages.length) {
            advantages = Arrays.copyOf(advantages, episode * 2 + 1);
        }
    }

    @Override
    public void onDecision(Decision d, int choice) {
        add(d.features(), d.count(), choice);
    }

    /** Adds one decision's {@code n} candidate rows, chosen by the policy being trained (on-policy). */
    void add(float[] rows, int n, int choice) {
        add(rows, n, choice, 1f);
    }

    /** Adds a decision another policy made, which chose {@code choice} with probability {@code behaviourProbability}. */
    void add(float[] rows, int n, int choice, float behaviourProbability) {
        if (featureLength + n * F > features.length) {
            features = Arrays.copyOf(features, Math.max(features.length * 2, featureLength + n * F));
        }
        if (decisions == offsets.length) {
            int cap = decisions * 2;
            offsets = Arrays.copyOf(offsets, cap);
            counts = Arrays.copyOf(counts, cap);
            chosen = Arrays.copyOf(chosen, cap);
            episodeOf = Arrays.copyOf(episodeOf, cap);
            behaviour = Arrays.copyOf(behaviour, cap);
        }
        System.arraycopy(rows, 0, features, featureLength, n * F);
        offsets[decisions] = featureLength;
        counts[decisions] = n;
        chosen[decisions] = choice;
        episodeOf[decisions] = currentEpisode;
        behaviour[decisions] = behaviourProbability;
        featureLength += n * F;
        decisions++;
    }

    void setAdvantage(int episode, float advantage) {
        advantages[episode] = advantage;
    }

    int decisions() { return decisions; }
    int count(int decision) { return counts[decision]; }
    int chosen(int decision) { return chosen[decision]; }
    float advantage(int decision) { return advantages[episodeOf[decision]]; }
    float behaviourProbability(int decision) { return behaviour[decision]; }

    /** Copies decision {@code i}'s candidate rows into {@code dest} at {@code destOffset}. */
    void copyFeatures(int i, float[] dest, int destOffset) {
        System.arraycopy(features, offsets[i], dest, destOffset, counts[i] * F);
    }
}
