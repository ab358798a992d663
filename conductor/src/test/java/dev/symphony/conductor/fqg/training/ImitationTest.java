package dev.symphony.conductor.fqg.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.fqg.baselines.Baselines;
import dev.symphony.conductor.fqg.evaluation.Evaluator;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.simulator.SimulationListener;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.SchedulingPolicy;
import dev.symphony.conductor.policy.djl.DjlPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behaviour cloning learns the expert: after imitating {@code greedy} on {@code small} puzzles (seeded: training
 * 201, validation 202, held-out 203), the policy makes greedy's choice on held-out decisions with more than one
 * candidate far more often than chance (the mean of 1/candidates), and more often than before imitation. Measured
 * with the 24 features (which include greedy's pick): untrained 0.271, cloned 0.997, chance 0.376 (21 s at load ~30).
 * Fails if the imitation targets are not the expert's choices or the gradient goes the wrong way.
 */
class ImitationTest {
    @TempDir
    Path dir;

    /** Plays greedy on the held-out puzzles and counts how often {@code policy} would have chosen the same. */
    private static double[] agreement(SchedulingPolicy policy) {
        double[] stats = new double[3]; // agreements, decisions with a choice, sum of 1/count
        float[] scratch = new float[4096];
        new Evaluator(Preset.SMALL, 203, 150).evaluate(Baselines.byName("greedy", 0), () -> 0, new SimulationListener() {
            @Override
            public void onDecision(Decision d, int chosen) {
                if (d.count() > 1) {
                    stats[0] += policy.choose(d, scratch) == chosen ? 1 : 0;
                    stats[1]++;
                    stats[2] += 1.0 / d.count();
                }
            }
        });
        return new double[] {stats[0] / stats[1], stats[2] / stats[1]};
    }

    @Test
    void cloningGreedyMakesItsChoicesOnHeldOutDecisions() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path before = dir.resolve("before.params");
        new PolicyGradientTrainer(new TrainingContext().preset(Preset.SMALL).seed(201).validationSeed(202).episodes(1)
                .puzzlesPerBatch(1).rolloutsPerPuzzle(2).validationPuzzles(10).log(new PrintStream(log, true))).train(before);
        Path after = dir.resolve("after.params");
        new PolicyGradientTrainer(new TrainingContext().preset(Preset.SMALL).seed(201).validationSeed(202).episodes(1)
                .puzzlesPerBatch(1).rolloutsPerPuzzle(2).validationPuzzles(60).imitate("greedy").imitationEpisodes(400)
                .imitationEpochs(6).log(new PrintStream(log, true))).train(after);
        double[] untrained;
        double[] cloned;
        try (DjlPolicy p = DjlPolicy.load(before)) {
            untrained = agreement(p);
        }
        try (DjlPolicy p = DjlPolicy.load(after)) {
            cloned = agreement(p);
        }
        String figures = String.format("agreement with greedy: untrained %.3f, cloned %.3f, chance %.3f%n%s",
                untrained[0], cloned[0], cloned[1], log);
        System.out.println("ImitationTest: " + figures);
        assertTrue(cloned[0] > untrained[0] + 0.1, "imitation did not move the policy towards greedy: " + figures);
        assertTrue(cloned[0] > cloned[1] + 0.2, "not far above chance: " + figures);
    }
}
