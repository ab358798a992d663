/**
 * What the Conductor (and other Pit services) may use of the pool manager: the {@link
 * dev.symphony.pit.pool.api.PoolManager} agent, its {@link dev.symphony.pit.pool.api.PoolManagerContext},
 * the model and host state machines, and the records/enums that describe models, refusals and snapshots.
 */
package dev.symphony.pit.pool.api;
