package dev.symphony.pit.dag.bench;

import dev.symphony.pit.dag.api.DagGraph;
import dev.symphony.pit.dag.api.DagTracker;
import dev.symphony.pit.dag.api.DagTrackerContext;
import dev.symphony.pit.dag.api.EdgeKind;
import dev.symphony.pit.dag.api.GraphBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A run of a random DAG with mean out-degree 3 (targets within the next 64 nodes; 70% HARD, 15% SOFT, 10%
 * PARALLEL, 5% OPTIONAL; 2% of the nodes branch, so dead paths get skipped). One operation is one state change
 * by the caller: start the newest ready node while fewer than 8 run, else complete the oldest running one,
 * including the ready-set maintenance and skip cascades it causes. When the run is finished the operation is a
 * {@code resetAll()} (O(V + E), amortized over the ~2V updates of a run, and included in the figures).
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StateUpdateBenchmark {
    private static final int MAX_RUNNING = 8;

    @Param({"10000", "100000"})
    public int nodes;

    private DagTracker tracker;
    private int[] branchOf;
    private final int[] running = new int[MAX_RUNNING];
    private int runHead;
    private int runCount;

    @Setup(Level.Trial)
    public void setUp() {
        final Random rnd = new Random(7);
        final GraphBuilder b = new GraphBuilder();
        branchOf = new int[nodes];
        for (int v = 0; v < nodes; v++) {
            b.node("n" + v, 1 + rnd.nextInt(1000));
            branchOf[v] = rnd.nextInt(50) == 0 ? rnd.nextInt(2) : DagGraph.UNCONDITIONAL;
        }
        long edges = 0;
        for (int v = 0; v < nodes - 1; v++) {
            final int degree = 1 + rnd.nextInt(5);
            final int window = Math.min(64, nodes - 1 - v);
            final boolean[] used = new boolean[window];
            for (int k = 0; k < degree && k < window; k++) {
                int offset;
                do {
                    offset = rnd.nextInt(window);
                } while (used[offset]);
                used[offset] = true;
                final String from = "n" + v;
                final String to = "n" + (v + 1 + offset);
                if (branchOf[v] != DagGraph.UNCONDITIONAL) {
                    b.branch(from, to, EdgeKind.HARD, k % 2);
                } else {
                    final int p = rnd.nextInt(100);
                    b.edge(from, to, p < 70 ? EdgeKind.HARD : p < 85 ? EdgeKind.SOFT
                        : p < 95 ? EdgeKind.PARALLEL : EdgeKind.OPTIONAL);
                }
                edges++;
            }
        }
        tracker = DagTracker.create(b.build(), new DagTrackerContext());
        System.err.printf("graph: %d nodes, %d edges, mean out-degree %.2f%n", nodes, edges, (double)edges / nodes);
    }

    @Benchmark
    @BenchmarkMode({Mode.AverageTime})
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int updateLatency() {
        return update();
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput})
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int updateThroughput() {
        return update();
    }

    private int update() {
        final DagTracker t = tracker;
        if (runCount < MAX_RUNNING && t.readyCount() > 0) {
            final int v = t.readyAt(t.readyCount() - 1);
            t.start(v);
            running[(runHead + runCount++) % MAX_RUNNING] = v;
            return v;
        }
        if (runCount > 0) {
            final int v = running[runHead];
            runHead = (runHead + 1) % MAX_RUNNING;
            runCount--;
            t.complete(v, branchOf[v]);
            return v;
        }
        t.resetAll();
        return -1;
    }
}
