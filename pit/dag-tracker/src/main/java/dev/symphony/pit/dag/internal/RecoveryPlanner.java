package dev.symphony.pit.dag.internal;

import dev.symphony.pit.dag.api.EdgeKind;
import dev.symphony.pit.dag.api.RecoveryPlan;
import org.agrona.collections.IntArrayQueue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static dev.symphony.pit.dag.internal.EdgeRules.DEAD;
import static dev.symphony.pit.dag.internal.EdgeRules.DONE_S;
import static dev.symphony.pit.dag.internal.EdgeRules.FAILED_S;
import static dev.symphony.pit.dag.internal.EdgeRules.PENDING_S;
import static dev.symphony.pit.dag.internal.EdgeRules.READY_S;
import static dev.symphony.pit.dag.internal.EdgeRules.RUNNING_S;

/** Builds a {@link RecoveryPlan} for a FAILED node by walking the graph around it (O(V + E) at worst). */
final class RecoveryPlanner {
    private static final int HARD = EdgeKind.HARD.ordinal();
    private static final int SOFT = EdgeKind.SOFT.ordinal();
    private static final int PARALLEL = EdgeKind.PARALLEL.ordinal();
    private static final int OPTIONAL = EdgeKind.OPTIONAL.ordinal();

    private RecoveryPlanner() {
    }

    static RecoveryPlan plan(final IncrementalTracker t, final int failed) {
        if (failed < 0 || failed >= t.g.nodeCount()) {
            throw new IllegalArgumentException("unknown node id " + failed);
        }
        if (t.state[failed] != FAILED_S) {
            throw new IllegalArgumentException("node '" + t.g.names[failed] + "' is " + t.state(failed)
                + ", not FAILED: there is nothing to recover");
        }
        final List<Integer> chain = reconstructionChain(t, failed, v -> t.state[v] == DONE_S);
        final boolean reconstructible = !chain.isEmpty();
        final List<Integer> skipCascade = skipCascade(t, failed);
        boolean canSkip = true;
        for (final int v : skipCascade) {
            canSkip &= !t.g.required[v];
        }
        return new RecoveryPlan(failed, reconstructible, chain,
            reconstructible ? List.of() : List.of(failed), blocked(t, failed), degraded(t, failed),
            skipCascade, canSkip);
    }

    /**
     * Reverse reconstruction ("Missing A <- generate from B <- C"): breadth-first along {@code reconstructs}
     * edges to the nearest node whose output is {@code available} (for a failure: DONE); its output regenerates
     * each node on the way back to the first one.
     */
    static List<Integer> reconstructionChain(final IncrementalTracker t, final int failed,
        final java.util.function.IntPredicate available) {
        final CsrGraph g = t.g;
        final int[] previous = new int[g.nodeCount()];
        Arrays.fill(previous, -2);
        previous[failed] = -1;
        final IntArrayQueue queue = new IntArrayQueue();
        queue.addInt(failed);
        while (!queue.isEmpty()) {
            final int u = queue.pollInt();
            for (int i = g.outStart[u]; i < g.outStart[u + 1]; i++) {
                final int e = g.out[i];
                final int w = g.target[e];
                if (!g.reconstructs[e] || previous[w] != -2) {
                    continue;
                }
                previous[w] = u;
                if (available.test(w)) {
                    final List<Integer> chain = new ArrayList<>();
                    for (int v = w; v >= 0; v = previous[v]) {
                        chain.add(v);
                    }
                    Collections.reverse(chain);
                    return List.copyOf(chain);
                }
                queue.addInt(w);
            }
        }
        return List.of();
    }

    /** Not-yet-run nodes held up by the failure: first hop HARD/PARALLEL, then through any gating edge. */
    private static List<Integer> blocked(final IncrementalTracker t, final int failed) {
        final CsrGraph g = t.g;
        final boolean[] seen = new boolean[g.nodeCount()];
        final List<Integer> result = new ArrayList<>();
        final IntArrayQueue queue = new IntArrayQueue();
        queue.addInt(failed);
        while (!queue.isEmpty()) {
            final int u = queue.pollInt();
            for (int i = g.outStart[u]; i < g.outStart[u + 1]; i++) {
                final int e = g.out[i];
                final int k = g.kind[e];
                final int w = g.target[e];
                final boolean holds = u == failed ? k == HARD || k == PARALLEL : k != OPTIONAL;
                if (holds && !seen[w] && (t.state[w] == PENDING_S || t.state[w] == READY_S)
                    && t.edgeStatus[e] != DEAD) {
                    seen[w] = true;
                    result.add(w);
                    queue.addInt(w);
                }
            }
        }
        Collections.sort(result);
        return List.copyOf(result);
    }

    /** Nodes that ran (or run) without the failed node's output, and what they fed since. */
    private static List<Integer> degraded(final IncrementalTracker t, final int failed) {
        final CsrGraph g = t.g;
        final boolean[] seen = new boolean[g.nodeCount()];
        final List<Integer> result = new ArrayList<>();
        final IntArrayQueue queue = new IntArrayQueue();
        for (int i = g.outStart[failed]; i < g.outStart[failed + 1]; i++) {
            final int e = g.out[i];
            final int w = g.target[e];
            if ((g.kind[e] == SOFT || g.kind[e] == OPTIONAL) && ran(t, w) && !seen[w]) {
                seen[w] = true;
                result.add(w);
                queue.addInt(w);
            }
        }
        while (!queue.isEmpty()) {
            final int u = queue.pollInt();
            for (int i = g.outStart[u]; i < g.outStart[u + 1]; i++) {
                final int w = g.target[g.out[i]];
                if (ran(t, w) && !seen[w]) {
                    seen[w] = true;
                    result.add(w);
                    queue.addInt(w);
                }
            }
        }
        Collections.sort(result);
        return List.copyOf(result);
    }

    private static boolean ran(final IncrementalTracker t, final int v) {
        return t.state[v] == DONE_S || t.state[v] == RUNNING_S;
    }

    /**
     * What {@code skip(failed)} would skip, without changing anything: a not-yet-run node joins the cascade when
     * all its gating edges are dead now or come from the cascade.
     */
    private static List<Integer> skipCascade(final IncrementalTracker t, final int failed) {
        final CsrGraph g = t.g;
        final int[] extraDead = new int[g.nodeCount()];
        final boolean[] in = new boolean[g.nodeCount()];
        final List<Integer> result = new ArrayList<>();
        final IntArrayQueue queue = new IntArrayQueue();
        in[failed] = true;
        result.add(failed);
        queue.addInt(failed);
        while (!queue.isEmpty()) {
            final int u = queue.pollInt();
            for (int i = g.outStart[u]; i < g.outStart[u + 1]; i++) {
                final int e = g.out[i];
                final int w = g.target[e];
                if (g.kind[e] == OPTIONAL || in[w] || (t.state[w] != PENDING_S && t.state[w] != READY_S)) {
                    continue;
                }
                if (t.edgeStatus[e] != DEAD) {
                    extraDead[w]++;
                }
                if (t.dead[w] + extraDead[w] == t.gating[w]) {
                    in[w] = true;
                    result.add(w);
                    queue.addInt(w);
                }
            }
        }
        return List.copyOf(result);
    }
}
