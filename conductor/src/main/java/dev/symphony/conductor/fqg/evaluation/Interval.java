package dev.symphony.conductor.fqg.evaluation;

/** Mean and the half-width of its 95 % confidence interval (Student's t) over a sample. */
public record Interval(double mean, double halfWidth) {
    private static final double Z = 1.959963984540054;

    public static Interval of(double[] sample, int n) {
        if (n == 0) {
            return new Interval(0, 0);
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += sample[i];
        }
        mean /= n;
        if (n == 1) {
            return new Interval(mean, Double.POSITIVE_INFINITY);
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (sample[i] - mean) * (sample[i] - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return new Interval(mean, t975(n - 1) * sd / Math.sqrt(n));
    }

    /**
     * The 0.975 quantile of Student's t with {@code nu} degrees of freedom: tabulated for 1 and 2, else the
     * Cornish-Fisher expansion around the normal quantile (within 0.025 at nu = 3, 1e-3 from nu = 10 on).
     */
    static double t975(int nu) {
        if (nu == 1) {
            return 12.706;
        }
        if (nu == 2) {
            return 4.303;
        }
        double z = Z;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        return z + (z3 + z) / (4.0 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * nu * nu)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * nu * nu * nu);
    }

    public double low() {
        return mean - halfWidth;
    }

    public double high() {
        return mean + halfWidth;
    }

    /** Whether this interval lies wholly above {@code other}. */
    public boolean above(Interval other) {
        return low() > other.high();
    }
}
