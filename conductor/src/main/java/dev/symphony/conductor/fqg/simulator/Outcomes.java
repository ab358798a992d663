package dev.symphony.conductor.fqg.simulator;

/**
 * Counter-based randomness for attempt outcomes: the draw for (seed, function, attempt) is a pure function
 * of those three numbers (SplitMix64 mixing), independent of which Instrument is picked or in which order
 * functions run, so policies are compared on identical luck.
 */
final class Outcomes {
    private Outcomes() {
    }

    /** Uniform in [0, 1): whether the attempt fails (fails when below the Instrument's failure rate). */
    static double failureDraw(long seed, int function, int attempt) {
        return unit(mix(key(seed, function, attempt)));
    }

    /** Standard normal: the attempt's latency jitter. */
    static double jitterDraw(long seed, int function, int attempt) {
        long h = mix(key(seed, function, attempt) ^ 0x5DEECE66DL);
        double u1 = 1.0 - unit(h);
        double u2 = unit(mix(h));
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static long key(long seed, int function, int attempt) {
        return mix(seed + 0x9E3779B97F4A7C15L * (function + 1)) + 0xC2B2AE3D27D4EB4FL * (attempt + 1);
    }

    private static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
