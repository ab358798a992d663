package dev.symphony.pit.artifact.api;

/** Where an artifact's content bytes are. Metadata and provenance are always kept. */
public enum ContentTier {
    /** In the store's local log: the fastest read. */
    LOCAL,
    /** Moved to the archive (cold) folder, still encrypted; reads are transparent but slower. */
    ARCHIVED,
    /** Deleted as a last resort; metadata, provenance and audit remain, reads fail with the reason. */
    PURGED;

    private static final ContentTier[] VALUES = values();

    public static ContentTier of(int ordinal) {
        return VALUES[ordinal];
    }
}
