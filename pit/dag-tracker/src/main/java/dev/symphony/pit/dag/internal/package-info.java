/**
 * The DAG tracker's implementation: a compressed-sparse-row graph, per-edge status bytes and per-node counters
 * maintained incrementally, and an indexed ready set. Not for use outside this module.
 */
package dev.symphony.pit.dag.internal;
