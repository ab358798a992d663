package dev.symphony.pit.pool.api;

/**
 * Events the pool reports to its owner (the Conductor). Called on the pool's thread; implementations must not
 * block. Every method has a no-op default.
 */
public interface PoolListener {
    /** A no-op listener. */
    PoolListener NO_OP = new PoolListener() {
    };

    /** A slot granted for a model that was still loading can now be used. */
    default void onSlotReady(final int slot, final long taskId, final int modelId) {
    }

    /** A slot was taken back because its model failed (load failure, error rate, dead host). */
    default void onSlotRevoked(final int slot, final long taskId, final int modelId) {
    }

    /** A model moved from one lifecycle state to another. */
    default void onModelState(final int modelId, final ModelState from, final ModelState to) {
    }
}
