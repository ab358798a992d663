package dev.symphony.kernel.process;

/**
 * Run by {@link JvmFlagsTest} in a child JVM: calls {@link #work} {@value #CALLS} times, past the JIT's usual
 * invocation threshold (200) and below five times it, so whether {@code work} is compiled shows which threshold
 * applied to this package.
 */
public final class JitProbe {
    static final int CALLS = 600;

    private JitProbe() {
    }

    static long work(long x) {
        return x * 31 + (x >>> 3);
    }

    public static void main(String[] args) {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += work(i);
        }
        System.out.println("sum " + sum);
    }
}
