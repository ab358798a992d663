package dev.symphony.conductor.fqg.baselines;

import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.SchedulingPolicy;
import java.util.SplittableRandom;

/** Uniformly random among the allowed candidates (function and Instrument together), seeded. */
public final class RandomPolicy implements SchedulingPolicy {
    private final SplittableRandom random;

    public RandomPolicy(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public void score(Decision decision, float[] scores) {
        for (int i = 0; i < decision.count(); i++) {
            scores[i] = (float) random.nextDouble();
        }
    }
}
