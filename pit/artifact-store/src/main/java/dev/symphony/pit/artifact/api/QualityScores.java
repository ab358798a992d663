package dev.symphony.pit.artifact.api;

/**
 * The conductor's assessment of an artifact, each dimension in [0, 1]; {@link #UNSCORED} until filled.
 * {@code utility} is also what the stale manager reads as training value.
 */
public record QualityScores(float structure, float semantics, float utility) {
    public static final QualityScores UNSCORED = new QualityScores(Float.NaN, Float.NaN, Float.NaN);

    public QualityScores {
        check("structure", structure);
        check("semantics", semantics);
        check("utility", utility);
    }

    public boolean scored() {
        return !Float.isNaN(structure) || !Float.isNaN(semantics) || !Float.isNaN(utility);
    }

    private static void check(String name, float value) {
        if (!Float.isNaN(value) && (value < 0f || value > 1f)) {
            throw new IllegalArgumentException(name + " must be in [0, 1] (or NaN = unscored) but was " + value);
        }
    }
}
