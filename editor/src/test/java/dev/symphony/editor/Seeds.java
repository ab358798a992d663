package dev.symphony.editor;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeds for randomized tests: {@code SYMPHONY_TEST_SEED} (env) or {@code -Dsymphony.test.seed} fixes
 * the seed; otherwise each run picks a fresh one. A failure always reports the seed to rerun with.
 */
public final class Seeds {

    private Seeds() {
    }

    public static long seed() {
        String fixed = System.getenv("SYMPHONY_TEST_SEED");
        if (fixed == null || fixed.isBlank()) {
            fixed = System.getProperty("symphony.test.seed");
        }
        return fixed == null || fixed.isBlank() ? System.nanoTime() : Long.parseLong(fixed.trim());
    }

    /** Runs {@code body} with a seeded Random; rethrows failures with the seed in the message. */
    public static void run(String name, Consumer<Random> body) {
        long seed = seed();
        try {
            body.accept(new Random(seed));
        } catch (Throwable t) {
            throw new AssertionError(name + " failed; rerun with SYMPHONY_TEST_SEED=" + seed + ": " + t, t);
        }
    }

    /** Random text with newlines (LF, CR, CRLF), Latin-1 and astral characters mixed in. */
    public static String text(Random r, int maxLen) {
        int n = r.nextInt(maxLen + 1);
        StringBuilder sb = new StringBuilder(n);
        while (sb.length() < n) {
            int k = r.nextInt(20);
            if (k == 0) {
                sb.append('\n');
            } else if (k == 1) {
                sb.append('\r');
            } else if (k == 2) {
                sb.append("\r\n");
            } else if (k == 3) {
                sb.appendCodePoint(0x1F600 + r.nextInt(40));
            } else if (k == 4) {
                sb.append((char) (0xA0 + r.nextInt(90)));
            } else if (k == 5) {
                sb.append(' ');
            } else {
                sb.append((char) ('a' + r.nextInt(26)));
            }
        }
        return sb.toString();
    }
}
