package dev.symphony.pit.pool.api;

/** What a Melody run spent, returned when the run is closed. */
public record RunUsage(long runId, int workspaceId, long spentMicros, long budgetMicros, long calls, long tokens) {
}
