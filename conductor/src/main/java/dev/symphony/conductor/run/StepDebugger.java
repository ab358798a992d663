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

    /** The node started: a step is used up. */
    synchronized void started(String node) {
        stepping.remove(node);
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
