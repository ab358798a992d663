package dev.symphony.conductor.fqg.evaluation;

import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.game.Puzzle;
import dev.symphony.conductor.fqg.generator.PuzzleGenerator;
import dev.symphony.conductor.fqg.simulator.EpisodeResult;
import dev.symphony.conductor.fqg.simulator.SimulationListener;
import dev.symphony.conductor.fqg.simulator.Simulator;
import dev.symphony.conductor.policy.SchedulingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Plays a policy on puzzles {@code 0..count-1} of a seed. Puzzle {@code i}'s outcome seed is
 * {@link #outcomeSeed(long, int)}, the same for every policy. Puzzles are generated once per evaluator.
 */
public final class Evaluator {
    private final Preset preset;
    private final long setSeed;
    private final List<Simulator> simulators;

    public Evaluator(Preset preset, long setSeed, int count) {
        this.preset = preset;
        this.setSeed = setSeed;
        PuzzleGenerator generator = new PuzzleGenerator(preset);
        simulators = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            simulators.add(new Simulator(generator.puzzle(setSeed, i), preset));
        }
    }

    public static long outcomeSeed(long setSeed, int index) {
        return PuzzleGenerator.seedOf(~setSeed, index);
    }

    public List<Puzzle> puzzles() {
        return simulators.stream().map(Simulator::puzzle).toList();
    }

    /** Plays every puzzle once; {@code fallbacks} reads the policy's heuristic-fallback counter (or 0). */
    public PolicyReport evaluate(SchedulingPolicy policy, LongSupplier fallbacks) {
        return evaluate(policy, fallbacks, SimulationListener.NONE);
    }

    public PolicyReport evaluate(SchedulingPolicy policy, LongSupplier fallbacks, SimulationListener listener) {
        long fallbacksBefore = fallbacks.getAsLong();
        LatencyRecorder latency = new LatencyRecorder();
        double makespan = 0;
        double cost = 0;
        double reward = 0;
        int successes = 0;
        for (int i = 0; i < simulators.size(); i++) {
            EpisodeResult r = simulators.get(i).run(policy, outcomeSeed(setSeed, i), listener, latency);
            successes += r.success() ? 1 : 0;
            makespan += r.makespan();
            cost += r.cost();
            reward += r.reward();
        }
        int n = Math.max(1, simulators.size());
        return new PolicyReport(policy.name(), simulators.size(), (double) successes / n, makespan / n, cost / n,
                reward / n, latency.percentile(50) / 1000.0, latency.percentile(99) / 1000.0,
                fallbacks.getAsLong() - fallbacksBefore);
    }

    public Preset preset() {
        return preset;
    }
}
