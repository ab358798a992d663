/**
 * What the Conductor may use of the DAG tracker: build a {@link dev.symphony.pit.dag.api.DagGraph} with
 * {@link dev.symphony.pit.dag.api.GraphBuilder}, track a run of it with a {@link dev.symphony.pit.dag.api.DagTracker},
 * and ask it for the ready set, the critical path and recovery plans.
 */
package dev.symphony.pit.dag.api;
