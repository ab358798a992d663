package dev.symphony.pit.dag;

import dev.symphony.pit.dag.api.DagGraph;
import dev.symphony.pit.dag.api.DagTracker;
import dev.symphony.pit.dag.api.DagTrackerContext;
import dev.symphony.pit.dag.api.EdgeKind;
import dev.symphony.pit.dag.api.GraphBuilder;
import dev.symphony.pit.dag.api.IllegalNodeTransitionException;
import dev.symphony.pit.dag.api.NodeState;
import org.junit.jupiter.api.Test;

import static dev.symphony.pit.dag.api.NodeState.DONE;
import static dev.symphony.pit.dag.api.NodeState.PENDING;
import static dev.symphony.pit.dag.api.NodeState.READY;
import static dev.symphony.pit.dag.api.NodeState.SKIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeSemanticsTest {

    private static DagTracker pair(final EdgeKind kind) {
        final GraphBuilder b = new GraphBuilder();
        b.node("a", 10);
        b.node("b", 10);
        b.edge("a", "b", kind);
        return DagTracker.create(b.build(), new DagTrackerContext());
    }

    private static void run(final DagTracker t, final int node) {
        t.start(node);
        t.complete(node);
    }

    @Test
    void hardWaitsForDoneAndIsBlockedByFailure() {
        DagTracker t = pair(EdgeKind.HARD);
        assertEquals(READY, t.state(0));
        assertEquals(PENDING, t.state(1));
        t.start(0);
        assertEquals(PENDING, t.state(1), "running is not done");
        t.complete(0);
        assertEquals(READY, t.state(1));

        t = pair(EdgeKind.HARD);
        t.start(0);
        t.fail(0);
        assertEquals(PENDING, t.state(1), "blocked, not skipped: recovery decides");
        t.reset(0);
        assertEquals(READY, t.state(0));
        run(t, 0);
        assertEquals(READY, t.state(1));
    }

    @Test
    void softWaitsForAnyOutcome() {
        final DagTracker t = pair(EdgeKind.SOFT);
        t.start(0);
        assertEquals(PENDING, t.state(1));
        t.fail(0);
        assertEquals(READY, t.state(1), "soft tolerates failure");
    }

    @Test
    void optionalNeverGates() {
        final DagTracker t = pair(EdgeKind.OPTIONAL);
        assertEquals(READY, t.state(1));
        assertEquals(2, t.readyCount());
    }

    @Test
    void parallelReleasesTheTargetWhenTheSourceStarts() {
        final DagTracker t = pair(EdgeKind.PARALLEL);
        assertEquals(PENDING, t.state(1));
        t.start(0);
        assertEquals(READY, t.state(1));
        t.start(1);
        t.complete(1);
        t.complete(0);
        assertTrue(t.isFinished());
    }

    @Test
    void skippedSourceKillsHardAndSoftTargets() {
        for (final EdgeKind kind : new EdgeKind[] {EdgeKind.HARD, EdgeKind.SOFT, EdgeKind.PARALLEL}) {
            final DagTracker t = pair(kind);
            t.skip(0);
            assertEquals(SKIPPED, t.state(1), kind + ": all gating inputs dead -> skipped");
            assertTrue(t.isFinished());
        }
    }

    @Test
    void ifElseJoinRunsAfterTheTakenBranchOnly() {
        final GraphBuilder b = new GraphBuilder();
        for (final String n : new String[] {"review", "fix", "merge", "report", "after-fix"}) {
            b.node(n, 1);
        }
        b.branch("review", "fix", EdgeKind.HARD, 0);
        b.branch("review", "merge", EdgeKind.HARD, 1);
        b.edge("fix", "after-fix", EdgeKind.HARD);
        b.edge("after-fix", "report", EdgeKind.HARD);
        b.edge("merge", "report", EdgeKind.HARD);
        final DagGraph g = b.build();
        final DagTracker t = DagTracker.create(g, new DagTrackerContext());
        t.start(g.nodeId("review"));
        t.complete(g.nodeId("review"), 1); // route: merge
        assertEquals(SKIPPED, t.state(g.nodeId("fix")));
        assertEquals(SKIPPED, t.state(g.nodeId("after-fix")), "skip cascades along the dead path");
        assertEquals(READY, t.state(g.nodeId("merge")));
        assertEquals(PENDING, t.state(g.nodeId("report")), "join waits for the live branch");
        run(t, g.nodeId("merge"));
        assertEquals(READY, t.state(g.nodeId("report")));
        run(t, g.nodeId("report"));
        assertTrue(t.isFinished());
        assertEquals(3, t.count(DONE));
        assertEquals(2, t.count(SKIPPED));
    }

    @Test
    void illegalOperationsNameTheNodeAndState() {
        final DagTracker t = pair(EdgeKind.HARD);
        final IllegalNodeTransitionException e =
            assertThrows(IllegalNodeTransitionException.class, () -> t.complete(1));
        assertEquals("node 'b': cannot complete from PENDING", e.getMessage());
        assertThrows(IllegalNodeTransitionException.class, () -> t.start(1));
        assertThrows(IllegalNodeTransitionException.class, () -> t.reset(0));
        t.start(0);
        assertThrows(IllegalNodeTransitionException.class, () -> t.skip(0));
    }

    @Test
    void resetOfADoneNodeWithdrawsReadinessDownstream() {
        final DagTracker t = pair(EdgeKind.HARD);
        run(t, 0);
        assertEquals(READY, t.state(1));
        t.reset(0);
        assertEquals(NodeState.READY, t.state(0));
        assertEquals(PENDING, t.state(1));
        assertEquals(1, t.readyCount());
    }
}
