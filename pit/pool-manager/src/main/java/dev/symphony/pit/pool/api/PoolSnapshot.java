package dev.symphony.pit.pool.api;

import java.util.List;

/** The whole pool at one moment: budgets in use and every model's status. */
public record PoolSnapshot(
    int slotsInUse,
    int slotCount,
    long residentMemoryBytes,
    long memoryBudgetBytes,
    long residentVramBytes,
    long vramBudgetBytes,
    long speculativeMemoryBytes,
    List<ModelStatus> models) {
}
