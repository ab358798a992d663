package dev.symphony.pit.artifact.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.*;

import dev.symphony.pit.artifact.api.*;

/**
 * A full committed write of a 4 KiB artifact: SHA-256, Deflate, AES-256-GCM, WAL append and fsync. With
 * {@code batch=1} every write waits for its own fsync; with {@code batch=32} one fsync commits 32 writes
 * (the figure is the amortized cost per write). Content is half text, half random, unique per write.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CommittedWriteBench {
    @Param({"1", "32"})
    public int batch;

    private Path root;
    private ArtifactStore store;
    private final byte[] content = new byte[4096];
    private long counter;
    private Provenance provenance;

    @Setup(Level.Trial)
    public void open() throws IOException {
        root = Files.createTempDirectory("artifact-bench");
        store = ArtifactStore.open(new ArtifactStoreContext().root(root).syncBatchRecords(batch));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < content.length; i++) {
            content[i] = i < 2048 ? (byte) "conductor artifact ".charAt(i % 19) : (byte) random.nextInt(256);
        }
        provenance = new Provenance("bench", "run-1", "node-1", 0, 0, 10);
    }

    @Benchmark
    public long write() {
        long n = ++counter;
        for (int i = 0; i < 8; i++) {
            content[2048 + i] = (byte) (n >>> (8 * i)); // unique content: no deduplication shortcut
        }
        return store.put(ArtifactDraft.of("bench/out", ArtifactKind.INTERMEDIATE, "application/octet-stream", content,
                provenance));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
