package dev.symphony.conductor.policy.djl;

import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.SchedulingPolicy;

/** A greedy policy over a plain-Java copy of the network (the best-scored candidate runs). */
public final class MlpPolicy implements SchedulingPolicy {
    private final String name;
    private final MlpForward forward;

    public MlpPolicy(String name, MlpForward forward) {
        this.name = name;
        this.forward = forward;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void score(Decision decision, float[] scores) {
        forward.score(decision.features(), decision.count(), scores);
    }
}
