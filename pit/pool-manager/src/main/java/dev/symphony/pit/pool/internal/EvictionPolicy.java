package dev.symphony.pit.pool.internal;

import dev.symphony.pit.pool.api.ModelLoader;
import dev.symphony.pit.pool.api.ModelState;

/**
 * Makes room for a model that must load. The policy (README, "Eviction"):
 * <ol>
 *   <li>Only resident models that no task holds may go: WARM or COOLDOWN. LOADING and ACTIVE models are never
 *   evicted.</li>
 *   <li>Lowest predicted value goes first: the decayed usage score of {@link UsagePredictor}; ties go to the
 *   least recently used ({@link EvictionQueue} keeps this order).</li>
 *   <li>Only models that free something still short are taken: when only VRAM is short, CPU-only models stay.</li>
 *   <li>All or nothing: if evicting every candidate would still not make room, nothing is evicted and the
 *   allocation is refused.</li>
 * </ol>
 */
final class EvictionPolicy {
    private final ModelTable models;
    private final EvictionQueue queue;
    private final ModelLoader loader;
    private final long memoryBudget;
    private final long vramBudget;

    EvictionPolicy(final ModelTable models, final ModelLoader loader, final long memoryBudget, final long vramBudget) {
        this.models = models;
        this.queue = models.evictable();
        this.loader = loader;
        this.memoryBudget = memoryBudget;
        this.vramBudget = vramBudget;
    }

    long memoryShortfall(final int model) {
        return models.residentMemory() + models.memory(model) - memoryBudget;
    }

    long vramShortfall(final int model) {
        return models.residentVram() + models.vram(model) - vramBudget;
    }

    /**
     * Returns 0 when evicting idle models can make room for {@code model}; otherwise 1 (memory) or 2 (VRAM),
     * the budget that cannot be met. O(1): the queue keeps the evictable sums.
     */
    int feasibility(final int model) {
        if (memoryShortfall(model) > queue.memorySum()) {
            return 1;
        }
        return vramShortfall(model) > queue.vramSum() ? 2 : 0;
    }

    /** Evicts victims until {@code model} fits. Callers check {@link #feasibility} first. */
    int makeRoom(final int model) {
        int evicted = 0;
        long memShort = memoryShortfall(model);
        long vramShort = vramShortfall(model);
        while (memShort > 0 || vramShort > 0) {
            final int victim = pickVictim(memShort > 0, vramShort > 0);
            if (victim < 0) {
                throw new IllegalStateException("eviction could not make room although feasibility was checked");
            }
            models.transition(victim, ModelState.IDLE);
            loader.unload(victim, models.spec(victim));
            evicted++;
            memShort = memoryShortfall(model);
            vramShort = vramShortfall(model);
        }
        return evicted;
    }

    private boolean helps(final int m, final boolean needMemory, final boolean needVram) {
        return (needMemory && models.memory(m) > 0) || (needVram && models.vram(m) > 0);
    }

    private int pickVictim(final boolean needMemory, final boolean needVram) {
        final int head = queue.peek();
        if (head < 0 || helps(head, needMemory, needVram)) {
            return head;
        }
        // Rare: the policy's first choice frees nothing that is short (e.g. a CPU-only model when only VRAM is
        // short). Scan for the best candidate that helps, in the same order.
        int best = -1;
        for (int i = 0, n = queue.size(); i < n; i++) {
            final int m = queue.at(i);
            if (helps(m, needMemory, needVram) && (best < 0 || queue.orderedBefore(m, best))) {
                best = m;
            }
        }
        return best;
    }
}
