package dev.symphony.agent.checkpoint;

import dev.symphony.conductor.run.RunArtifacts;
import dev.symphony.pit.artifact.api.ArtifactKeySource;
import dev.symphony.pit.artifact.api.ArtifactStoreContext;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

/**
 * The checkpoints a window (or a {@code symphony run}) records: one {@link Checkpoints} per folder, kept in the
 * checkpoint store {@code <base>/store} — the Pit's artifact store, its key the checkpoints' ({@link CheckpointKeys}) —
 * so they survive the window: a restore works after the workspace is opened again. The store is pruned by its
 * {@link CheckpointRetention} each time a process opens it. One process holds the store at a time (the conductor's
 * {@link RunArtifacts} file lock); the windows of one process share it. When another process holds it, or it cannot be
 * opened, this session keeps its copies in a folder of its own, {@code <base>/<pid>-<n>}, deleted when it closes (or,
 * after a crash, when the next session opens), and {@link #notice} says so.
 */
public final class CheckpointSession implements AutoCloseable {
    static final String STORE = "store";
    static final long LOCK_WAIT_MS = 2_000;
    /** The store each process has open, by folder, and how many sessions use it. */
    private static final Map<Path, Shared> OPEN = new HashMap<>();

    /** The store of one process with the checkpoints of each folder (one object per folder, whichever window asks). */
    private static final class Shared {
        final RunArtifacts artifacts;
        final StoreBlobs blobs;
        final Map<Path, Checkpoints> byFolder = new HashMap<>();
        int users;

        Shared(RunArtifacts artifacts, StoreBlobs blobs) {
            this.artifacts = artifacts;
            this.blobs = blobs;
        }
    }

    private final Path folder;
    private final Shared shared;
    private final BlobStore ownBlobs;
    private final Map<Path, Checkpoints> ownFolders = new HashMap<>();
    private final String notice;
    private boolean closed;

    private CheckpointSession(Path folder, Shared shared, BlobStore ownBlobs, String notice) {
        this.folder = folder;
        this.shared = shared;
        this.ownBlobs = ownBlobs;
        this.notice = notice;
    }

    /** A session under {@code base}, its copies encrypted with {@code key} ({@link CheckpointKeys}). */
    public static CheckpointSession open(Path base, byte[] key) throws IOException {
        return open(base, key, SystemEpochClock.INSTANCE, CheckpointRetention.defaults());
    }

    /** As {@link #open(Path, byte[])}, with the clock steps and copies are stamped by and the retention applied on open. */
    static CheckpointSession open(Path base, byte[] key, EpochClock clock, CheckpointRetention retention) throws IOException {
        base = Files.createDirectories(base.toAbsolutePath().normalize());
        dropDeadSessions(base);
        Path root = base.resolve(STORE);
        String notice;
        synchronized (OPEN) {
            Shared shared = OPEN.get(root);
            if (shared != null) {
                shared.users++;
                return new CheckpointSession(root, shared, null, null);
            }
            try {
                shared = openStore(root, key, clock, retention);
                shared.users = 1;
                OPEN.put(root, shared);
                return new CheckpointSession(root, shared, null, null);
            } catch (IOException | RuntimeException e) {
                notice = "checkpoints are kept only while this process runs (this window, this run): the checkpoint store " + root
                        + " cannot be used (" + e.getMessage() + ")";
            }
        }
        long pid = ProcessHandle.current().pid();
        for (int n = 0; ; n++) {
            Path own = base.resolve(pid + "-" + n);
            if (!Files.exists(own)) {
                return new CheckpointSession(Files.createDirectories(own), null, new BlobStore(own, key), notice);
            }
        }
    }

    private static Shared openStore(Path root, byte[] key, EpochClock clock, CheckpointRetention retention) throws IOException {
        RunArtifacts artifacts = RunArtifacts.open(new ArtifactStoreContext().root(root).epochClock(clock).keySource(fixedKey(key, root)),
                LOCK_WAIT_MS, null);
        try {
            StoreBlobs blobs = new StoreBlobs(artifacts, root, clock);
            retention.sweep(blobs, root);
            return new Shared(artifacts, blobs);
        } catch (IOException | RuntimeException e) {
            artifacts.close();
            throw e;
        }
    }

    /** The checkpoints' key (kept by {@link CheckpointKeys} with the user's secrets) as the store's key source. */
    static ArtifactKeySource fixedKey(byte[] key, Path root) {
        return new ArtifactKeySource() {
            @Override
            public Optional<byte[]> load() {
                return Optional.of(key.clone());
            }

            @Override
            public void save(byte[] newKey) {
                throw new IllegalStateException("the checkpoint store " + root + " has its key already (the checkpoints' key)");
            }

            @Override
            public String where() {
                return "the checkpoints' key";
            }
        };
    }

    /** Deletes the folders of sessions whose process no longer runs (a crash), so their disk use is bounded. */
    private static void dropDeadSessions(Path base) throws IOException {
        long pid = ProcessHandle.current().pid();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base)) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                int dash = name.indexOf('-');
                if (dash > 0 && name.substring(0, dash).matches("\\d{1,19}")) {
                    long owner = Long.parseLong(name.substring(0, dash));
                    if (owner != pid && !ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                        delete(d);
                    }
                }
            }
        }
    }

    /** Where the copies are: the checkpoint store, or this session's own folder. */
    public Path folder() {
        return folder;
    }

    /** True when the checkpoints outlive this session (they are in the checkpoint store). */
    public boolean kept() {
        return shared != null;
    }

    /** Why checkpoints end with this session, for the person; empty when they are kept in the checkpoint store. */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /**
     * The checkpoints of {@code workspace} (the same object for as long as this session is open), with the steps kept
     * before; an {@link java.io.UncheckedIOException} names the store when they cannot be read.
     */
    public Checkpoints of(Path workspace) {
        Path w = workspace.toAbsolutePath().normalize();
        if (shared == null) {
            synchronized (ownFolders) {
                return ownFolders.computeIfAbsent(w, f -> new Checkpoints(new WorkspaceFiles(f, ownBlobs)));
            }
        }
        synchronized (OPEN) {
            Checkpoints c = shared.byFolder.get(w);
            if (c == null) {
                try {
                    c = new Checkpoints(new WorkspaceFiles(w, shared.blobs), new StoredSteps(shared.blobs, w));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("the checkpoints of " + w + " cannot be read from " + folder + ": " + e.getMessage(), e);
                }
                shared.byFolder.put(w, c);
            }
            return c;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (OPEN) {
            if (closed) {
                return;
            }
            closed = true;
            if (shared != null && --shared.users == 0) {
                OPEN.values().remove(shared);
                shared.artifacts.close();
            }
        }
        if (shared == null) {
            ownFolders.clear();
            delete(folder);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
