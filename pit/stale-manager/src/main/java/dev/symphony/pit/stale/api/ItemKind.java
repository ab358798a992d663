package dev.symphony.pit.stale.api;

/** What a tracked item is; a {@link TierMover} may route on it. */
public enum ItemKind {
    ARTIFACT, QUEUE_FILE, TRAINING_DATA,
    /** A conductor run's journal folder (run.json + events.jsonl); its key is the run id. */
    RUN_JOURNAL;

    private static final ItemKind[] VALUES = values();

    public static ItemKind of(int ordinal) {
        return VALUES[ordinal];
    }
}
