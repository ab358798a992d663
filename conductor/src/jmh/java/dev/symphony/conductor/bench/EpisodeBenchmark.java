package dev.symphony.conductor.bench;

import dev.symphony.conductor.fqg.baselines.FifoPolicy;
import dev.symphony.conductor.fqg.evaluation.Evaluator;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.generator.PuzzleGenerator;
import dev.symphony.conductor.fqg.simulator.EpisodeResult;
import dev.symphony.conductor.fqg.simulator.Simulator;
import dev.symphony.conductor.policy.SchedulingPolicy;
import dev.symphony.conductor.policy.djl.DjlPolicy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One whole FQG episode of the {@code default} preset (64 puzzles in rotation), played by FIFO or by the
 * shipped learned policy (loaded through DJL, scored in Java): the simulator's episodes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EpisodeBenchmark {
    @Param({"fifo", "rl"})
    public String policy;

    private Simulator[] simulators;
    private SchedulingPolicy chosen;
    private DjlPolicy learned;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        PuzzleGenerator g = new PuzzleGenerator(Preset.DEFAULT);
        simulators = new Simulator[64];
        for (int i = 0; i < simulators.length; i++) {
            simulators[i] = new Simulator(g.puzzle(555, i), Preset.DEFAULT);
        }
        if (policy.equals("rl")) {
            learned = DjlPolicy.loadShipped();
            chosen = learned;
        } else {
            chosen = new FifoPolicy();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (learned != null) {
            learned.close();
        }
    }

    @Benchmark
    public EpisodeResult episode() {
        int i = next++ & 63;
        return simulators[i].run(chosen, Evaluator.outcomeSeed(555, i));
    }
}
