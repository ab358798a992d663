package dev.symphony.pit.pool.api;

/**
 * The pool's way of asking an extension host to load or unload a model. Implementations must not block: they
 * queue the request (e.g. onto the IPC bus) and the host's answer comes back later through
 * {@link PoolManager#onModelLoaded(int)} or {@link PoolManager#onModelLoadFailed(int)}.
 */
public interface ModelLoader {
    /** Ask the host to bring the model into memory. {@code predictive} is true for a pre-load nobody asked for yet. */
    void load(int modelId, ModelSpec spec, boolean predictive);

    /** Ask the host to drop the model (eviction or end of cooldown). */
    void unload(int modelId, ModelSpec spec);
}
