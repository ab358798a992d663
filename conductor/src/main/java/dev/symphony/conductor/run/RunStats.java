package dev.symphony.conductor.run;

/**
 * Per-run state shared with nested executions (thread-safe): the run's account in the process's pool-manager
 * model slots (which also keep every Instrument's call statistics across runs), the training-data recorder.
 */
final class RunStats {
    final ModelSlots slots;
    /** This run's account in the pool manager (nested loops and sub-Melodies share it). */
    final long account;
    final RunRecorder recorder = new RunRecorder();
    /** What this run expects of each provider, from the pool's statistics or the manifest. */
    final Estimates estimates;

    RunStats(ModelSlots slots) {
        this.slots = slots;
        this.account = slots.newRun();
        this.estimates = new Estimates(slots);
    }
}
