package dev.symphony.conductor.fqg.simulator;

import dev.symphony.conductor.policy.Decision;

/** Observes an episode: decisions (for training and recording) and attempts (for invariant checks). */
public interface SimulationListener {
    SimulationListener NONE = new SimulationListener() { };

    /** A decision was made: {@code chosen} indexes the decision's candidates. Copy what you keep. */
    default void onDecision(Decision decision, int chosen) {
    }

    /** An attempt of {@code function} on Instrument {@code instrument} started at {@code time}. */
    default void onAttemptStarted(double time, int function, int instrument, int runningAfter) {
    }

    /** The attempt ended at {@code time}, producing {@code value} on success. */
    default void onAttemptFinished(double time, int function, int instrument, boolean success, long value) {
    }
}
