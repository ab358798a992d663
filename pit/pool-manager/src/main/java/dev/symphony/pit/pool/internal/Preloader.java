package dev.symphony.pit.pool.internal;

import dev.symphony.pit.pool.api.ModelLoader;
import dev.symphony.pit.pool.api.ModelState;

/**
 * Predictive loading and keep-warm, run by the agent (never on the allocation path). Every prediction interval:
 * <ul>
 *   <li>speculative WARM models whose usage score fell below the keep-warm score are unloaded;</li>
 *   <li>the IDLE models with the highest scores at or above the keep-warm score are pre-loaded, best first, as
 *   long as they fit in free memory/VRAM <em>and</em> in the speculative (pre-load) memory budget. Pre-loading
 *   never evicts anything.</li>
 * </ul>
 */
final class Preloader {
    private static final int BATCH = 8;

    private final ModelTable models;
    private final HostTable hosts;
    private final UsagePredictor predictor;
    private final ModelLoader loader;
    private final double keepWarmScore;
    private final long memoryBudget;
    private final long vramBudget;
    private final long speculativeBudget;
    private final int[] top = new int[BATCH];
    private final double[] topScore = new double[BATCH];

    Preloader(
        final ModelTable models,
        final HostTable hosts,
        final UsagePredictor predictor,
        final ModelLoader loader,
        final double keepWarmScore,
        final long memoryBudget,
        final long vramBudget,
        final long speculativeBudget) {
        this.models = models;
        this.hosts = hosts;
        this.predictor = predictor;
        this.loader = loader;
        this.keepWarmScore = keepWarmScore;
        this.memoryBudget = memoryBudget;
        this.vramBudget = vramBudget;
        this.speculativeBudget = speculativeBudget;
    }

    /** True when keeping {@code model} resident without a task is worth its memory right now. */
    boolean worthKeeping(final int model, final long nowNanos) {
        return predictor.score(model, nowNanos) >= keepWarmScore
            && models.speculativeMemory() + models.memory(model) <= speculativeBudget;
    }

    /**
     * COOLDOWN models whose cooldown is over: kept WARM (speculative) when {@link #worthKeeping}, otherwise
     * unloaded. Iterates backwards: a move to IDLE swaps the last resident into the visited index.
     */
    int expireCooldowns(final long nowNanos) {
        int work = 0;
        final var resident = models.resident();
        for (int i = resident.size() - 1; i >= 0; i--) {
            final int m = resident.getInt(i);
            if (models.state(m) == ModelState.COOLDOWN && nowNanos - models.cooldownDeadline(m) >= 0) {
                if (worthKeeping(m, nowNanos)) {
                    models.transition(m, ModelState.WARM);
                    models.speculative(m, true);
                } else {
                    models.transition(m, ModelState.IDLE);
                    loader.unload(m, models.spec(m));
                }
                work++;
            }
        }
        return work;
    }

    int run(final long nowNanos) {
        return unloadCold(nowNanos) + preloadHot(nowNanos);
    }

    private int unloadCold(final long nowNanos) {
        int work = 0;
        final var resident = models.resident();
        for (int i = resident.size() - 1; i >= 0; i--) {
            final int m = resident.getInt(i);
            if (models.isSpeculative(m) && models.state(m) == ModelState.WARM
                && predictor.score(m, nowNanos) < keepWarmScore) {
                models.transition(m, ModelState.IDLE);
                loader.unload(m, models.spec(m));
                work++;
            }
        }
        return work;
    }

    private int preloadHot(final long nowNanos) {
        int found = 0;
        for (int m = 0, n = models.count(); m < n; m++) {
            if (models.state(m) != ModelState.IDLE || !hosts.canServe(models.host(m))) {
                continue;
            }
            final double score = predictor.score(m, nowNanos);
            if (score < keepWarmScore) {
                continue;
            }
            found = insert(m, score, found);
        }
        int work = 0;
        for (int i = 0; i < found; i++) {
            final int m = top[i];
            if (models.speculativeMemory() + models.memory(m) <= speculativeBudget
                && models.residentMemory() + models.memory(m) <= memoryBudget
                && models.residentVram() + models.vram(m) <= vramBudget) {
                models.transition(m, ModelState.LOADING);
                models.speculative(m, true);
                loader.load(m, models.spec(m), true);
                work++;
            }
        }
        return work;
    }

    /** Keeps the BATCH best-scored candidates in descending order (insertion into a tiny array). */
    private int insert(final int model, final double score, final int found) {
        int pos = found < BATCH ? found : BATCH;
        while (pos > 0 && topScore[pos - 1] < score) {
            if (pos < BATCH) {
                top[pos] = top[pos - 1];
                topScore[pos] = topScore[pos - 1];
            }
            pos--;
        }
        if (pos < BATCH) {
            top[pos] = model;
            topScore[pos] = score;
            return Math.min(found + 1, BATCH);
        }
        return found;
    }
}
