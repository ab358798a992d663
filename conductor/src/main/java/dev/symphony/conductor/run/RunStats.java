package dev.symphony.conductor.run;

import dev.symphony.conductor.melody.CapabilitySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-run state shared with nested executions (thread-safe): call outcomes per provider, the run's account in
 * the process's pool-manager model slots, the training-data recorder.
 */
final class RunStats {
    private final Map<String, int[]> outcomes = new ConcurrentHashMap<>();
    private final Map<String, int[]> tokens = new ConcurrentHashMap<>();
    final ModelSlots slots;
    /** This run's account in the pool manager (nested loops and sub-Melodies share it). */
    final long account;
    final RunRecorder recorder = new RunRecorder();

    RunStats(ModelSlots slots) {
        this.slots = slots;
        this.account = slots.newRun();
    }

    void recordOutcome(CapabilitySpec spec, boolean ok) {
        int[] o = outcomes.computeIfAbsent(spec.key(), k -> new int[2]);
        synchronized (o) {
            o[0]++;
            if (!ok) {
                o[1]++;
            }
        }
    }

    /** The most tokens a call of {@code spec} produced in this run (0 before the first). */
    long maxTokens(CapabilitySpec spec) {
        int[] t = tokens.get(spec.key());
        return t == null ? 0 : t[0];
    }

    void recordTokens(CapabilitySpec spec, long used) {
        int[] t = tokens.computeIfAbsent(spec.key(), k -> new int[1]);
        synchronized (t) {
            t[0] = (int) Math.max(t[0], Math.min(Integer.MAX_VALUE, used));
        }
    }

    /** Observed failure rate with a weak prior (1 failure in 10 attempts), so one failure is not "always fails". */
    double failureRate(CapabilitySpec spec) {
        int[] o = outcomes.get(spec.key());
        if (o == null) {
            return 0.1;
        }
        synchronized (o) {
            return (o[1] + 1.0) / (o[0] + 10.0);
        }
    }
}
