package dev.symphony.pit.dag.api;

import dev.symphony.pit.dag.internal.CsrGraph;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.Object2IntHashMap;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects nodes and edges, then {@link #build()} validates them (unknown nodes, duplicate edges, misuse of
 * branches, cycles named by {@link CycleException}) and freezes them into a {@link DagGraph}.
 */
public final class GraphBuilder {
    private final List<String> names = new ArrayList<>();
    private final Object2IntHashMap<String> ids = new Object2IntHashMap<>(-1);
    private final List<Long> durations = new ArrayList<>();
    private final List<Boolean> required = new ArrayList<>();
    private final IntArrayList sources = new IntArrayList();
    private final IntArrayList targets = new IntArrayList();
    private final IntArrayList kinds = new IntArrayList();
    private final IntArrayList branches = new IntArrayList();
    private final List<Boolean> reconstructs = new ArrayList<>();

    /** Adds a node; returns its id. */
    public int node(final String name, final long expectedDurationNanos) {
        return node(name, expectedDurationNanos, false);
    }

    /** Adds a node; {@code required} marks a goal that a recovery may not skip. */
    public int node(final String name, final long expectedDurationNanos, final boolean isRequired) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("node name must not be blank");
        }
        if (ids.containsKey(name)) {
            throw new IllegalArgumentException("duplicate node '" + name + "'");
        }
        if (expectedDurationNanos < 0) {
            throw new IllegalArgumentException("node '" + name + "': expected duration must be >= 0");
        }
        final int id = names.size();
        names.add(name);
        ids.put(name, id);
        durations.add(expectedDurationNanos);
        required.add(isRequired);
        return id;
    }

    /** An unconditional dependency {@code from -> to}. */
    public GraphBuilder edge(final String from, final String to, final EdgeKind kind) {
        return edge(from, to, kind, DagGraph.UNCONDITIONAL, false);
    }

    /**
     * A conditional dependency: live only when {@code from} completes choosing {@code branch}
     * ({@link DagTracker#complete(int, int)}). HARD and SOFT edges only.
     */
    public GraphBuilder branch(final String from, final String to, final EdgeKind kind, final int branch) {
        if (branch < 0) {
            throw new IllegalArgumentException("edge " + from + " -> " + to + ": branch must be >= 0");
        }
        return edge(from, to, kind, branch, false);
    }

    /**
     * A HARD dependency whose source output can be regenerated from the target's output (reverse
     * reconstruction), e.g. a bundle step that embeds what it was built from.
     */
    public GraphBuilder reconstructible(final String from, final String to) {
        return edge(from, to, EdgeKind.HARD, DagGraph.UNCONDITIONAL, true);
    }

    private GraphBuilder edge(final String from, final String to, final EdgeKind kind, final int branch,
        final boolean canReconstruct) {
        final int s = id(from, from + " -> " + to);
        final int t = id(to, from + " -> " + to);
        if (kind == null) {
            throw new IllegalArgumentException("edge " + from + " -> " + to + ": kind must not be null");
        }
        if (branch != DagGraph.UNCONDITIONAL && (kind == EdgeKind.PARALLEL || kind == EdgeKind.OPTIONAL)) {
            throw new IllegalArgumentException("edge " + from + " -> " + to + ": only HARD and SOFT edges can be"
                + " conditional (a " + kind + " edge does not wait for the source's result)");
        }
        for (int e = 0; e < sources.size(); e++) {
            if (sources.getInt(e) == s && targets.getInt(e) == t) {
                throw new IllegalArgumentException("duplicate edge " + from + " -> " + to);
            }
        }
        sources.addInt(s);
        targets.addInt(t);
        kinds.addInt(kind.ordinal());
        branches.addInt(branch);
        reconstructs.add(canReconstruct);
        return this;
    }

    private int id(final String name, final String where) {
        final int id = ids.getValue(name);
        if (id < 0) {
            throw new IllegalArgumentException("edge " + where + ": unknown node '" + name + "'");
        }
        return id;
    }

    /** Validates and freezes the graph; throws {@link CycleException} naming a cycle if there is one. */
    public DagGraph build() {
        final int n = names.size();
        final long[] duration = new long[n];
        final boolean[] isRequired = new boolean[n];
        for (int i = 0; i < n; i++) {
            duration[i] = durations.get(i);
            isRequired[i] = required.get(i);
        }
        final int m = sources.size();
        final boolean[] rec = new boolean[m];
        for (int e = 0; e < m; e++) {
            rec[e] = reconstructs.get(e);
        }
        return CsrGraph.create(names.toArray(new String[0]), duration, isRequired, sources.toIntArray(),
            targets.toIntArray(), kinds.toIntArray(), branches.toIntArray(), rec);
    }
}
