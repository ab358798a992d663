package dev.symphony.conductor.policy.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.fqg.baselines.FifoPolicy;
import dev.symphony.conductor.fqg.evaluation.Evaluator;
import dev.symphony.conductor.fqg.evaluation.PolicyReport;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.generator.PuzzleGenerator;
import dev.symphony.conductor.fqg.simulator.SimulationListener;
import dev.symphony.conductor.fqg.simulator.Simulator;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.HeuristicPolicy;
import dev.symphony.conductor.policy.LazyPolicy;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The policy shipped in the jar loads through DJL (PyTorch engine, offline) and plays well. */
class ShippedPolicyTest {
    private static LazyPolicy lazy;

    @BeforeAll
    static void load() {
        lazy = LazyPolicy.startLoading("rl", new HeuristicPolicy(), DjlPolicy::loadShipped);
        assertTrue(lazy.awaitReady(Duration.ofMinutes(2)), () -> "shipped policy did not load: " + lazy.loadFailure());
    }

    @AfterAll
    static void close() {
        lazy.learned().ifPresent(p -> ((DjlPolicy) p).close());
    }

    @Test
    void beatsFifoOnPuzzlesItWasNotTrainedOn() {
        Evaluator ev = new Evaluator(Preset.DEFAULT, 4242, 50);
        lazy.resetFallbacks();
        PolicyReport rl = ev.evaluate(lazy, lazy::fallbacks);
        PolicyReport fifo = ev.evaluate(new FifoPolicy(), () -> 0);
        assertEquals(0, rl.heuristicFallbacks(), "every decision made by the learned policy");
        assertTrue(rl.meanReward() > fifo.meanReward(), rl + "\n vs " + fifo);
        assertTrue(rl.meanMakespan() < fifo.meanMakespan(), rl + "\n vs " + fifo);
        assertTrue(rl.successRate() >= fifo.successRate(), rl + "\n vs " + fifo);
    }

    /**
     * The README's held-out figures for the shipped policy (500 {@code default} puzzles of seed 20260), to the digits
     * printed there: the policy reads the simulator's features, so any change of their values in the game shows here.
     */
    @Test
    void playsTheHeldOutSetExactlyAsMeasured() {
        PolicyReport rl = new Evaluator(Preset.DEFAULT, 20260, 500).evaluate(lazy, lazy::fallbacks);
        assertEquals("0.3784 0.992 107.56 91.65", String.format(java.util.Locale.ROOT, "%.4f %.3f %.2f %.2f",
                rl.meanReward(), rl.successRate(), rl.meanMakespan(), rl.meanCost()), rl.toString());
    }

    @Test
    void plainJavaForwardMatchesDjlForward() {
        DjlPolicy policy = (DjlPolicy) lazy.learned().orElseThrow();
        float[] java = new float[256];
        float[] djl = new float[256];
        int[] checked = {0};
        SimulationListener compare = new SimulationListener() {
            @Override
            public void onDecision(Decision d, int chosen) {
                policy.score(d, java);
                policy.scoreWithDjl(d, djl);
                for (int i = 0; i < d.count(); i++) {
                    assertEquals(djl[i], java[i], 1e-4f * Math.max(1f, Math.abs(djl[i])), "candidate " + i);
                }
                checked[0]++;
            }
        };
        PuzzleGenerator g = new PuzzleGenerator(Preset.DEFAULT);
        for (int i = 0; i < 5; i++) {
            new Simulator(g.puzzle(99, i), Preset.DEFAULT).run(policy, i, compare, null);
        }
        assertTrue(checked[0] > 50, "compared " + checked[0] + " decisions");
    }
}
