package dev.symphony.conductor.fqg.simulator;

/** Receives the wall-clock time of each policy decision (score + choose), in nanoseconds. */
@FunctionalInterface
public interface LatencySink {
    void record(long nanos);
}
