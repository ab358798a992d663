/**
 * The arbitration engine's implementation: scoring and winner selection over preallocated arrays, per-resource
 * fairness ledgers, and the decision log ring in an off-heap buffer. Not for use outside this module.
 */
package dev.symphony.pit.arbitration.internal;
