/** JMH benchmarks of arbitration decisions (run by {@code ./symphony bench pit}). */
package dev.symphony.pit.arbitration.bench;
