package dev.symphony.pit.dag;

import dev.symphony.pit.dag.api.DagGraph;
import dev.symphony.pit.dag.api.DagTracker;
import dev.symphony.pit.dag.api.DagTrackerContext;
import dev.symphony.pit.dag.api.EdgeKind;
import dev.symphony.pit.dag.api.GraphBuilder;
import dev.symphony.pit.dag.api.NodeState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The incremental tracker against a from-scratch recomputation written independently from the edge table in
 * the README: after every random operation on a random graph, every PENDING/READY node has the state its
 * dependencies imply and the ready set is exactly the READY nodes. Seed: -Dpit.seed or env PIT_SEED.
 */
class ReadySetPropertyTest {

    @Test
    void readySetAlwaysEqualsRecomputationFromScratch() {
        final String env = System.getenv("PIT_SEED");
        final long base = Long.getLong("pit.seed", env == null ? System.nanoTime() : Long.parseLong(env));
        for (int round = 0; round < 300; round++) {
            final long seed = base + round;
            try {
                runOnce(seed);
            } catch (final AssertionError | RuntimeException e) {
                fail("DAG property failed with seed " + seed + " (rerun with -Dpit.seed=" + seed + "): " + e, e);
            }
        }
    }

    private static void runOnce(final long seed) {
        final Random rnd = new Random(seed);
        final int n = 2 + rnd.nextInt(60);
        final GraphBuilder b = new GraphBuilder();
        for (int v = 0; v < n; v++) {
            b.node("n" + v, 1 + rnd.nextInt(100));
        }
        final double density = rnd.nextDouble() * 0.2;
        final EdgeKind[] kinds = EdgeKind.values();
        for (int s = 0; s < n; s++) {
            for (int t = s + 1; t < n; t++) {
                if (rnd.nextDouble() < density) {
                    final EdgeKind kind = kinds[rnd.nextInt(kinds.length)];
                    final boolean conditional = kind == EdgeKind.HARD || kind == EdgeKind.SOFT;
                    if (conditional && rnd.nextInt(3) == 0) {
                        b.branch("n" + s, "n" + t, kind, rnd.nextInt(3));
                    } else {
                        b.edge("n" + s, "n" + t, kind);
                    }
                }
            }
        }
        final DagGraph g = b.build();
        final DagTracker t = DagTracker.create(g, new DagTrackerContext());
        final int[] chosen = new int[n];
        Arrays.fill(chosen, DagGraph.UNCONDITIONAL);
        check(g, t, chosen);
        for (int step = 0; step < 400; step++) {
            final int v = rnd.nextInt(n);
            final NodeState s = t.state(v);
            final int op = rnd.nextInt(10);
            if (op < 3 && t.readyCount() > 0) {
                t.start(t.readyAt(rnd.nextInt(t.readyCount())));
            } else if (op < 6 && s == NodeState.RUNNING) {
                chosen[v] = rnd.nextInt(4) - 1;
                t.complete(v, chosen[v]);
            } else if (op == 6 && s == NodeState.RUNNING) {
                t.fail(v);
            } else if (op == 7 && (s == NodeState.PENDING || s == NodeState.READY)) {
                t.skip(v);
            } else if (op == 8 && s.isFinished()) {
                chosen[v] = DagGraph.UNCONDITIONAL;
                t.reset(v);
            } else if (op == 9 && rnd.nextInt(40) == 0) {
                Arrays.fill(chosen, DagGraph.UNCONDITIONAL);
                t.resetAll();
            }
            check(g, t, chosen);
        }
    }

    /** The edge table of EdgeKind / README, restated independently of the implementation. */
    private static String status(final EdgeKind kind, final NodeState source, final int branch, final int chosen) {
        if (kind == EdgeKind.OPTIONAL) {
            return "none";
        }
        return switch (source) {
            case PENDING, READY -> "waiting";
            case RUNNING -> kind == EdgeKind.PARALLEL ? "ok" : "waiting";
            case DONE -> branch == DagGraph.UNCONDITIONAL || branch == chosen ? "ok" : "dead";
            case FAILED -> kind == EdgeKind.SOFT ? "ok" : "blocked";
            case SKIPPED -> "dead";
        };
    }

    private static void check(final DagGraph g, final DagTracker t, final int[] chosen) {
        final Set<Integer> expectedReady = new TreeSet<>();
        final int[] counts = new int[NodeState.values().length];
        for (int v = 0; v < g.nodeCount(); v++) {
            final NodeState actual = t.state(v);
            counts[actual.ordinal()]++;
            if (actual != NodeState.PENDING && actual != NodeState.READY) {
                continue;
            }
            int gatingCount = 0;
            int holding = 0;
            int deadCount = 0;
            for (int i = 0; i < g.inDegree(v); i++) {
                final int e = g.inEdge(v, i);
                final int src = g.edgeSource(e);
                final String st = status(g.edgeKind(e), t.state(src), g.edgeBranch(e), chosen[src]);
                if (st.equals("none")) {
                    continue;
                }
                gatingCount++;
                if (st.equals("waiting") || st.equals("blocked")) {
                    holding++;
                } else if (st.equals("dead")) {
                    deadCount++;
                }
            }
            final NodeState expected = holding > 0 ? NodeState.PENDING
                : gatingCount > 0 && deadCount == gatingCount ? NodeState.SKIPPED : NodeState.READY;
            assertEquals(expected, actual, "node " + g.name(v));
            if (expected == NodeState.READY) {
                expectedReady.add(v);
            }
        }
        final List<Integer> ready = new ArrayList<>();
        t.forEachReady(ready::add);
        assertEquals(expectedReady, new TreeSet<>(ready), "ready set");
        assertEquals(expectedReady.size(), t.readyCount(), "ready count (no duplicates)");
        for (final NodeState s : NodeState.values()) {
            assertEquals(counts[s.ordinal()], t.count(s), "count of " + s);
        }
    }
}
