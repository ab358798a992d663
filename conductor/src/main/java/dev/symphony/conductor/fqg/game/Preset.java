package dev.symphony.conductor.fqg.game;

import java.util.Map;

/**
 * A named, fixed set of generator parameters. A preset never changes once published: a different set of
 * numbers is a new preset name. {@link #DEFAULT} is documented in {@code conductor/README.md}.
 *
 * @param minFunctions / maxFunctions      functions per puzzle (uniform, inclusive)
 * @param minSources / maxSources          functions that read the puzzle's input value directly
 * @param maxInputs                        inputs per non-source function: 1..maxInputs (weights 50/35/15 for 3)
 * @param inputWindow                      inputs are drawn from the previous {@code inputWindow} functions
 * @param minInstruments / maxInstruments  Instruments per function
 * @param baseLatencyMedian / baseLatencySigma / minBaseLatency / maxBaseLatency  a function's base latency:
 *                                         log-normal with this median and sigma, clamped
 * @param minBaseCost / maxBaseCost        a function's base cost, uniform
 * @param minSpeed / maxSpeed              an Instrument's latency factor (latency = base * speed), uniform
 * @param costExponent / costNoise         cost = baseCost * speed^-costExponent * uniform(1 ± costNoise)
 * @param minFailure / maxFailure          an Instrument's failure rate, uniform
 * @param scarceBelowSpeed                 Instruments faster than this (speed below) have capacity 1
 * @param latencyJitterSigma               an attempt's latency = mean * log-normal(mean 1, this sigma)
 * @param minSlots / maxSlots              concurrency limit (attempts running at once), uniform
 * @param budgetFactor                     budget = factor * sum of cheapest expected cost to success
 * @param deadlineFactor                   deadline = factor * max(cheapest-instrument critical path,
 *                                         cheapest-instrument total work / slots)
 * @param lambda / mu                      reward = success - lambda * cost - mu * makespan
 */
public record Preset(String name, int minFunctions, int maxFunctions, int minSources, int maxSources,
                     int maxInputs, int inputWindow, int minInstruments, int maxInstruments,
                     double baseLatencyMedian, double baseLatencySigma, double minBaseLatency,
                     double maxBaseLatency, double minBaseCost, double maxBaseCost, double minSpeed,
                     double maxSpeed, double costExponent, double costNoise, double minFailure,
                     double maxFailure, double scarceBelowSpeed, double latencyJitterSigma, int minSlots,
                     int maxSlots, double budgetFactor, double deadlineFactor, double lambda, double mu) {

    /** The {@code default} preset. Fixed: do not edit; add a new preset instead. */
    public static final Preset DEFAULT = new Preset("default", 12, 24, 2, 4, 3, 6, 2, 4,
            10.0, 0.6, 2.0, 60.0, 1.0, 5.0, 0.35, 1.5, 1.3, 0.3, 0.02, 0.30, 0.7, 0.25, 2, 4,
            2.5, 1.25, 0.002, 0.004);

    /** A small preset for quick tests: the same distributions, fewer functions. */
    public static final Preset SMALL = new Preset("small", 5, 9, 1, 2, 2, 4, 2, 3,
            10.0, 0.6, 2.0, 60.0, 1.0, 5.0, 0.35, 1.5, 1.3, 0.3, 0.02, 0.30, 0.7, 0.25, 2, 3,
            2.5, 1.25, 0.002, 0.004);

    /**
     * Plain precedence-constrained scheduling, the sanity check: 50–500 functions (4–16 sources, inputs from the
     * previous 30), one Instrument per function (capacity = slots, so slots are the processors), no failures, no
     * jitter, ample budget and deadline (10×). Slots are 2–8; {@code fqg eval --slots N} pins them.
     */
    public static final Preset PLAIN = new Preset("plain", 50, 500, 4, 16, 3, 30, 1, 1,
            10.0, 0.6, 2.0, 60.0, 1.0, 5.0, 1.0, 1.0, 1.3, 0.0, 0.0, 0.0, 0.0, 0.0, 2, 8,
            10.0, 10.0, 0.002, 0.004);

    private static final Map<String, Preset> BY_NAME = Map.of(DEFAULT.name, DEFAULT, SMALL.name, SMALL, PLAIN.name, PLAIN);

    /** The preset called {@code name}, or an error naming the known ones. */
    public static Preset byName(String name) {
        Preset p = BY_NAME.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown preset '" + name + "' (known: "
                    + String.join(", ", new java.util.TreeSet<>(BY_NAME.keySet())) + ")");
        }
        return p;
    }

    /**
     * This preset with the concurrency limit fixed at {@code slots}. The generator draws the slots all the same, so
     * puzzle {@code i} of a seed has the same functions for every {@code slots}; only the limit differs.
     */
    public Preset withSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, got " + slots);
        }
        return new Preset(name, minFunctions, maxFunctions, minSources, maxSources, maxInputs, inputWindow,
                minInstruments, maxInstruments, baseLatencyMedian, baseLatencySigma, minBaseLatency, maxBaseLatency,
                minBaseCost, maxBaseCost, minSpeed, maxSpeed, costExponent, costNoise, minFailure, maxFailure,
                scarceBelowSpeed, latencyJitterSigma, slots, slots, budgetFactor, deadlineFactor, lambda, mu);
    }

    /** The reward of one episode under this preset's weights. */
    public double reward(boolean success, double cost, double makespan) {
        return (success ? 1.0 : 0.0) - lambda * cost - mu * makespan;
    }
}
