package dev.symphony.pit.stale.internal;

import org.agrona.collections.LongArrayQueue;
import org.agrona.concurrent.EpochClock;

import dev.symphony.pit.stale.api.DiskBudget;
import dev.symphony.pit.stale.api.ItemKind;
import dev.symphony.pit.stale.api.RetentionPolicy;
import dev.symphony.pit.stale.api.StaleManager;
import dev.symphony.pit.stale.api.StaleManagerContext;
import dev.symphony.pit.stale.api.Tier;
import dev.symphony.pit.stale.api.TierMover;

/**
 * The clock-hand reclaimer. Each {@link #reclaimStep()} looks at one item: O(1), no allocation, no I/O.
 * Due moves are queued as packed longs and performed by {@link #executePending(int)}. Budget pressure
 * lowers the age an item must reach to be moved, sweep after sweep (see {@link #sweepCompleted()}).
 */
public final class DefaultStaleManager implements StaleManager {
    private static final int HOT = Tier.HOT.ordinal();
    private static final int WARM = Tier.WARM.ordinal();
    private static final int COLD = Tier.COLD.ordinal();
    private static final int DELETED = Tier.DELETED.ordinal();

    private final EpochClock clock;
    private final TierMover mover;
    private final ItemCatalog items;
    private final LongArrayQueue decided = new LongArrayQueue(1024, Long.MIN_VALUE);
    private final long hotWindowMs;
    private final long localRetentionMs;
    private final long coldRetentionMs;
    private final float boost;
    private final long localBudget;
    private final long archiveBudget;
    private final int stepsPerWork;
    private final long sweepIntervalMs;
    private long localThresholdMs;
    private long coldThresholdMs;
    private long localUsed;
    private long archiveUsed;
    private int hand;
    private boolean sweeping = true;
    private long nextSweepAtMs;
    private int decidedThisSweep;
    private long maxWarmAge;
    private long maxColdAge;
    private long failedMoves;

    public DefaultStaleManager(StaleManagerContext context) {
        RetentionPolicy policy = context.policy();
        DiskBudget budget = context.budget();
        clock = context.epochClock();
        mover = context.mover();
        items = new ItemCatalog(context.expectedItems());
        hotWindowMs = policy.hotWindow().toMillis();
        localRetentionMs = policy.localRetention().toMillis();
        coldRetentionMs = policy.coldRetention().toMillis();
        boost = policy.trainingValueBoost();
        localBudget = budget.localBytes();
        archiveBudget = budget.archiveBytes();
        stepsPerWork = context.stepsPerWork();
        sweepIntervalMs = context.sweepIntervalMs();
        localThresholdMs = localRetentionMs;
        coldThresholdMs = coldRetentionMs;
    }

    @Override
    public int track(ItemKind kind, String key, long externalId, long sizeBytes, long lastAccessMs, String melodyRun,
                     Tier initialTier) {
        if (initialTier == Tier.DELETED) {
            throw new IllegalArgumentException("an item cannot be tracked as DELETED: " + key);
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("size of " + key + " must be >= 0 but was " + sizeBytes);
        }
        int h = items.add(kind, key, externalId, sizeBytes, lastAccessMs, melodyRun, initialTier);
        if (initialTier == Tier.COLD) {
            archiveUsed += sizeBytes;
        } else {
            localUsed += sizeBytes;
        }
        return h;
    }

    @Override
    public void touch(int handle) {
        items.check(handle);
        items.lastAccess[handle] = clock.time();
    }

    @Override
    public void touchAt(int handle, long accessMs) {
        items.check(handle);
        items.lastAccess[handle] = Math.max(items.lastAccess[handle], accessMs);
    }

    @Override
    public void trainingValue(int handle, float value) {
        items.check(handle);
        if (!(value >= 0f && value <= 1f)) {
            throw new IllegalArgumentException("training value must be in [0, 1] but was " + value);
        }
        items.trainingValue[handle] = value;
    }

    @Override
    public void addReference(int handle) {
        items.check(handle);
        items.references[handle]++;
    }

    @Override
    public void removeReference(int handle) {
        items.check(handle);
        if (items.references[handle] == 0) {
            throw new IllegalStateException("item " + items.key[handle] + " has no reference to remove");
        }
        items.references[handle]--;
    }

    @Override
    public void referenceCount(int handle, int count) {
        items.check(handle);
        if (count < 0) {
            throw new IllegalArgumentException("reference count must be >= 0 but was " + count);
        }
        items.references[handle] = count;
    }

    @Override
    public void runStarted(String melodyRun) {
        items.runActive[items.runId(melodyRun)] = true;
    }

    @Override
    public void runFinished(String melodyRun) {
        items.runActive[items.runId(melodyRun)] = false;
    }

    @Override
    public Tier tier(int handle) {
        if (handle < 0 || handle >= items.used) {
            throw new IllegalArgumentException("no tracked item with handle " + handle);
        }
        return items.key[handle] == null ? Tier.DELETED : Tier.of(items.tier[handle]);
    }

    @Override
    public int reclaimStep() {
        int n = items.used;
        if (n == 0) {
            return 0;
        }
        int h = hand;
        if (++hand >= n) {
            hand = 0;
            sweepCompleted();
        }
        int tier = items.tier[h];
        if (tier == DELETED || items.inFlight[h] || items.runActive[items.run[h]]) {
            return 0; // items of unfinished runs stay where they are
        }
        long now = clock.time();
        long age = (long) ((now - items.lastAccess[h]) / (1f + boost * items.trainingValue[h]));
        if (tier == HOT) {
            return age >= hotWindowMs ? decide(h, HOT, WARM) : 0;
        }
        if (tier == WARM) {
            if (age >= (localUsed > localBudget ? localThresholdMs : localRetentionMs)) {
                return decide(h, WARM, COLD);
            }
            maxWarmAge = Math.max(maxWarmAge, age);
            return 0;
        }
        if (items.references[h] != 0) {
            return 0;
        }
        if (age >= (archiveUsed > archiveBudget ? coldThresholdMs : coldRetentionMs)) {
            return decide(h, COLD, DELETED);
        }
        maxColdAge = Math.max(maxColdAge, age);
        return 0;
    }

    private int decide(int h, int from, int to) {
        items.tier[h] = (byte) to;
        items.inFlight[h] = true;
        account(h, from, to);
        decided.offerLong(((long) h << 8) | ((long) from << 4) | to);
        decidedThisSweep++;
        return 1;
    }

    private void account(int h, int from, int to) {
        long bytes = items.size[h];
        if (from == WARM && to == COLD) {
            localUsed -= bytes;
            archiveUsed += bytes;
        } else if (from == COLD && to == DELETED) {
            archiveUsed -= bytes;
        } else if (from == COLD && to == WARM) {
            archiveUsed -= bytes;
            localUsed += bytes;
        } else if (from == DELETED && to == COLD) {
            archiveUsed += bytes;
        }
    }

    /**
     * Under pressure the next sweep's threshold is 7/8 of the oldest candidate still in place (and never
     * above the current one): each sweep takes the oldest band of what is left, so the oldest and least
     * valuable go first without sorting, and a sweep that cannot help stops the sweeping.
     */
    private void sweepCompleted() {
        boolean localPressure = localUsed > localBudget;
        boolean archivePressure = archiveUsed > archiveBudget;
        localThresholdMs = localPressure
                ? Math.max(hotWindowMs, Math.min(localThresholdMs, maxWarmAge) / 8 * 7) : localRetentionMs;
        coldThresholdMs = archivePressure
                ? Math.max(hotWindowMs, Math.min(coldThresholdMs, maxColdAge) / 8 * 7) : coldRetentionMs;
        boolean canHelp = (localPressure && maxWarmAge >= hotWindowMs) || (archivePressure && maxColdAge >= hotWindowMs);
        sweeping = (localPressure || archivePressure) && (decidedThisSweep > 0 || canHelp);
        decidedThisSweep = 0;
        maxWarmAge = 0;
        maxColdAge = 0;
        if (!sweeping) {
            nextSweepAtMs = clock.time() + sweepIntervalMs;
        }
    }

    @Override
    public int executePending(int max) {
        int done = 0;
        for (int i = 0; i < max && !decided.isEmpty(); i++) {
            long move = decided.pollLong();
            int h = (int) (move >>> 8);
            int from = (int) (move >>> 4) & 0xF;
            int to = (int) move & 0xF;
            boolean ok;
            try {
                ok = mover.move(h, ItemKind.of(items.kind[h]), items.key[h], items.externalId[h], Tier.of(from), Tier.of(to));
            } catch (RuntimeException e) {
                ok = false;
            }
            items.inFlight[h] = false;
            if (ok) {
                done++;
                if (to == DELETED) {
                    items.release(h);
                }
            } else {
                failedMoves++;
                items.tier[h] = (byte) from;
                account(h, to, from);
            }
        }
        return done;
    }

    @Override
    public int doWork() {
        int work = 0;
        if (!sweeping && (clock.time() >= nextSweepAtMs || localUsed > localBudget || archiveUsed > archiveBudget)) {
            sweeping = true;
        }
        for (int i = 0; i < stepsPerWork && sweeping; i++) {
            reclaimStep();
            work++;
        }
        return work + executePending(stepsPerWork);
    }

    @Override
    public long localBytes() {
        return localUsed;
    }

    @Override
    public long archiveBytes() {
        return archiveUsed;
    }

    @Override
    public int trackedItems() {
        return items.live;
    }

    /** Moves the mover refused or failed (retried on later sweeps). */
    public long failedMoves() {
        return failedMoves;
    }
}
