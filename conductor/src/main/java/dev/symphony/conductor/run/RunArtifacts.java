package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.pit.artifact.api.ArtifactDraft;
import dev.symphony.pit.artifact.api.ArtifactKind;
import dev.symphony.pit.artifact.api.ArtifactStore;
import dev.symphony.pit.artifact.api.ArtifactStoreContext;
import dev.symphony.pit.artifact.api.Provenance;
import dev.symphony.pit.artifact.api.QualityScores;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The run's door to the artifact store. The store is single-threaded, and nested runs (loops, sub-Melodies)
 * store from worker threads, so every access is serialized here. The store has no lock of its own and one
 * process must own it: this class holds an exclusive file lock ({@code <root>/conductor.lock}) while open,
 * waiting for another run that holds it.
 */
public final class RunArtifacts implements AutoCloseable {
    private final ArtifactStore store;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RunArtifacts(ArtifactStore store, FileChannel lockChannel, FileLock lock) {
        this.store = store;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens the store at {@code root}, waiting up to {@code waitMs} for another process's run to release it. */
    public static RunArtifacts open(Path root, long waitMs, PrintStream notices) throws IOException {
        return open(root, null, waitMs, notices);
    }

    /**
     * The user's store ({@code <data>/artifacts}), its key kept with the user's secrets ({@link ArtifactKeys}),
     * never in the data folder.
     */
    public static RunArtifacts open(dev.symphony.kernel.paths.SymphonyPaths paths, long waitMs, PrintStream notices) throws IOException {
        return open(paths.data("artifacts"), ArtifactKeys.of(paths), waitMs, notices);
    }

    /** {@code keys}: where the store's key is kept; null: the key file beside {@code root}. */
    public static RunArtifacts open(Path root, dev.symphony.pit.artifact.api.ArtifactKeySource keys, long waitMs,
                                    PrintStream notices) throws IOException {
        return open(new ArtifactStoreContext().root(root).keySource(keys), waitMs, notices);
    }

    /** As above, with the store's whole context (its root, key source, clocks). */
    public static RunArtifacts open(ArtifactStoreContext context, long waitMs, PrintStream notices) throws IOException {
        Path root = context.root();
        Files.createDirectories(root);
        FileChannel ch = FileChannel.open(root.resolve("conductor.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.currentTimeMillis() + waitMs;
        boolean told = false;
        FileLock lock;
        while ((lock = ch.tryLock()) == null) {
            if (System.currentTimeMillis() > deadline) {
                ch.close();
                throw new IOException("the artifact store " + root + " is in use by another run; try again when it ends");
            }
            if (!told && notices != null) {
                notices.println("symphony run: waiting for another run to release the artifact store " + root);
                told = true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ch.close();
                throw new IOException("interrupted while waiting for the artifact store");
            }
        }
        try {
            ArtifactStore store = ArtifactStore.open(context);
            return new RunArtifacts(store, ch, lock);
        } catch (RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
    }

    public synchronized long putJson(String name, ArtifactKind kind, JsonNode value, Provenance provenance, long[] derivedFrom) {
        byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        return store.put(new ArtifactDraft(name, kind, "application/json", bytes, provenance, derivedFrom));
    }

    public synchronized JsonNode readJson(long id) {
        try {
            return RunJournal.JSON.readTree(store.read(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the artifact's content is still there (known, not purged): a metadata lookup, no read. Reading
     * back verifies the content too ({@link #readJson} throws on a CRC, GCM tag or SHA-256 mismatch).
     */
    public synchronized boolean available(long id) {
        return store.contains(id) && store.tier(id) != dev.symphony.pit.artifact.api.ContentTier.PURGED;
    }

    public synchronized long size(long id) {
        return store.info(id).map(i -> i.size()).orElse(0L);
    }

    public synchronized void score(long id, float structure, float semantics, String actor) {
        store.score(id, new QualityScores(structure, semantics, Float.NaN), actor);
    }

    /** Direct access for tests and tools (call from one thread at a time). */
    public synchronized ArtifactStore store() {
        return store;
    }

    public synchronized void sync() {
        store.sync();
    }

    @Override
    public synchronized void close() {
        try {
            store.close();
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }
}
