/**
 * What the Conductor may use of the arbitration engine: an {@link dev.symphony.pit.arbitration.api.Arbiter}
 * that decides who gets a contended resource, the reusable {@link dev.symphony.pit.arbitration.api.Contention}
 * it decides on, and the {@link dev.symphony.pit.arbitration.api.DecisionLog} of every decision's rationale.
 */
package dev.symphony.pit.arbitration.api;
