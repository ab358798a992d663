package dev.symphony.pit.dag.internal;

import dev.symphony.pit.dag.api.CycleException;
import dev.symphony.pit.dag.api.DagGraph;
import dev.symphony.pit.dag.api.EdgeKind;
import org.agrona.collections.Object2IntHashMap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The graph in compressed-sparse-row form: the outgoing (and incoming) edge ids of node {@code v} are
 * {@code out[outStart[v] .. outStart[v+1])}, so walking successors is a scan of one int array.
 */
public final class CsrGraph implements DagGraph {
    final String[] names;
    final long[] duration;
    final boolean[] required;
    final int[] source;
    final int[] target;
    final byte[] kind;
    final int[] branch;
    final boolean[] reconstructs;
    final int[] outStart;
    final int[] out;
    final int[] inStart;
    final int[] in;
    final int[] topo;
    private final Object2IntHashMap<String> ids = new Object2IntHashMap<>(-1);

    private CsrGraph(final String[] names, final long[] duration, final boolean[] required, final int[] source,
        final int[] target, final int[] kinds, final int[] branch, final boolean[] reconstructs) {
        this.names = names;
        this.duration = duration;
        this.required = required;
        this.source = source;
        this.target = target;
        this.branch = branch;
        this.reconstructs = reconstructs;
        kind = new byte[kinds.length];
        for (int e = 0; e < kinds.length; e++) {
            kind[e] = (byte)kinds[e];
        }
        for (int v = 0; v < names.length; v++) {
            ids.put(names[v], v);
        }
        final int n = names.length;
        outStart = new int[n + 1];
        inStart = new int[n + 1];
        out = index(source, outStart, n);
        in = index(target, inStart, n);
        topo = new int[n];
    }

    /** Builds the graph; throws {@link CycleException} naming a cycle. */
    public static CsrGraph create(final String[] names, final long[] duration, final boolean[] required,
        final int[] source, final int[] target, final int[] kinds, final int[] branch, final boolean[] reconstructs) {
        final CsrGraph graph = new CsrGraph(names, duration, required, source, target, kinds, branch, reconstructs);
        graph.sortTopologically();
        return graph;
    }

    private static int[] index(final int[] endpoint, final int[] start, final int n) {
        for (final int v : endpoint) {
            start[v + 1]++;
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        final int[] fill = start.clone();
        final int[] edges = new int[endpoint.length];
        for (int e = 0; e < endpoint.length; e++) {
            edges[fill[endpoint[e]]++] = e;
        }
        return edges;
    }

    /** Kahn's algorithm over every edge kind; leftovers mean a cycle, which is then named. */
    private void sortTopologically() {
        final int n = names.length;
        final int[] indegree = new int[n];
        for (final int t : target) {
            indegree[t]++;
        }
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (indegree[v] == 0) {
                topo[tail++] = v;
            }
        }
        while (head < tail) {
            final int v = topo[head++];
            for (int i = outStart[v]; i < outStart[v + 1]; i++) {
                final int t = target[out[i]];
                if (--indegree[t] == 0) {
                    topo[tail++] = t;
                }
            }
        }
        if (tail < n) {
            throw new CycleException(findCycle(indegree));
        }
    }

    /**
     * Every node left over by Kahn's algorithm has a predecessor that is also left over, so walking predecessors
     * from any of them must revisit a node: the walk between the two visits is a cycle (reversed).
     */
    private List<String> findCycle(final int[] indegree) {
        int v = 0;
        while (indegree[v] == 0) {
            v++;
        }
        final int[] seenAt = new int[names.length];
        java.util.Arrays.fill(seenAt, -1);
        final List<Integer> walk = new ArrayList<>();
        while (seenAt[v] < 0) {
            seenAt[v] = walk.size();
            walk.add(v);
            int pred = -1;
            for (int i = inStart[v]; i < inStart[v + 1] && pred < 0; i++) {
                final int s = source[in[i]];
                if (indegree[s] > 0) {
                    pred = s;
                }
            }
            v = pred;
        }
        final List<String> cycle = new ArrayList<>();
        for (int i = seenAt[v]; i < walk.size(); i++) {
            cycle.add(names[walk.get(i)]);
        }
        Collections.reverse(cycle);
        return cycle;
    }

    @Override
    public int nodeCount() {
        return names.length;
    }

    @Override
    public int edgeCount() {
        return source.length;
    }

    @Override
    public String name(final int node) {
        return names[node];
    }

    @Override
    public int nodeId(final String name) {
        return ids.getValue(name);
    }

    @Override
    public long expectedDurationNanos(final int node) {
        return duration[node];
    }

    @Override
    public boolean isRequired(final int node) {
        return required[node];
    }

    @Override
    public int edgeSource(final int edge) {
        return source[edge];
    }

    @Override
    public int edgeTarget(final int edge) {
        return target[edge];
    }

    @Override
    public EdgeKind edgeKind(final int edge) {
        return EdgeKind.fromOrdinal(kind[edge]);
    }

    @Override
    public int edgeBranch(final int edge) {
        return branch[edge];
    }

    @Override
    public boolean edgeReconstructs(final int edge) {
        return reconstructs[edge];
    }

    @Override
    public int outDegree(final int node) {
        return outStart[node + 1] - outStart[node];
    }

    @Override
    public int outEdge(final int node, final int i) {
        return out[outStart[node] + i];
    }

    @Override
    public int inDegree(final int node) {
        return inStart[node + 1] - inStart[node];
    }

    @Override
    public int inEdge(final int node, final int i) {
        return in[inStart[node] + i];
    }

    @Override
    public int topologicalOrder(final int i) {
        return topo[i];
    }
}
