package dev.symphony.conductor.fqg.training;

import dev.symphony.conductor.fqg.simulator.Simulator;
import dev.symphony.conductor.fqg.simulator.SimulatorAware;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.SchedulingPolicy;

/**
 * One DAgger round's player (Ross, Gordon and Bagnell, "A Reduction of Imitation Learning and Structured Prediction
 * to No-Regret Online Learning", AISTATS 2011): the learner's choices drive the episode, so the states are the ones
 * the learner reaches, and at every decision with a choice the expert is asked what it would do there; that label
 * goes into the buffer (advantage 1: a cross-entropy target). The expert may plan with the episode's state
 * ({@link SimulatorAware}, e.g. {@code lookahead}).
 */
final class DaggerLabeler implements SimulatorAware {
    private final SchedulingPolicy learner;
    private final SchedulingPolicy expert;
    private final RolloutBuffer buffer;
    private float[] expertScores = new float[64];

    DaggerLabeler(SchedulingPolicy learner, SchedulingPolicy expert, RolloutBuffer buffer) {
        this.learner = learner;
        this.expert = expert;
        this.buffer = buffer;
    }

    @Override
    public String name() {
        return "dagger(" + learner.name() + ", " + expert.name() + ")";
    }

    @Override
    public void attach(Simulator episode) {
        if (expert instanceof SimulatorAware aware) {
            aware.attach(episode);
        }
    }

    @Override
    public void score(Decision decision, float[] scores) {
        learner.score(decision, scores);
    }

    @Override
    public int choose(Decision decision, float[] scores) {
        if (decision.count() > 1) {
            if (expertScores.length < decision.count()) {
                expertScores = new float[decision.count() * 2];
            }
            buffer.add(decision.features(), decision.count(), expert.choose(decision, expertScores));
        }
        return learner.choose(decision, scores);
    }
}
