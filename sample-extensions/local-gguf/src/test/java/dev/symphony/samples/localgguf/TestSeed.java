package dev.symphony.samples.localgguf;

/** The seed of a seeded test: {@code -Dsymphony.test.seed=N} (or {@code SYMPHONY_TEST_SEED}), else a new one; printed. */
public final class TestSeed {
    private TestSeed() {
    }

    public static long of(String test) {
        String configured = System.getProperty("symphony.test.seed", System.getenv("SYMPHONY_TEST_SEED"));
        long seed = configured != null ? Long.parseLong(configured) : System.nanoTime();
        System.out.println(test + " seed = " + seed + " (rerun with -Dsymphony.test.seed=" + seed + ")");
        return seed;
    }
}
