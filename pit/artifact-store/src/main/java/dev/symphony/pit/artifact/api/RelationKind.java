package dev.symphony.pit.artifact.api;

/** Edges between artifacts. Both are recorded in the write-ahead log and the audit trail. */
public enum RelationKind {
    /** {@code from} was computed from {@code to} (an input or an earlier intermediate). */
    DERIVED_FROM,
    /** {@code from} is a newer version that replaces {@code to}; {@code to} stops being live. */
    SUPERSEDES;

    private static final RelationKind[] VALUES = values();

    public static RelationKind of(int ordinal) {
        return VALUES[ordinal];
    }
}
