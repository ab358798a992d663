package dev.symphony.pit.arbitration.api;

/** What kind of shared thing is contended. */
public enum ResourceKind {
    /** A slot of a model in the pool (capacity = its concurrency). */
    MODEL_SLOT,
    /** A file two agents want to edit (capacity 1: one writer per buffer). */
    FILE,
    /** The GPU (capacity = concurrent jobs it takes). */
    GPU,
    /** A spending budget (collaborative decisions split it by share). */
    BUDGET;

    private static final ResourceKind[] VALUES = values();

    public static ResourceKind fromOrdinal(final int ordinal) {
        return VALUES[ordinal];
    }
}
