package dev.symphony.conductor.fqg.training;

import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.SchedulingPolicy;
import dev.symphony.conductor.policy.djl.MlpForward;
import java.util.SplittableRandom;

/** Explores during training: samples a candidate from the softmax of the network's scores. */
final class SamplingPolicy implements SchedulingPolicy {
    private final MlpForward forward;
    private final SplittableRandom random;

    SamplingPolicy(MlpForward forward, SplittableRandom random) {
        this.forward = forward;
        this.random = random;
    }

    @Override
    public String name() {
        return "rl-sampling";
    }

    @Override
    public void score(Decision decision, float[] scores) {
        forward.score(decision.features(), decision.count(), scores);
    }

    @Override
    public int choose(Decision decision, float[] scores) {
        score(decision, scores);
        int n = decision.count();
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, scores[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(scores[i] - max);
        }
        double u = random.nextDouble() * sum;
        for (int i = 0; i < n; i++) {
            u -= Math.exp(scores[i] - max);
            if (u <= 0) {
                return i;
            }
        }
        return n - 1;
    }
}
