package dev.symphony.pit.artifact;

/** Seeds for randomized tests: {@code -Dsymphony.test.seed=N} or env {@code SYMPHONY_TEST_SEED} reproduce a run. */
final class Seeds {
    private Seeds() {
    }

    static long seed() {
        String value = System.getProperty("symphony.test.seed", System.getenv("SYMPHONY_TEST_SEED"));
        long seed = value == null || value.isBlank() ? System.nanoTime() : Long.parseLong(value.trim());
        System.out.println("seed = " + seed + " (rerun with -Dsymphony.test.seed=" + seed + ")");
        return seed;
    }
}
