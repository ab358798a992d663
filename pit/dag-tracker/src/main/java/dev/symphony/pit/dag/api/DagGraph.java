package dev.symphony.pit.dag.api;

/**
 * An immutable, validated (acyclic) workflow graph, built by {@link GraphBuilder}. Nodes and edges are dense
 * ids {@code 0..count-1}; one graph may back any number of {@link DagTracker}s (one per Melody run).
 */
public interface DagGraph {
    /** Edge branch of an unconditional edge. */
    int UNCONDITIONAL = -1;

    int nodeCount();

    int edgeCount();

    String name(int node);

    /** The id of the node called {@code name}, or -1. */
    int nodeId(String name);

    long expectedDurationNanos(int node);

    /** A required node (a goal of the workflow) must not be skipped by a recovery. */
    boolean isRequired(int node);

    int edgeSource(int edge);

    int edgeTarget(int edge);

    EdgeKind edgeKind(int edge);

    /** The branch label of a conditional edge ({@link #UNCONDITIONAL} otherwise). */
    int edgeBranch(int edge);

    /** True when the source's output can be regenerated from the target's (reverse reconstruction). */
    boolean edgeReconstructs(int edge);

    int outDegree(int node);

    /** The {@code i}-th outgoing edge id of {@code node}. */
    int outEdge(int node, int i);

    int inDegree(int node);

    int inEdge(int node, int i);

    /** The {@code i}-th node in a topological order. */
    int topologicalOrder(int i);
}
