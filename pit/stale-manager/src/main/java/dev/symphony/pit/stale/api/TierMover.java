package dev.symphony.pit.stale.api;

/**
 * Performs a tier move decided by the stale manager (the I/O: archive a file, purge an artifact). Called
 * from {@link StaleManager#doWork()} on the stale manager's thread, never from the decision step. Returns
 * false if the move failed; the item then returns to its previous tier and is retried on a later sweep.
 * Arguments are primitives and existing references so that a no-op mover allocates nothing.
 */
@FunctionalInterface
public interface TierMover {
    boolean move(int handle, ItemKind kind, String key, long externalId, Tier from, Tier to);
}
