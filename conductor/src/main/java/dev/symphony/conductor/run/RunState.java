package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * What one run graph (a run, a loop iteration, a sub-Melody) knows of itself, owned by the thread that
 * executes it: the outputs and artifacts of finished steps in order of completion, the calls running on
 * workers, withdrawn and halted steps, the questions waiting for a person, and how the run ends (failure,
 * cancellation). Every change goes through a named operation, and a change from any other thread is refused
 * ({@link IllegalStateException}): workers return outcomes, the owner applies them. The DAG tracker (which
 * steps are ready, done, skipped) is the run's other owned object.
 */
final class RunState {
    private final Thread owner = Thread.currentThread();
    private final Map<String, JsonNode> outputs = new HashMap<>();
    private final Map<String, Long> artifactIds = new HashMap<>();
    private final ObjectNode runOutputs = JsonNodeFactory.instance.objectNode();
    private final List<Integer> finishedOrder = new ArrayList<>();
    private final Map<Integer, Future<?>> running = new HashMap<>();
    private final Set<Integer> withdrawn = new HashSet<>();
    private int[] attempts = new int[16];
    /** Halts so far per step (never reset: each halt is a new question, NODE.haltN) and the unanswered ones. */
    private final Map<Integer, Integer> halts = new HashMap<>();
    private final Set<Integer> halted = new HashSet<>();
    private final Set<String> waiting = new LinkedHashSet<>();
    private String failure;
    private boolean cancelled;

    private void owned() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a run's state changes only on its own thread (" + owner.getName()
                    + "), not on " + Thread.currentThread().getName());
        }
    }

    // ---- outputs ----

    /**
     * Step {@code s} finished (or was restored from the journal): its output under the node's id and the step's
     * name, its artifact, and — for an output node — the run's output {@code outputNode}.
     */
    void finished(int s, String nodeId, String stepName, JsonNode output, long artifactId, boolean outputNode) {
        owned();
        replaced(nodeId, stepName, output, artifactId);
        if (outputNode) {
            runOutputs.set(nodeId, output);
        }
        finishedOrder.add(s);
    }

    /** A finished step's output was stored again (reverse reconstruction): same output, new artifact. */
    void replaced(String nodeId, String stepName, JsonNode output, long artifactId) {
        owned();
        outputs.put(nodeId, output);
        outputs.put(stepName, output);
        artifactIds.put(stepName, artifactId);
    }

    /** A person changed finished outputs in the step debugger. */
    void edited(Map<String, JsonNode> edits) {
        owned();
        outputs.putAll(edits);
    }

    /** The output of a node id or step name, if it finished. */
    Optional<JsonNode> output(String name) {
        return Optional.ofNullable(outputs.get(name));
    }

    /** The outputs so far, frozen. */
    Map<String, JsonNode> outputs() {
        return Map.copyOf(outputs);
    }

    /** The artifact holding a finished step's output (by step name), or null. */
    Long artifactId(String stepName) {
        return artifactIds.get(stepName);
    }

    /** The finished steps, first finished first. */
    List<Integer> finishedOrder() {
        return List.copyOf(finishedOrder);
    }

    ObjectNode runOutputs() {
        return runOutputs.deepCopy();
    }

    // ---- running calls and withdrawals ----

    void started(int s, Future<?> call) {
        owned();
        running.put(s, call);
        if (s >= attempts.length) {
            attempts = java.util.Arrays.copyOf(attempts, Math.max(s + 1, attempts.length * 2));
        }
        attempts[s]++;
    }

    /** Times step {@code s} started in this run (ready again, each ended without finishing: failed, withdrawn, reset). */
    int attempts(int s) {
        return s < attempts.length ? attempts[s] : 0;
    }

    /** A call's outcome arrived; returns false if the step had been withdrawn meanwhile (its result is not used). */
    boolean ended(int s) {
        owned();
        running.remove(s);
        return !withdrawn.contains(s) && !cancelled;
    }

    boolean isRunning(int s) {
        return running.containsKey(s);
    }

    int runningCount() {
        return running.size();
    }

    /** Interrupts every running call and withdraws its step; returns those steps. */
    List<Integer> interruptAll() {
        owned();
        List<Integer> out = new ArrayList<>(running.keySet());
        out.sort(null);
        for (int s : out) {
            running.get(s).cancel(true);
            withdrawn.add(s);
        }
        running.clear();
        return out;
    }

    /** Withdraws step {@code s}, interrupting its call if it runs; returns true if it was running. */
    boolean withdraw(int s) {
        owned();
        withdrawn.add(s);
        Future<?> call = running.remove(s);
        if (call != null) {
            call.cancel(true);
        }
        return call != null;
    }

    boolean isWithdrawn(int s) {
        return withdrawn.contains(s);
    }

    // ---- halts and people ----

    /** Step {@code s} halted after a failure; returns how many times it has (the question is NODE.haltN). */
    int halt(int s) {
        owned();
        halted.add(s);
        return halts.merge(s, 1, Integer::sum);
    }

    /** From the journal: step {@code s} halted for the {@code count}-th time. */
    void restoreHalt(int s, int count) {
        owned();
        halts.put(s, count);
        halted.add(s);
    }

    boolean isHalted(int s) {
        return halted.contains(s);
    }

    int halts(int s) {
        return halts.getOrDefault(s, 0);
    }

    /** A person said to retry the halted step. */
    void resumeHalted(int s) {
        owned();
        halted.remove(s);
    }

    /** The run waits for a person to answer about {@code node}; false if it already did. */
    boolean awaitAnswer(String node) {
        owned();
        return waiting.add(node);
    }

    void answered(String node) {
        owned();
        waiting.remove(node);
    }

    List<String> waiting() {
        return List.copyOf(waiting);
    }

    // ---- how the run ends ----

    void fail(String message) {
        owned();
        failure = message;
    }

    String failure() {
        return failure;
    }

    boolean failed() {
        return failure != null;
    }

    void cancel() {
        owned();
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Neither failed nor cancelled. */
    boolean going() {
        return failure == null && !cancelled;
    }
}
