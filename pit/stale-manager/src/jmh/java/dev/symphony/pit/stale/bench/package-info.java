/** JMH benchmarks of the stale manager (run by {@code ./symphony bench pit} with {@code -prof gc}). */
package dev.symphony.pit.stale.bench;
