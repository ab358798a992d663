/** JMH benchmarks of the artifact store (run by {@code ./symphony bench pit} with {@code -prof gc}). */
package dev.symphony.pit.artifact.bench;
