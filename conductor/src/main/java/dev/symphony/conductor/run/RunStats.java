package dev.symphony.conductor.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-run state shared with nested executions: call outcomes per provider, the pool-manager model slots, the
 * training-data recorder.
 */
final class RunStats {
    final Map<String, int[]> outcomes = new ConcurrentHashMap<>();
    final ModelSlots slots = new ModelSlots();
    final RunRecorder recorder = new RunRecorder();
}
