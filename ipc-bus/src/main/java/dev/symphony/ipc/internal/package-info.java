/**
 * How the bus is built: the Chronicle queue pair of a channel (with its retention) and the doorbell
 * that wakes a peer which has backed off to sleeping. Not for use outside ipc-bus.
 */
package dev.symphony.ipc.internal;
