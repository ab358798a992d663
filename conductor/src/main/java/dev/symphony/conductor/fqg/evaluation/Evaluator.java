package dev.symphony.conductor.fqg.evaluation;

import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.game.Puzzle;
import dev.symphony.conductor.fqg.generator.PuzzleGenerator;
import dev.symphony.conductor.fqg.simulator.EpisodeResult;
import dev.symphony.conductor.fqg.simulator.SimulationListener;
import dev.symphony.conductor.fqg.simulator.Simulator;
import dev.symphony.conductor.policy.SchedulingPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Plays a policy on a set of puzzles: puzzles {@code 0..count-1} of a seed, or a given list (read from files).
 * Puzzle {@code i}'s outcome seed is {@link #outcomeSeed(long, int)}, the same for every policy. Puzzles are
 * generated once per evaluator; each one is played under its own preset's rules.
 */
public final class Evaluator {
    private final Preset preset;
    private final long setSeed;
    private final List<Simulator> simulators;
    private double[] lastMakespans = new double[0];
    private double[] lastRewards = new double[0];

    public Evaluator(Preset preset, long setSeed, int count) {
        this(preset, setSeed, generate(preset, setSeed, count));
    }

    /** Plays the given puzzles, all under {@code preset}'s rules, with outcome seeds from {@code setSeed}. */
    public Evaluator(Preset preset, long setSeed, List<Puzzle> puzzles) {
        this.preset = preset;
        this.setSeed = setSeed;
        simulators = new ArrayList<>(puzzles.size());
        for (Puzzle p : puzzles) {
            simulators.add(new Simulator(p, preset));
        }
    }

    private static List<Puzzle> generate(Preset preset, long setSeed, int count) {
        PuzzleGenerator generator = new PuzzleGenerator(preset);
        List<Puzzle> puzzles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            puzzles.add(generator.puzzle(setSeed, i));
        }
        return puzzles;
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
        int n = simulators.size();
        double[] makespan = new double[n];
        double[] reward = new double[n];
        double cost = 0;
        int successes = 0;
        for (int i = 0; i < n; i++) {
            EpisodeResult r = simulators.get(i).run(policy, outcomeSeed(setSeed, i), listener, latency);
            successes += r.success() ? 1 : 0;
            makespan[i] = r.makespan();
            reward[i] = r.reward();
            cost += r.cost();
        }
        lastMakespans = makespan;
        lastRewards = reward;
        Interval m = Interval.of(makespan, n);
        Interval rw = Interval.of(reward, n);
        int d = Math.max(1, n);
        return new PolicyReport(policy.name(), n, (double) successes / d, m.mean(), m.halfWidth(), cost / d, rw.mean(),
                rw.halfWidth(), latency.percentile(50) / 1000.0, latency.percentile(99) / 1000.0,
                fallbacks.getAsLong() - fallbacksBefore, null, 0, null);
    }

    /** The per-puzzle rewards of the last {@link #evaluate} (a copy). */
    public double[] lastRewards() {
        return Arrays.copyOf(lastRewards, lastRewards.length);
    }

    /** The per-puzzle makespans of the last {@link #evaluate} (a copy). */
    public double[] lastMakespans() {
        return Arrays.copyOf(lastMakespans, lastMakespans.length);
    }

    public Preset preset() {
        return preset;
    }
}
