/**
 * The Melody executor. {@link dev.symphony.conductor.run.Conductor} starts or resumes a run;
 * {@link dev.symphony.conductor.run.MelodyRun} drives it over the DAG tracker on one thread (the only one
 * touching the tracker), running capability calls on worker threads up to the Melody's concurrency limit,
 * in the order the {@link dev.symphony.conductor.policy.SchedulingPolicy} scores them. Every input,
 * intermediate and output goes to the artifact store with provenance; every step is an event
 * ({@code melody-event.schema.json}), written as JSON lines to the caller and to the run's journal, from
 * which an interrupted or paused run resumes without redoing finished nodes. conductor/docs/executor.md
 * describes the semantics.
 */
package dev.symphony.conductor.run;
