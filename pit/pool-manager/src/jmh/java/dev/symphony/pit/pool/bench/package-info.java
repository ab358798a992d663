/** JMH benchmarks of the pool manager's hot path (run by {@code ./symphony bench pit}). */
package dev.symphony.pit.pool.bench;
