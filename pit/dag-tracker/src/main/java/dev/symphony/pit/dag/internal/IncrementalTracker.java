package dev.symphony.pit.dag.internal;

import dev.symphony.pit.dag.api.CriticalPath;
import dev.symphony.pit.dag.api.DagGraph;
import dev.symphony.pit.dag.api.DagListener;
import dev.symphony.pit.dag.api.DagTracker;
import dev.symphony.pit.dag.api.DagTrackerContext;
import dev.symphony.pit.dag.api.EdgeKind;
import dev.symphony.pit.dag.api.IllegalNodeTransitionException;
import dev.symphony.pit.dag.api.NodeState;
import dev.symphony.pit.dag.api.RecoveryPlan;
import org.agrona.concurrent.NanoClock;

import java.util.function.IntConsumer;

import static dev.symphony.pit.dag.internal.EdgeRules.BLOCKED;
import static dev.symphony.pit.dag.internal.EdgeRules.DEAD;
import static dev.symphony.pit.dag.internal.EdgeRules.DONE_S;
import static dev.symphony.pit.dag.internal.EdgeRules.FAILED_S;
import static dev.symphony.pit.dag.internal.EdgeRules.PENDING_S;
import static dev.symphony.pit.dag.internal.EdgeRules.READY_S;
import static dev.symphony.pit.dag.internal.EdgeRules.RUNNING_S;
import static dev.symphony.pit.dag.internal.EdgeRules.SKIPPED_S;
import static dev.symphony.pit.dag.internal.EdgeRules.WAITING;

/**
 * Incremental state of one run. Invariant: {@code edgeStatus[e] == EdgeRules.status(source state of e)} for
 * every edge, the per-node counters count the statuses of its incoming gating edges, and every PENDING/READY
 * node's state is what the counters say. A state change of node {@code u} re-derives only {@code u}'s outgoing
 * edges, adjusts their targets' counters and re-evaluates those targets; skips cascade through a worklist.
 */
public final class IncrementalTracker implements DagTracker {
    final CsrGraph g;
    final byte[] state;
    final byte[] edgeStatus;
    final int[] waiting;
    final int[] blocked;
    final int[] dead;
    final int[] gating;
    final int[] chosen;
    final long[] startedAt;
    private final IndexedIntSet ready;
    private final int[] stateCounts = new int[NodeState.values().length];
    private final int[] worklist;
    private int worklistSize;
    private final DagListener listener;
    final NanoClock clock;

    public IncrementalTracker(final DagGraph graph, final DagTrackerContext ctx) {
        if (!(graph instanceof CsrGraph)) {
            throw new IllegalArgumentException("graphs must come from GraphBuilder.build()");
        }
        g = (CsrGraph)graph;
        final int n = g.nodeCount();
        state = new byte[n];
        edgeStatus = new byte[g.edgeCount()];
        waiting = new int[n];
        blocked = new int[n];
        dead = new int[n];
        gating = new int[n];
        chosen = new int[n];
        startedAt = new long[n];
        ready = new IndexedIntSet(n);
        worklist = new int[n];
        listener = ctx.listener();
        clock = ctx.nanoClock();
        for (int e = 0; e < g.edgeCount(); e++) {
            if (EdgeKind.fromOrdinal(g.kind[e]).isGating()) {
                gating[g.target[e]]++;
            }
        }
        resetAll();
    }

    @Override
    public void resetAll() {
        final int n = g.nodeCount();
        ready.clear();
        java.util.Arrays.fill(stateCounts, 0);
        stateCounts[PENDING_S] = n;
        java.util.Arrays.fill(state, PENDING_S);
        java.util.Arrays.fill(chosen, DagGraph.UNCONDITIONAL);
        java.util.Arrays.fill(waiting, 0);
        java.util.Arrays.fill(blocked, 0);
        java.util.Arrays.fill(dead, 0);
        for (int e = 0; e < edgeStatus.length; e++) {
            final byte s = EdgeRules.status(g.kind[e], PENDING_S, g.branch[e], DagGraph.UNCONDITIONAL);
            edgeStatus[e] = s;
            count(s, g.target[e], 1);
        }
        for (int v = 0; v < n; v++) {
            reevaluate(v);
        }
        drain();
    }

    @Override
    public DagGraph graph() {
        return g;
    }

    @Override
    public NodeState state(final int node) {
        return NodeState.fromOrdinal(state[node]);
    }

    @Override
    public void start(final int node) {
        require(node, state[node] == READY_S, "start");
        startedAt[node] = clock.nanoTime();
        change(node, RUNNING_S);
    }

    @Override
    public void complete(final int node) {
        complete(node, DagGraph.UNCONDITIONAL);
    }

    @Override
    public void complete(final int node, final int branch) {
        require(node, state[node] == RUNNING_S, "complete");
        chosen[node] = branch;
        change(node, DONE_S);
    }

    @Override
    public void fail(final int node) {
        require(node, state[node] == RUNNING_S, "fail");
        change(node, FAILED_S);
    }

    @Override
    public void skip(final int node) {
        require(node, state[node] == PENDING_S || state[node] == READY_S, "skip");
        change(node, SKIPPED_S);
    }

    @Override
    public void reset(final int node) {
        final byte s = state[node];
        require(node, s == DONE_S || s == FAILED_S || s == SKIPPED_S, "reset");
        chosen[node] = DagGraph.UNCONDITIONAL;
        setState(node, PENDING_S);
        refreshOutEdges(node);
        reevaluate(node);
        drain();
    }

    private void require(final int node, final boolean condition, final String operation) {
        if (!condition) {
            throw new IllegalNodeTransitionException(g.names[node], state(node), operation);
        }
    }

    private void change(final int node, final byte next) {
        setState(node, next);
        refreshOutEdges(node);
        drain();
    }

    private void setState(final int node, final byte next) {
        final byte previous = state[node];
        stateCounts[previous]--;
        stateCounts[next]++;
        state[node] = next;
        if (previous == READY_S) {
            ready.remove(node);
        }
        if (next == READY_S) {
            ready.add(node);
        }
    }

    /** Re-derives the statuses of {@code node}'s outgoing edges and re-evaluates targets whose counts changed. */
    private void refreshOutEdges(final int node) {
        final byte s = state[node];
        final int c = chosen[node];
        final int[] out = g.out;
        for (int i = g.outStart[node], end = g.outStart[node + 1]; i < end; i++) {
            final int e = out[i];
            final byte next = EdgeRules.status(g.kind[e], s, g.branch[e], c);
            final byte previous = edgeStatus[e];
            if (next != previous) {
                edgeStatus[e] = next;
                final int t = g.target[e];
                count(previous, t, -1);
                count(next, t, 1);
                reevaluate(t);
            }
        }
    }

    private void count(final byte status, final int node, final int delta) {
        if (status == WAITING) {
            waiting[node] += delta;
        } else if (status == BLOCKED) {
            blocked[node] += delta;
        } else if (status == DEAD) {
            dead[node] += delta;
        }
    }

    /** Only PENDING/READY nodes move on their own; a SKIPPED result is queued to propagate. */
    private void reevaluate(final int node) {
        final byte s = state[node];
        if (s != PENDING_S && s != READY_S) {
            return;
        }
        final byte next = waiting[node] > 0 || blocked[node] > 0 ? PENDING_S
            : gating[node] > 0 && dead[node] == gating[node] ? SKIPPED_S : READY_S;
        if (next != s) {
            setState(node, next);
            if (next == READY_S) {
                listener.onReady(node);
            } else if (next == SKIPPED_S) {
                listener.onSkipped(node);
                worklist[worklistSize++] = node;
            }
        }
    }

    private void drain() {
        while (worklistSize > 0) {
            refreshOutEdges(worklist[--worklistSize]);
        }
    }

    @Override
    public int readyCount() {
        return ready.size();
    }

    @Override
    public int readyAt(final int i) {
        return ready.get(i);
    }

    @Override
    public boolean isReady(final int node) {
        return ready.contains(node);
    }

    @Override
    public void forEachReady(final IntConsumer consumer) {
        for (int i = 0, n = ready.size(); i < n; i++) {
            consumer.accept(ready.get(i));
        }
    }

    @Override
    public int count(final NodeState s) {
        return stateCounts[s.ordinal()];
    }

    @Override
    public boolean isFinished() {
        return stateCounts[PENDING_S] == 0 && stateCounts[READY_S] == 0 && stateCounts[RUNNING_S] == 0;
    }

    @Override
    public CriticalPath criticalPath() {
        return CriticalPathFinder.find(this);
    }

    @Override
    public RecoveryPlan planRecovery(final int failedNode) {
        return RecoveryPlanner.plan(this, failedNode);
    }

    @Override
    public java.util.List<Integer> reconstructionChain(final int node, final java.util.function.IntPredicate available) {
        if (node < 0 || node >= g.nodeCount()) {
            throw new IllegalArgumentException("unknown node id " + node);
        }
        return RecoveryPlanner.reconstructionChain(this, node, available);
    }
}
