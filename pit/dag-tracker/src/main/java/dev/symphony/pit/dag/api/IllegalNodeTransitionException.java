package dev.symphony.pit.dag.api;

/** A caller asked for a node state change the lifecycle does not allow (e.g. completing a node never started). */
public final class IllegalNodeTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public IllegalNodeTransitionException(final String node, final NodeState from, final String operation) {
        super("node '" + node + "': cannot " + operation + " from " + from);
    }
}
