package dev.symphony.pit.dag;

import dev.symphony.pit.dag.api.DagGraph;
import dev.symphony.pit.dag.api.DagTracker;
import dev.symphony.pit.dag.api.DagTrackerContext;
import dev.symphony.pit.dag.api.EdgeKind;
import dev.symphony.pit.dag.api.GraphBuilder;
import dev.symphony.pit.dag.api.RecoveryPlan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryPlanTest {

    private static List<String> names(final DagGraph g, final List<Integer> ids) {
        final List<String> out = new ArrayList<>();
        for (final int id : ids) {
            out.add(g.name(id));
        }
        return out;
    }

    private static void run(final DagTracker t, final DagGraph g, final String... nodes) {
        for (final String n : nodes) {
            t.start(g.nodeId(n));
            t.complete(g.nodeId(n));
        }
    }

    @Test
    void blockedDegradedAndSkipCascade() {
        final GraphBuilder b = new GraphBuilder();
        for (final String n : new String[] {"gen", "lint", "compile", "test", "docs", "publish"}) {
            b.node(n, 1, n.equals("publish"));
        }
        b.edge("gen", "compile", EdgeKind.HARD);
        b.edge("compile", "test", EdgeKind.HARD);
        b.edge("gen", "lint", EdgeKind.SOFT);
        b.edge("lint", "docs", EdgeKind.HARD);
        b.edge("test", "publish", EdgeKind.SOFT);
        b.edge("docs", "publish", EdgeKind.HARD);
        final DagGraph g = b.build();
        final DagTracker t = DagTracker.create(g, new DagTrackerContext());
        final int gen = g.nodeId("gen");
        t.start(gen);
        t.fail(gen);
        run(t, g, "lint", "docs"); // soft: lint ran without gen's output, docs after it

        final RecoveryPlan plan = t.planRecovery(gen);
        assertFalse(plan.reconstructible());
        assertEquals(List.of("gen"), names(g, plan.rerun()));
        assertEquals(List.of("compile", "test", "publish"), names(g, plan.blocked()), "publish waits for test");
        assertEquals(List.of("lint", "docs"), names(g, plan.degraded()));
        // Skipping gen kills compile and test; publish keeps its live docs input, so it is not skipped.
        assertEquals(List.of("gen", "compile", "test"), names(g, plan.skipCascade()));
        assertTrue(plan.canSkip());

        t.skip(g.nodeId("compile")); // the plan's prediction matches what skip does
        assertEquals(dev.symphony.pit.dag.api.NodeState.SKIPPED, t.state(g.nodeId("test")));
        assertEquals(dev.symphony.pit.dag.api.NodeState.READY, t.state(g.nodeId("publish")));
    }

    @Test
    void requiredGoalInTheCascadeForbidsSkipping() {
        final GraphBuilder b = new GraphBuilder();
        b.node("build", 1);
        b.node("release", 1, true);
        b.edge("build", "release", EdgeKind.HARD);
        final DagGraph g = b.build();
        final DagTracker t = DagTracker.create(g, new DagTrackerContext());
        t.start(0);
        t.fail(0);
        final RecoveryPlan plan = t.planRecovery(0);
        assertEquals(List.of("build", "release"), names(g, plan.skipCascade()));
        assertFalse(plan.canSkip());
    }

    @Test
    void reverseReconstructionFromALaterResult() {
        // Missing A <- generate from B <- C: A's output is recoverable from B's, B's from C's.
        final GraphBuilder b = new GraphBuilder();
        b.node("A", 1);
        b.node("B", 1);
        b.node("C", 1);
        b.node("D", 1);
        b.reconstructible("A", "B");
        b.reconstructible("B", "C");
        b.edge("C", "D", EdgeKind.HARD);
        final DagGraph g = b.build();
        final DagTracker t = DagTracker.create(g, new DagTrackerContext());
        run(t, g, "A", "B", "C");
        // A re-run (e.g. with new parameters) fails, and B's artifact is gone too (reset for re-run): C remains.
        t.reset(g.nodeId("A"));
        t.reset(g.nodeId("B"));
        t.start(g.nodeId("A"));
        t.fail(g.nodeId("A"));
        final RecoveryPlan plan = t.planRecovery(g.nodeId("A"));
        assertTrue(plan.reconstructible());
        assertEquals(List.of("A", "B", "C"), names(g, plan.reconstructionChain()));
        assertEquals(List.of(), plan.rerun());
    }

    @Test
    void onlyFailedNodesHaveAPlan() {
        final GraphBuilder b = new GraphBuilder();
        b.node("x", 1);
        final DagTracker t = DagTracker.create(b.build(), new DagTrackerContext());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.planRecovery(0));
        assertTrue(e.getMessage().contains("'x' is READY, not FAILED"), e.getMessage());
    }
}
