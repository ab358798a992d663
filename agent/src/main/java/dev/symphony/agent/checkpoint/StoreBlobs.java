package dev.symphony.agent.checkpoint;

import dev.symphony.conductor.run.RunArtifacts;
import dev.symphony.pit.artifact.api.ArtifactDraft;
import dev.symphony.pit.artifact.api.ArtifactKind;
import dev.symphony.pit.artifact.api.ArtifactStore;
import dev.symphony.pit.artifact.api.ArtifactStoreException;
import dev.symphony.pit.artifact.api.ContentTier;
import dev.symphony.pit.artifact.api.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import org.agrona.concurrent.EpochClock;

/**
 * Checkpoint copies in the Pit's artifact store (content-addressed, deduplicated, compressed, AES-256-GCM encrypted; see
 * {@code pit/artifact-store}): one artifact per content, named {@value #PREFIX}{@code <SHA-256>}, put only when no
 * copy of that content is held (a pruned one is put again). The store is shared through {@link RunArtifacts}, which
 * serializes access and holds the store's file lock; whatever this class does with the store it does holding the
 * {@code RunArtifacts} monitor, as the conductor's retention does.
 */
public final class StoreBlobs implements Blobs {
    static final String PREFIX = "checkpoint/blob/";
    static final String PRODUCER = "symphony.agent.checkpoints";
    private final RunArtifacts artifacts;
    private final Path root;
    private final EpochClock clock;

    StoreBlobs(RunArtifacts artifacts, Path root, EpochClock clock) {
        this.artifacts = artifacts;
        this.root = root;
        this.clock = clock;
    }

    RunArtifacts artifacts() {
        return artifacts;
    }

    EpochClock clock() {
        return clock;
    }

    @Override
    public String put(byte[] bytes) throws IOException {
        String hash = BlobStore.hash(bytes);
        synchronized (artifacts) {
            long id = artifacts.store().latest(PREFIX + hash);
            if (id == 0 || artifacts.store().tier(id) == ContentTier.PURGED) {
                putVersion(PREFIX + hash, "", bytes, new long[0]);
            }
        }
        return hash;
    }

    /**
     * Puts {@code bytes} as the next version of {@code name} (its provenance naming {@code run}), derived from the
     * artifacts {@code derivedFrom}, and purges the version it supersedes (nothing reads an older list); returns its id.
     */
    long putVersion(String name, String run, byte[] bytes, long[] derivedFrom) throws IOException {
        synchronized (artifacts) {
            ArtifactStore store = artifacts.store();
            try {
                long previous = store.latest(name);
                long now = clock.time();
                long id = store.put(new ArtifactDraft(name, ArtifactKind.INTERMEDIATE, "application/octet-stream", bytes,
                        new Provenance(PRODUCER, run, "", now, now, 0), derivedFrom));
                if (previous != 0 && store.tier(previous) != ContentTier.PURGED) {
                    store.purge(previous, PRODUCER, "superseded by version " + id);
                }
                return id;
            } catch (ArtifactStoreException e) {
                throw new IOException("the checkpoint store " + root + " cannot keep " + name + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public byte[] read(String name) throws IOException {
        if (!name.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a checkpoint copy's name: " + name);
        }
        return read(PREFIX + name, "the checkpoint's copy " + name);
    }

    /** The newest version of {@code name}; an IOException says {@code what} is gone (never kept, or pruned) or damaged. */
    byte[] read(String name, String what) throws IOException {
        synchronized (artifacts) {
            ArtifactStore store = artifacts.store();
            long id = store.latest(name);
            if (id == 0 || store.tier(id) == ContentTier.PURGED) {
                throw new IOException(what + " is not in the checkpoint store " + root + (id == 0 ? "" : " (pruned by its retention)"));
            }
            try {
                return store.read(id);
            } catch (ArtifactStoreException e) {
                throw new IOException(what + " in the checkpoint store " + root + " cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /** The id of the copy of content {@code hash}, 0 when none is held. */
    long id(String hash) {
        synchronized (artifacts) {
            ArtifactStore store = artifacts.store();
            long id = store.latest(PREFIX + hash);
            return id != 0 && store.tier(id) != ContentTier.PURGED ? id : 0;
        }
    }

    /** Makes what was put so far survive a power loss (the store fsyncs in batches otherwise). */
    void sync() {
        artifacts.sync();
    }
}
