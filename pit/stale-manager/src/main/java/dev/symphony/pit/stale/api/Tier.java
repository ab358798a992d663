package dev.symphony.pit.stale.api;

/** Where an item lives. Moves only go forward, HOT → WARM → COLD → DELETED (re-tracking brings it back). */
public enum Tier {
    /** Local and in recent use (or part of an unfinished run). */
    HOT,
    /** Local, not used lately; first candidate for archiving. */
    WARM,
    /** In the archive folder. */
    COLD,
    /** Gone: the last resort, never for anything referenced or part of an unfinished run. */
    DELETED;

    private static final Tier[] VALUES = values();

    public static Tier of(int ordinal) {
        return VALUES[ordinal];
    }
}
