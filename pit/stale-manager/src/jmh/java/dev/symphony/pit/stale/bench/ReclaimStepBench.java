package dev.symphony.pit.stale.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.*;

import dev.symphony.pit.stale.api.*;

/**
 * Issue 7 bar: a reclamation step that examines one candidate and reclaims it when due: mean ≤ 1 µs,
 * ~0 B/op. Every measured step does work: all items are long past every window, so each step moves one
 * item one tier on (HOT→WARM, WARM→COLD, COLD→DELETED) and the move is executed through the mover
 * (a no-op here: the mover's I/O is not part of the step). When a step deleted an item, the workload
 * tracks a new, already-due one in the freed handle (so a third of the measured steps include a
 * {@code track}), which keeps 1,000,000 items in steady state; the tear-down fails the run if any
 * measured step did nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReclaimStepBench {
    private static final int ITEMS = 1_000_000;
    private static final String KEY = "queue/20261101.cq4";

    private StaleManager manager;
    private long steps;
    private long productive;

    @Setup(Level.Trial)
    public void fill() {
        manager = StaleManager.create(new StaleManagerContext()
                .mover((handle, kind, key, id, from, to) -> true)
                .policy(new RetentionPolicy(Duration.ofDays(1), Duration.ofDays(30), Duration.ofDays(365), 3f))
                .expectedItems(ITEMS));
        for (int i = 0; i < ITEMS; i++) {
            int h = manager.track(ItemKind.QUEUE_FILE, KEY, i, 4096, 0L, "", Tier.HOT);
            if ((i & 7) == 0) {
                manager.trainingValue(h, 0.5f);
            }
        }
    }

    @Setup(Level.Iteration)
    public void resetCounters() {
        steps = 0;
        productive = 0;
    }

    @Benchmark
    public int step() {
        int decided = manager.reclaimStep();
        manager.executePending(1);
        if (manager.trackedItems() < ITEMS) {
            manager.track(ItemKind.QUEUE_FILE, KEY, steps, 4096, 0L, "", Tier.HOT);
        }
        steps++;
        productive += decided;
        return decided;
    }

    @TearDown(Level.Iteration)
    public void check() {
        if (productive != steps) {
            throw new IllegalStateException("only " + productive + " of " + steps
                    + " steps reclaimed something: enlarge ITEMS so the benchmark measures real work");
        }
    }
}
