package dev.symphony.pit.artifact.api;

/** The seed's artifact categories: what role an artifact plays in a Melody run. */
public enum ArtifactKind {
    /** Trigger payloads, configurations. */
    INPUT,
    /** Per-node outputs (versioned). */
    INTERMEDIATE,
    /** Final deliverables. */
    OUTPUT,
    /** Timelines, costs, provenance reports. */
    METADATA;

    private static final ArtifactKind[] VALUES = values();

    public static ArtifactKind of(int ordinal) {
        return VALUES[ordinal];
    }
}
