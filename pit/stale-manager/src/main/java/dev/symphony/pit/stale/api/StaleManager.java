package dev.symphony.pit.stale.api;

import org.agrona.concurrent.Agent;

import dev.symphony.pit.stale.internal.DefaultStaleManager;

/**
 * Retention and tiering of artifacts, queue files and training data. Callers {@link #track} items and
 * report accesses, training value, references and runs; the manager sweeps the items with a clock hand,
 * one candidate per {@link #reclaimStep()}, decides tier moves against the {@link RetentionPolicy} and the
 * {@link DiskBudget}, and hands them to the {@link TierMover} in {@link #doWork()}.
 *
 * <p>Invariants: nothing with a reference count above zero and nothing of an unfinished run is deleted;
 * items of an unfinished run stay HOT. Single-threaded (an Agrona agent; tests drive it directly).
 */
public interface StaleManager extends Agent {

    static StaleManager create(StaleManagerContext context) {
        return new DefaultStaleManager(context.conclude());
    }

    /**
     * Starts tracking an item; returns its handle. {@code key} identifies it for the mover (a path, an
     * artifact name); {@code externalId} likewise (an artifact id, or 0). Handles of deleted items are reused.
     */
    int track(ItemKind kind, String key, long externalId, long sizeBytes, long lastAccessMs, String melodyRun,
              Tier initialTier);

    /** Records an access now: the item's age restarts (a COLD item is not brought back by this; re-track it). */
    void touch(int handle);

    /** Records an access reported by the item's owner (keeps the later of the known and given times). */
    void touchAt(int handle, long accessMs);

    /** How useful the item is for training the conductor's policy, in [0, 1]; stretches its retention. */
    void trainingValue(int handle, float value);

    /** Another live item refers to this one (e.g. derived-from); referenced items are never deleted. */
    void addReference(int handle);

    void removeReference(int handle);

    /** Sets the number of live referrers at once (what an adapter computes from relationships). */
    void referenceCount(int handle, int count);

    void runStarted(String melodyRun);

    void runFinished(String melodyRun);

    Tier tier(int handle);

    /** Examines the next candidate and, when a move is due, decides it (no I/O); returns 1 if it did. */
    int reclaimStep();

    /** Runs up to {@code max} decided moves through the {@link TierMover}; returns how many succeeded. */
    int executePending(int max);

    /** Bytes of tracked items in HOT and WARM (including decided moves not yet executed). */
    long localBytes();

    long archiveBytes();

    int trackedItems();

    /** Sweeps when due (or while a budget is exceeded) and executes decided moves. */
    @Override
    int doWork();

    @Override
    default String roleName() {
        return "stale-manager";
    }
}
