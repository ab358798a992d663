package dev.symphony.conductor.fqg.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.symphony.conductor.fqg.baselines.Baselines;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.game.Puzzle;
import dev.symphony.conductor.fqg.generator.PuzzleGenerator;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.SchedulingPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A planner's fork continues from the episode's state with its own luck and leaves the episode alone. */
class ForkTest {
    /** Plays fifo, forking at every decision: the episode's result must equal an unforked fifo episode's. */
    private static final class ForkingFifo implements SimulatorAware {
        final SchedulingPolicy fifo = Baselines.byName("fifo", 0);
        final List<Double> forkRewards = new ArrayList<>();
        Simulator episode;
        Simulator fork;

        @Override
        public void attach(Simulator sim) {
            episode = sim;
            fork = fork == null ? new Simulator(sim.puzzle(), sim.preset()) : fork;
        }

        @Override
        public String name() {
            return "forking-fifo";
        }

        @Override
        public void score(Decision d, float[] scores) {
            fifo.score(d, scores);
            int c = SchedulingPolicy.argmax(scores, d.count());
            fork.forkFrom(episode, 42);
            forkRewards.add(fork.playFrom(d.node(c), d.instrument(c), Baselines.byName("fifo", 0)).reward());
        }
    }

    @Test
    void forksDoNotDisturbTheEpisodeAndAreRepeatable() {
        PuzzleGenerator g = new PuzzleGenerator(Preset.DEFAULT);
        for (int i = 0; i < 20; i++) {
            Puzzle p = g.puzzle(8080, i);
            EpisodeResult plain = new Simulator(p, Preset.DEFAULT).run(Baselines.byName("fifo", 0), 7);
            ForkingFifo a = new ForkingFifo();
            ForkingFifo b = new ForkingFifo();
            assertEquals(plain, new Simulator(p, Preset.DEFAULT).run(a, 7), "puzzle " + i);
            new Simulator(p, Preset.DEFAULT).run(b, 7);
            assertEquals(a.forkRewards, b.forkRewards, "same state and rollout seed, same rollout");
            assertNotEquals(0, a.forkRewards.size());
        }
    }
}
