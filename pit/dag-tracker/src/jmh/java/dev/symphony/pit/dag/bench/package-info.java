/** JMH benchmarks of the DAG tracker's state updates (run by {@code ./symphony bench pit}). */
package dev.symphony.pit.dag.bench;
