package dev.symphony.pit.arbitration.api;

/**
 * Weights of the four dimensions every contender is scored on (each dimension in [0, 1]). Only the ratios
 * matter: {@link #normalized()} scales them to sum to 1, so a weighted score is also in [0, 1].
 */
public record ScoringWeights(double businessValue, double userImpact, double costEfficiency, double learningValue) {

    /** Equal weights. */
    public static final ScoringWeights EQUAL = new ScoringWeights(1, 1, 1, 1);

    public ScoringWeights {
        check("businessValue", businessValue);
        check("userImpact", userImpact);
        check("costEfficiency", costEfficiency);
        check("learningValue", learningValue);
        if (businessValue + userImpact + costEfficiency + learningValue <= 0) {
            throw new IllegalArgumentException("scoring weights: at least one weight must be > 0");
        }
    }

    private static void check(final String name, final double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("scoring weight " + name + " must be a finite number >= 0, was "
                + value);
        }
    }

    public ScoringWeights normalized() {
        final double sum = businessValue + userImpact + costEfficiency + learningValue;
        return new ScoringWeights(businessValue / sum, userImpact / sum, costEfficiency / sum, learningValue / sum);
    }
}
