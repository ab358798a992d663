/**
 * Ready-made {@link dev.symphony.pit.stale.api.TierMover}s: files (queue files, training data) moved into
 * an archive folder, and routing by item kind. The artifact store's mover is in
 * {@code dev.symphony.pit.stale.artifacts}.
 */
package dev.symphony.pit.stale.movers;
