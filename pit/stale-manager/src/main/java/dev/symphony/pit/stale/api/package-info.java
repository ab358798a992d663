/**
 * The stale manager's public surface: retention tiers (hot, warm, cold, deleted), policies, disk budgets,
 * and the {@link dev.symphony.pit.stale.api.TierMover} that performs the moves. Entry point:
 * {@link dev.symphony.pit.stale.api.StaleManager#create(StaleManagerContext)}.
 */
package dev.symphony.pit.stale.api;
