package dev.symphony.pit.artifact.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.*;

import dev.symphony.pit.artifact.internal.index.MetadataFlyweight;
import dev.symphony.pit.artifact.internal.index.MetadataIndex;

/**
 * Issue 7 bar: artifact metadata put/get, index only, with 1,000,000 entries: mean ≤ 1.5 µs, ~0 B/op.
 * Keys are visited in a pre-shuffled order so lookups miss the CPU caches like real random access does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MetadataIndexBench {
    private static final int ENTRIES = 1_000_000;

    private final MetadataIndex index = new MetadataIndex(ENTRIES);
    private final MetadataFlyweight record = new MetadataFlyweight();
    private long[] order;
    private int cursor;
    private long now = 1_700_000_000_000L;

    @Setup
    public void fill() {
        for (long id = 1; id <= ENTRIES; id++) {
            index.put(id, record).committedAtMs(now).contentSlot((int) id).nameId((int) (id & 1023)).version(1);
        }
        order = new long[1 << 20];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < order.length; i++) {
            order[i] = 1 + random.nextInt(ENTRIES);
        }
    }

    private long nextId() {
        return order[cursor++ & (order.length - 1)];
    }

    /** Lookup by id and read of three fields. */
    @Benchmark
    public long get() {
        return index.get(nextId(), record) ? record.committedAtMs() + record.contentSlot() + record.version() : -1;
    }

    /** Upsert of an existing id: the lookup plus writing the fields a put fills. */
    @Benchmark
    public long put() {
        long id = nextId();
        index.put(id, record).lastAccessMs(++now).committedAtMs(now).costMicros(id).contentSlot((int) id)
                .version(2).quality(0.5f, 0.5f, 0.5f);
        return record.id();
    }
}
