package dev.symphony.pit.dag;

import dev.symphony.pit.dag.api.CriticalPath;
import dev.symphony.pit.dag.api.DagGraph;
import dev.symphony.pit.dag.api.DagTracker;
import dev.symphony.pit.dag.api.DagTrackerContext;
import dev.symphony.pit.dag.api.EdgeKind;
import dev.symphony.pit.dag.api.GraphBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CriticalPathTest {
    private final long[] now = {0};

    private DagTracker diamond(final EdgeKind bottomKind) {
        final GraphBuilder b = new GraphBuilder();
        b.node("fetch", 10);
        b.node("fast", 5);
        b.node("slow", 50);
        b.node("join", 20);
        b.node("notes", 100);
        b.edge("fetch", "fast", EdgeKind.HARD);
        b.edge("fetch", "slow", EdgeKind.HARD);
        b.edge("fast", "join", EdgeKind.HARD);
        b.edge("slow", "join", bottomKind);
        b.edge("fetch", "notes", EdgeKind.OPTIONAL);
        return DagTracker.create(b.build(), new DagTrackerContext().nanoClock(() -> now[0]));
    }

    @Test
    void longestChainByExpectedDurations() {
        final DagTracker t = diamond(EdgeKind.HARD);
        final CriticalPath p = t.criticalPath();
        assertEquals(List.of("notes"), p.names(), "optional edge does not order: notes alone is 100");
        assertEquals(100, p.remainingNanos());
    }

    @Test
    void pathFollowsTheSlowBranchAndShrinksAsWorkIsDone() {
        final GraphBuilder b = new GraphBuilder();
        b.node("fetch", 10);
        b.node("fast", 5);
        b.node("slow", 50);
        b.node("join", 20);
        b.edge("fetch", "fast", EdgeKind.HARD);
        b.edge("fetch", "slow", EdgeKind.HARD);
        b.edge("fast", "join", EdgeKind.HARD);
        b.edge("slow", "join", EdgeKind.SOFT);
        final DagGraph g = b.build();
        final DagTracker t = DagTracker.create(g, new DagTrackerContext().nanoClock(() -> now[0]));
        assertEquals(List.of("fetch", "slow", "join"), t.criticalPath().names());
        assertEquals(80, t.criticalPath().remainingNanos());
        t.start(0);
        now[0] = 4;
        assertEquals(76, t.criticalPath().remainingNanos(), "6 ns of fetch remain");
        t.complete(0);
        t.start(g.nodeId("slow"));
        now[0] = 30; // slow started at 4, expected 50: 24 remain
        final CriticalPath p = t.criticalPath();
        assertEquals(List.of("slow", "join"), p.names());
        assertEquals(44, p.remainingNanos());
    }

    @Test
    void parallelEdgeOverlapsSourceAndTarget() {
        final GraphBuilder b = new GraphBuilder();
        b.node("produce", 30);
        b.node("consume", 40);
        b.edge("produce", "consume", EdgeKind.PARALLEL);
        final DagTracker t = DagTracker.create(b.build(), new DagTrackerContext().nanoClock(() -> now[0]));
        assertEquals(40, t.criticalPath().remainingNanos(), "the consumer starts with the producer");
        assertEquals(List.of("produce", "consume"), t.criticalPath().names());
    }
}
