package dev.symphony.pit.stale.artifacts;

import org.agrona.collections.Long2LongHashMap;

import dev.symphony.pit.artifact.api.ArtifactInfo;
import dev.symphony.pit.artifact.api.ArtifactStore;
import dev.symphony.pit.artifact.api.ContentTier;
import dev.symphony.pit.artifact.api.RelationKind;
import dev.symphony.pit.stale.api.ItemKind;
import dev.symphony.pit.stale.api.StaleManager;
import dev.symphony.pit.stale.api.Tier;
import dev.symphony.pit.stale.api.TierMover;

/**
 * Keeps a {@link StaleManager}'s view of an {@link ArtifactStore} current and performs its moves on the
 * store. {@link #sync()} (call it after the conductor wrote or scored artifacts, or on a timer) tracks new
 * artifacts, refreshes access times and training value, and recounts references: an artifact is referenced
 * while a live artifact (newest version, not purged) was derived from it. Superseded versions are not
 * references, so old versions can age out while the lineage of the current ones is kept.
 */
public final class ArtifactRetention implements TierMover {
    public static final String ACTOR = "stale-manager";

    private final ArtifactStore store;
    private StaleManager manager;
    private final Long2LongHashMap handleByArtifact = new Long2LongHashMap(-1L);
    private long movesSinceCompaction;

    public ArtifactRetention(ArtifactStore store) {
        this.store = store;
    }

    /** Binds the manager (which was created with this object as, or behind, its mover). */
    public ArtifactRetention manager(StaleManager manager) {
        this.manager = manager;
        return this;
    }

    /** Tracks new artifacts and refreshes what the manager knows; returns how many were newly tracked. */
    public int sync() {
        int[] added = {0};
        store.forEachArtifact(id -> {
            ArtifactInfo info = store.info(id).orElseThrow();
            long handle = handleByArtifact.get(id);
            if (handle < 0) {
                if (info.tier() == ContentTier.PURGED) {
                    return;
                }
                handle = manager.track(ItemKind.ARTIFACT, info.name(), id, info.storedSize(), info.lastAccessMs(),
                        info.provenance().melodyRun(), info.tier() == ContentTier.ARCHIVED ? Tier.COLD : Tier.HOT);
                handleByArtifact.put(id, handle);
                added[0]++;
            } else if (manager.tier((int) handle) == Tier.DELETED) {
                return;
            } else if (info.lastAccessMs() > 0) {
                manager.touchAt((int) handle, info.lastAccessMs());
            }
            float utility = info.quality().utility();
            manager.trainingValue((int) handle, Float.isNaN(utility) ? 0f : utility);
        });
        recountReferences();
        return added[0];
    }

    private void recountReferences() {
        Long2LongHashMap counts = new Long2LongHashMap(0L);
        store.forEachArtifact(id -> {
            ArtifactInfo info = store.info(id).orElseThrow();
            if (info.live()) {
                for (long target : store.related(id, RelationKind.DERIVED_FROM)) {
                    counts.put(target, counts.get(target) + 1);
                }
            }
        });
        handleByArtifact.forEachLong((id, handle) -> {
            if (manager.tier((int) handle) != Tier.DELETED) {
                manager.referenceCount((int) handle, (int) counts.get(id));
            }
        });
    }

    /** The handle of an artifact, or -1 if not tracked. */
    public int handle(long artifactId) {
        return (int) handleByArtifact.get(artifactId);
    }

    @Override
    public boolean move(int handle, ItemKind kind, String key, long artifactId, Tier from, Tier to) {
        switch (to) {
            case COLD -> store.archive(artifactId, ACTOR);
            case DELETED -> {
                store.purge(artifactId, ACTOR, "retention: archive over budget, unreferenced, age past the policy's window");
                handleByArtifact.remove(artifactId); // the manager reuses the handle
            }
            default -> {
                return true;
            }
        }
        if (++movesSinceCompaction >= 64) {
            compact();
        }
        return true;
    }

    /** Frees the log space of archived and purged content now (also done every 64 moves). */
    public long compact() {
        movesSinceCompaction = 0;
        return store.compact();
    }
}
