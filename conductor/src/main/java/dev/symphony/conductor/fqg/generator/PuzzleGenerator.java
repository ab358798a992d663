package dev.symphony.conductor.fqg.generator;

import dev.symphony.conductor.fqg.game.FunctionSpec;
import dev.symphony.conductor.fqg.game.Instrument;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.game.Puzzle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates puzzles from a {@link Preset}. Deterministic: {@code generate(seed)} depends only on the preset
 * and the seed (one {@link SplittableRandom}, consumed in a fixed order). A set of puzzles is
 * {@code puzzle(setSeed, 0..count-1)}, each with the seed {@link #seedOf(long, int)}.
 */
public final class PuzzleGenerator {
    private static final String[] INSTRUMENT_NAMES = {"swift", "steady", "frugal", "sturdy", "spare"};
    private final Preset preset;

    public PuzzleGenerator(Preset preset) {
        this.preset = preset;
    }

    public Preset preset() {
        return preset;
    }

    /** The seed of puzzle {@code index} in the set {@code setSeed} (SplitMix64 of both). */
    public static long seedOf(long setSeed, int index) {
        return mix(setSeed * 0x9E3779B97F4A7C15L + index + 1);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public Puzzle puzzle(long setSeed, int index) {
        return generate(seedOf(setSeed, index));
    }

    public Puzzle generate(long seed) {
        Preset p = preset;
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = between(rnd, p.minFunctions(), p.maxFunctions());
        int sources = Math.min(n - 1, between(rnd, p.minSources(), p.maxSources()));
        List<int[]> preds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            preds.add(i < sources ? new int[0] : pickInputs(rnd, i, sources));
        }
        connectDanglingOutputs(rnd, preds, n);
        List<FunctionSpec> functions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] in = preds.get(i);
            List<String> inputTypes = new ArrayList<>();
            if (in.length == 0) {
                inputTypes.add("Input");
            }
            for (int j : in) {
                inputTypes.add("T" + j);
            }
            String out = i == n - 1 ? "Goal" : "T" + i;
            long multiplier = 2 + rnd.nextInt(97);
            long offset = rnd.nextInt(1000);
            functions.add(new FunctionSpec("f" + i, inputTypes, out, in, multiplier, offset, instruments(rnd)));
        }
        int slots = between(rnd, p.minSlots(), p.maxSlots());
        long input = rnd.nextInt(1_000_000);
        double budget = p.budgetFactor() * cheapestCostSum(functions);
        double deadline = p.deadlineFactor() * cheapestReferenceMakespan(functions, slots);
        return new Puzzle(p.name(), seed, functions, input, Puzzle.evaluate(functions, input), slots, budget, deadline);
    }

    private int[] pickInputs(SplittableRandom rnd, int i, int sources) {
        double u = rnd.nextDouble();
        int want = p().maxInputs() >= 3 ? (u < 0.5 ? 1 : u < 0.85 ? 2 : 3) : (u < 0.6 ? 1 : 2);
        int lo = Math.max(0, i - p().inputWindow());
        int available = i - lo;
        want = Math.min(want, Math.min(available, p().maxInputs()));
        int[] pool = new int[available];
        for (int k = 0; k < available; k++) {
            pool[k] = lo + k;
        }
        for (int k = 0; k < want; k++) {
            int swap = k + rnd.nextInt(available - k);
            int t = pool[k];
            pool[k] = pool[swap];
            pool[swap] = t;
        }
        int[] chosen = Arrays.copyOf(pool, want);
        Arrays.sort(chosen);
        return chosen;
    }

    /** Every function but the goal must feed something, or running it would be pointless. */
    private static void connectDanglingOutputs(SplittableRandom rnd, List<int[]> preds, int n) {
        boolean[] used = new boolean[n];
        for (int[] in : preds) {
            for (int j : in) {
                used[j] = true;
            }
        }
        for (int j = n - 2; j >= 0; j--) {
            if (!used[j]) {
                int target = j + 1 + rnd.nextInt(n - 1 - j);
                int[] in = Arrays.copyOf(preds.get(target), preds.get(target).length + 1);
                in[in.length - 1] = j;
                Arrays.sort(in);
                preds.set(target, in);
                used[j] = true;
            }
        }
    }

    private List<Instrument> instruments(SplittableRandom rnd) {
        Preset p = preset;
        double baseLatency = clamp(p.baseLatencyMedian() * Math.exp(p.baseLatencySigma() * gaussian(rnd)),
                p.minBaseLatency(), p.maxBaseLatency());
        double baseCost = p.minBaseCost() + rnd.nextDouble() * (p.maxBaseCost() - p.minBaseCost());
        int count = between(rnd, p.minInstruments(), p.maxInstruments());
        List<Instrument> list = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            double speed = p.minSpeed() + rnd.nextDouble() * (p.maxSpeed() - p.minSpeed());
            double noise = 1 + p.costNoise() * (2 * rnd.nextDouble() - 1);
            double cost = baseCost * Math.pow(speed, -p.costExponent()) * noise;
            double failure = p.minFailure() + rnd.nextDouble() * (p.maxFailure() - p.minFailure());
            int capacity = speed < p.scarceBelowSpeed() ? 1 : p.maxSlots();
            list.add(new Instrument(INSTRUMENT_NAMES[k], baseLatency * speed, cost, failure, capacity));
        }
        return list;
    }

    private static Instrument cheapest(FunctionSpec f) {
        Instrument best = f.instruments().get(0);
        for (Instrument ins : f.instruments()) {
            if (ins.expectedCostToSuccess() < best.expectedCostToSuccess()) {
                best = ins;
            }
        }
        return best;
    }

    private static double cheapestCostSum(List<FunctionSpec> functions) {
        return functions.stream().mapToDouble(f -> cheapest(f).expectedCostToSuccess()).sum();
    }

    private static double cheapestReferenceMakespan(List<FunctionSpec> functions, int slots) {
        double[] finish = new double[functions.size()];
        double work = 0;
        double longest = 0;
        for (int i = 0; i < functions.size(); i++) {
            FunctionSpec f = functions.get(i);
            double start = 0;
            for (int pIdx : f.predecessors()) {
                start = Math.max(start, finish[pIdx]);
            }
            double d = cheapest(f).expectedTimeToSuccess();
            finish[i] = start + d;
            work += d;
            longest = Math.max(longest, finish[i]);
        }
        return Math.max(longest, work / slots);
    }

    private Preset p() {
        return preset;
    }

    private static int between(SplittableRandom rnd, int lo, int hi) {
        return lo + rnd.nextInt(hi - lo + 1);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Box-Muller from the same stream, so the sequence is fixed by the seed alone. */
    static double gaussian(SplittableRandom rnd) {
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
