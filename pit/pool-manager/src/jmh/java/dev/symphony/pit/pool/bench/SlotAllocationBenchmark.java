package dev.symphony.pit.pool.bench;

import dev.symphony.pit.pool.api.HostState;
import dev.symphony.pit.pool.api.ModelLoader;
import dev.symphony.pit.pool.api.ModelSpec;
import dev.symphony.pit.pool.api.PoolManager;
import dev.symphony.pit.pool.api.PoolManagerContext;
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
 * 1,000 registered models on 8 hosts, 64 slots, run and workspace budgets enforced. Steady state: 63 slots are
 * held; each operation releases the oldest and allocates a slot for the next model of a pre-drawn skewed
 * sequence. {@code memoryFitsModels} = how many of the 1,000 models fit in memory at once: 1000 (all stay
 * resident after warm-up) or 400 (allocations load models and evict others; the loader answers at once).
 * One operation = one allocation + one release.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SlotAllocationBenchmark {
    private static final int MODELS = 1_000;
    private static final int SLOTS = 64;
    private static final long MB = 1L << 20;
    private static final int SEQUENCE = 1 << 16;

    @Param({"1000", "400"})
    public int memoryFitsModels;

    private PoolManager pool;
    private final int[] sequence = new int[SEQUENCE];
    private final int[] held = new int[SLOTS - 1];
    private int next;
    private int oldest;
    private long task;

    @Setup(Level.Trial)
    public void setUp() {
        final PoolManager[] self = new PoolManager[1];
        final ModelLoader instantLoader = new ModelLoader() {
            @Override
            public void load(final int modelId, final ModelSpec spec, final boolean predictive) {
                self[0].onModelLoaded(modelId);
            }

            @Override
            public void unload(final int modelId, final ModelSpec spec) {
            }
        };
        pool = PoolManager.create(new PoolManagerContext()
            .modelLoader(instantLoader)
            .slotCount(SLOTS)
            .maxModels(MODELS)
            .memoryBudgetBytes(memoryFitsModels * 100 * MB)
            .vramBudgetBytes(memoryFitsModels * 10 * MB)
            .heartbeatTimeoutNanos(TimeUnit.HOURS.toNanos(1)));
        self[0] = pool;
        for (int h = 0; h < 8; h++) {
            pool.registerHost("host-" + h);
            pool.onHostState(h, HostState.ACTIVE);
        }
        for (int m = 0; m < MODELS; m++) {
            pool.registerModel(new ModelSpec("model-" + m, m % 8, 100 * MB, (m % 2) * 20 * MB, 4, 100, 2));
        }
        pool.setWorkspaceBudget(1, Long.MAX_VALUE / 4);
        pool.openRun(1, 1, Long.MAX_VALUE / 8);
        final Random rnd = new Random(42);
        for (int i = 0; i < SEQUENCE; i++) {
            // Skewed: half the calls go to 10% of the models, like real usage.
            sequence[i] = rnd.nextBoolean() ? rnd.nextInt(MODELS / 10) : rnd.nextInt(MODELS);
        }
        for (int i = 0; i < held.length; i++) {
            held[i] = allocateNext();
        }
    }

    private int allocateNext() {
        int slot;
        do {
            slot = pool.allocate(sequence[next++ & (SEQUENCE - 1)], task++, 1, 100);
        } while (slot < 0); // a model at its concurrency limit: take the next one in the sequence
        return slot;
    }

    @Benchmark
    public int allocateAndRelease() {
        pool.release(held[oldest], 90, true);
        final int slot = allocateNext();
        held[oldest] = slot;
        oldest = oldest + 1 == held.length ? 0 : oldest + 1;
        return slot;
    }
}
