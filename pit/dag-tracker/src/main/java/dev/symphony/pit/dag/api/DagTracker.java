package dev.symphony.pit.dag.api;

import dev.symphony.pit.dag.internal.IncrementalTracker;

import java.util.function.IntConsumer;

/**
 * The state of one run of a {@link DagGraph}. Every state change updates only the edges and nodes it affects
 * (the changed node's outgoing edges, and transitively nodes that become skipped), and keeps the ready set so
 * that the caller never searches for work. State changes and ready-set reads allocate nothing.
 * Single-threaded: call from the Conductor's thread.
 */
public interface DagTracker {

    static DagTracker create(final DagGraph graph, final DagTrackerContext context) {
        return new IncrementalTracker(graph, context.conclude());
    }

    DagGraph graph();

    NodeState state(int node);

    /** READY -> RUNNING. */
    void start(int node);

    /** RUNNING -> DONE; every conditional edge of the node counts as not taken. */
    void complete(int node);

    /** RUNNING -> DONE choosing {@code branch}: conditional edges labelled otherwise become dead. */
    void complete(int node, int branch);

    /** RUNNING -> FAILED. */
    void fail(int node);

    /** PENDING or READY -> SKIPPED (a graceful skip), cascading to nodes left with only dead dependencies. */
    void skip(int node);

    /** DONE, FAILED or SKIPPED -> PENDING, to run again (then READY at once if its dependencies allow). */
    void reset(int node);

    /** Puts every node back to PENDING and recomputes the ready set (a fresh run of the same graph). */
    void resetAll();

    int readyCount();

    /** The {@code i}-th ready node ({@code 0 <= i < readyCount()}); order is unspecified. */
    int readyAt(int i);

    boolean isReady(int node);

    void forEachReady(IntConsumer consumer);

    /** Number of nodes currently in {@code state}. */
    int count(NodeState state);

    /** True when no node is PENDING, READY or RUNNING. */
    boolean isFinished();

    /** The longest chain of remaining work by expected durations (allocates; off the hot path). */
    CriticalPath criticalPath();

    /** What to do about a FAILED node (allocates; off the hot path). */
    RecoveryPlan planRecovery(int failedNode);

    /**
     * The recovery planner's reverse-reconstruction chain for a node whose output is missing though it ran
     * (purged, lost): {@code node}, the intermediate nodes, and last the nearest node along {@code reconstructs}
     * edges whose output is {@code available} (the caller knows: an artifact store, a journal); empty if none.
     * {@link #planRecovery} uses the same search with "DONE" as available. Allocates; off the hot path.
     */
    java.util.List<Integer> reconstructionChain(int node, java.util.function.IntPredicate available);
}
