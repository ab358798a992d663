package dev.symphony.pit.dag.internal;

import dev.symphony.pit.dag.api.CriticalPath;
import dev.symphony.pit.dag.api.EdgeKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.symphony.pit.dag.internal.EdgeRules.DEAD;
import static dev.symphony.pit.dag.internal.EdgeRules.DONE_S;
import static dev.symphony.pit.dag.internal.EdgeRules.RUNNING_S;
import static dev.symphony.pit.dag.internal.EdgeRules.SKIPPED_S;

/**
 * Longest path of remaining work in topological order, O(V + E). A node starts when its gating dependencies
 * allow: after a HARD/SOFT source finishes, as soon as a PARALLEL source starts; dead and OPTIONAL edges do
 * not constrain. Remaining work is 0 for DONE/SKIPPED nodes, the expected duration minus elapsed time for
 * RUNNING ones (never below 0), and the full expected duration otherwise (a FAILED node must run again).
 */
final class CriticalPathFinder {
    private static final int PARALLEL = EdgeKind.PARALLEL.ordinal();
    private static final int OPTIONAL = EdgeKind.OPTIONAL.ordinal();

    private CriticalPathFinder() {
    }

    static CriticalPath find(final IncrementalTracker t) {
        final CsrGraph g = t.g;
        final int n = g.nodeCount();
        final long[] startAt = new long[n];
        final long[] finishAt = new long[n];
        final int[] via = new int[n];
        final long now = t.clock.nanoTime();
        int last = -1;
        for (int i = 0; i < n; i++) {
            final int v = g.topo[i];
            long start = 0;
            int pred = -1;
            for (int k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
                final int e = g.in[k];
                if (g.kind[e] == OPTIONAL || t.edgeStatus[e] == DEAD) {
                    continue;
                }
                final int s = g.source[e];
                final long constraint = g.kind[e] == PARALLEL ? startAt[s] : finishAt[s];
                if (pred < 0 || constraint > start) {
                    start = constraint;
                    pred = s;
                }
            }
            startAt[v] = start;
            finishAt[v] = start + remaining(t, v, now);
            via[v] = pred;
            if (last < 0 || finishAt[v] > finishAt[last]) {
                last = v;
            }
        }
        final List<Integer> nodes = new ArrayList<>();
        for (int v = last; v >= 0; v = via[v]) {
            if (t.state[v] != DONE_S && t.state[v] != SKIPPED_S) {
                nodes.add(v);
            }
        }
        Collections.reverse(nodes);
        final List<String> names = new ArrayList<>(nodes.size());
        for (final int v : nodes) {
            names.add(g.names[v]);
        }
        return new CriticalPath(List.copyOf(nodes), List.copyOf(names), last < 0 ? 0 : finishAt[last]);
    }

    private static long remaining(final IncrementalTracker t, final int v, final long now) {
        final byte s = t.state[v];
        if (s == DONE_S || s == SKIPPED_S) {
            return 0;
        }
        final long expected = t.g.duration[v];
        if (s == RUNNING_S) {
            return Math.max(0, expected - (now - t.startedAt[v]));
        }
        return expected;
    }
}
