package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Step-through debugging of a run, per node: pause before chosen nodes (or all), inspect the input a held node
 * would get and the output of finished nodes, step one held node, continue. A held node holds only itself
 * and what depends on it; unrelated branches keep running. Thread-safe: the UI (or a test) drives it while
 * the run's thread asks {@link #mayStart} before activating each node.
 */
public final class StepDebugger {
    private final Set<String> breakpoints = new HashSet<>();
    private final Set<String> stepping = new HashSet<>();
    private final Map<String, JsonNode> held = new LinkedHashMap<>();
    private final Map<String, JsonNode> outputs = new LinkedHashMap<>();
    private final Map<String, JsonNode> inputEdits = new LinkedHashMap<>();
    private final Map<String, JsonNode> outputEdits = new LinkedHashMap<>();
    private boolean breakAll;

    /** Pause before every node (nested ones included). */
    public synchronized StepDebugger breakAll() {
        breakAll = true;
        return this;
    }

    /** Pause before these nodes (event names: {@code id}, {@code loop/2/child}). */
    public synchronized StepDebugger breakBefore(String... nodes) {
        breakpoints.addAll(Set.of(nodes));
        return this;
    }

    /** Lets one held node start once; with breakAll its successors pause again. */
    public synchronized void step(String node) {
        stepping.add(node);
        notifyAll();
    }

    /** Removes every breakpoint: held nodes start, nothing pauses any more. */
    public synchronized void continueAll() {
        breakAll = false;
        breakpoints.clear();
        notifyAll();
    }

    /** The nodes held now, with the input each would get (rendered from the outputs so far). */
    public synchronized Map<String, JsonNode> held() {
        return Map.copyOf(held);
    }

    /** The output of a finished node, or null. */
    public synchronized JsonNode output(String node) {
        return outputs.get(node);
    }

    /**
     * Replaces the input a held call node will get (instead of rendering its template). False, and nothing
     * changes, if the node is not held now.
     */
    public synchronized boolean editInput(String node, JsonNode input) {
        if (!held.containsKey(node)) {
            return false;
        }
        inputEdits.put(node, input);
        held.put(node, input);
        return true;
    }

    /**
     * Replaces a finished node's output for the nodes that have not started yet (the stored artifact keeps
     * what the node produced). False, and nothing changes, if the node has not finished.
     */
    public synchronized boolean editOutput(String node, JsonNode output) {
        if (!outputs.containsKey(node)) {
            return false;
        }
        outputs.put(node, output);
        outputEdits.put(node, output);
        notifyAll();
        return true;
    }

    /** Waits until {@code node} is held (for tests and scripted sessions); false on timeout. */
    public synchronized boolean awaitHeld(String node, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!held.containsKey(node)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    // ---- the run's side ----

    /** True if {@code node} may start now; otherwise it is (still) held with {@code input} for inspection. */
    synchronized boolean mayStart(String node, JsonNode input) {
        if (stepping.contains(node) || !(breakAll || breakpoints.contains(node))) {
            held.remove(node);
            return true;
        }
        if (!held.containsKey(node)) {
            held.put(node, input);
            notifyAll();
        }
        return false;
    }

    /** The node started: a step is used up. Returns the input a person set for it, or null. */
    synchronized JsonNode started(String node) {
        stepping.remove(node);
        return inputEdits.remove(node);
    }

    /** Output edits for the nodes of the run whose event names start with {@code prefix} (each taken once), by node id. */
    synchronized Map<String, JsonNode> takeOutputEdits(String prefix) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        outputEdits.entrySet().removeIf(e -> {
            String rest = e.getKey().startsWith(prefix) ? e.getKey().substring(prefix.length()) : null;
            if (rest == null || rest.contains("/")) {
                return false;
            }
            out.put(rest, e.getValue());
            return true;
        });
        return out;
    }

    synchronized boolean isHeld(String node) {
        return held.containsKey(node);
    }

    synchronized void finished(String node, JsonNode output) {
        outputs.put(node, output);
        notifyAll();
    }

    /** The run's thread waits here when only held nodes are left (a step or continue wakes it). */
    synchronized void awaitChange(long ms) throws InterruptedException {
        wait(ms);
    }
}
