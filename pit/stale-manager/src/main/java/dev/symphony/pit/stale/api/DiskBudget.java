package dev.symphony.pit.stale.api;

/**
 * How many bytes each tier may hold. Over {@code localBytes}, warm items are archived earlier than the
 * policy's window (least valuable, least recently used first); over {@code archiveBytes}, unreferenced cold
 * items are deleted — the last resort.
 */
public record DiskBudget(long localBytes, long archiveBytes) {
    public static final DiskBudget UNLIMITED = new DiskBudget(Long.MAX_VALUE, Long.MAX_VALUE);

    public DiskBudget {
        if (localBytes < 0 || archiveBytes < 0) {
            throw new IllegalArgumentException("budgets must be >= 0, got local " + localBytes + ", archive " + archiveBytes);
        }
    }
}
