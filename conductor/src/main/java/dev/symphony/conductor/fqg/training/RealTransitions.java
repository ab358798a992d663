package dev.symphony.conductor.fqg.training;

import dev.symphony.conductor.learning.DecisionRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Recorded decisions of real runs as an offline replay buffer for {@code fqg train --continue}. Only
 * decisions that offered a choice (two or more candidates) are kept. Each one's advantage is its reward
 * ({@link DecisionRecord#reward}) standardized over all loaded decisions and clipped to ±3, times
 * {@code weight}; each keeps the probability with which the deciding policy chose ({@link DecisionRecord#probability}).
 * The update is off-policy policy gradient with truncated importance weights: it raises the log-probability of
 * choices that turned out better than the recorded average and lowers the others, each weighted by
 * min(1, π(chosen) / behaviour probability) under the current weights (the weight itself carries no gradient),
 * so a choice the current policy would rarely make moves it little. {@code weight} keeps this a nudge next to the
 * on-policy FQG batches; validation guards the result.
 */
public final class RealTransitions {
    private final RolloutBuffer buffer = new RolloutBuffer();
    private final int runs;

    private RealTransitions(int runs) {
        this.runs = runs;
    }

    public static RealTransitions of(List<DecisionRecord> records, int runs, float weight) {
        List<DecisionRecord> useful = new ArrayList<>();
        for (DecisionRecord r : records) {
            if (r.informative()) {
                useful.add(r);
            }
        }
        RealTransitions t = new RealTransitions(runs);
        if (useful.isEmpty()) {
            return t;
        }
        double mean = useful.stream().mapToDouble(DecisionRecord::reward).average().orElse(0);
        double var = useful.stream().mapToDouble(r -> (r.reward() - mean) * (r.reward() - mean)).average().orElse(0);
        double std = Math.sqrt(var);
        for (int i = 0; i < useful.size(); i++) {
            DecisionRecord r = useful.get(i);
            t.buffer.beginEpisode(i);
            t.buffer.add(r.features(), r.count(), r.chosen(), (float) r.probability());
            double a = (r.reward() - mean) / (std + 1e-2);
            t.buffer.setAdvantage(i, (float) (weight * Math.max(-3, Math.min(3, a))));
        }
        return t;
    }

    public int decisions() {
        return buffer.decisions();
    }

    public int runs() {
        return runs;
    }

    RolloutBuffer buffer() {
        return buffer;
    }
}
