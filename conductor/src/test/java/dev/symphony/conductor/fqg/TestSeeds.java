package dev.symphony.conductor.fqg;

/**
 * The base seed of the randomized tests: {@code -Dfqg.test.seed=N} or env {@code FQG_TEST_SEED}, else a fresh
 * one. Every failure message carries it, so a failing run can be replayed exactly.
 */
public final class TestSeeds {
    private TestSeeds() {
    }

    public static long base() {
        String v = System.getProperty("fqg.test.seed", System.getenv("FQG_TEST_SEED"));
        return v != null && !v.isBlank() ? Long.parseLong(v.trim()) : System.nanoTime();
    }

    public static String replay(long seed) {
        return " (replay with -Dfqg.test.seed=" + seed + ")";
    }
}
