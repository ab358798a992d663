/** JMH benchmarks of the bus: payload encodings (the measurement behind {@code PayloadCodec}'s choice). */
package dev.symphony.ipc.bench;
