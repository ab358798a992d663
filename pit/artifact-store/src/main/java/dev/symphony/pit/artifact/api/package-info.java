/**
 * The artifact store's public surface: what other modules (the conductor, the stale manager) may use.
 * Entry point: {@link dev.symphony.pit.artifact.api.ArtifactStore#open(ArtifactStoreContext)}.
 * Interfaces, records and the {@link dev.symphony.pit.artifact.api.ArtifactStoreContext}; no internals.
 */
package dev.symphony.pit.artifact.api;
