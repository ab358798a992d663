package dev.symphony.pit.dag.api;

import java.util.List;

/** The graph has a cycle; the message names it, e.g. {@code cycle: lint -> test -> fix -> lint}. */
public final class CycleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> cycle;

    public CycleException(final List<String> cycle) {
        super("workflow graph has a cycle: " + String.join(" -> ", cycle) + " -> " + cycle.get(0)
            + " (remove or redirect one of these dependencies)");
        this.cycle = List.copyOf(cycle);
    }

    /** The nodes on the cycle, in edge order (the first follows the last). */
    public List<String> cycle() {
        return cycle;
    }
}
