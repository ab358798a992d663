package dev.symphony.pit.artifact.internal;

import static dev.symphony.pit.artifact.internal.LogRecords.*;

import java.util.Arrays;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.IntHashSet;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import dev.symphony.pit.artifact.api.ContentTier;
import dev.symphony.pit.artifact.api.RelationKind;
import dev.symphony.pit.artifact.internal.index.ContentTable;
import dev.symphony.pit.artifact.internal.index.MetadataFlyweight;
import dev.symphony.pit.artifact.internal.index.MetadataIndex;
import dev.symphony.pit.artifact.internal.index.RelationGraph;
import dev.symphony.pit.artifact.internal.index.StringTable;
import dev.symphony.pit.artifact.internal.wal.FrameHandler;
import dev.symphony.pit.artifact.internal.wal.WalDescriptor;

/**
 * Everything the log implies, in memory. {@link #onFrame} is the only way state changes, both when the log
 * is replayed on open and right after a live append, so a reopened store is exactly the store that was
 * closed (or killed).
 */
final class StoreState implements FrameHandler {
    final MetadataIndex index = new MetadataIndex();
    final ContentTable contents = new ContentTable();
    final RelationGraph relations = new RelationGraph();
    final StringTable strings = new StringTable();
    final Int2ObjectHashMap<LongArrayList> versionsByName = new Int2ObjectHashMap<>();
    private final ArchiveFolder archive;
    private final MetadataFlyweight record = new MetadataFlyweight();
    private final MetadataFlyweight other = new MetadataFlyweight();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private long[] deadBytes = new long[16];
    long localBytes;
    long archivedBytes;
    long maxId;
    /**
     * False while the log is replayed on open. An archive file is deleted when its last holder is
     * purged, but a replayed purge must not delete it at once: the same content may have been put
     * and archived again later in the log (same hash, same file), and replay reaches that only
     * afterwards. Such deletions wait for {@link #replayed}, which keeps the files still archived.
     */
    private boolean live;
    private final IntHashSet purgedDuringReplay = new IntHashSet();

    StoreState(ArchiveFolder archive) {
        this.archive = archive;
    }

    @Override
    public void onFrame(int segment, long fileOffset, byte[] bytes, int frameOffset, int frameLength) {
        view.wrap(bytes, frameOffset, frameLength);
        switch (WalDescriptor.type(bytes, frameOffset)) {
            case PUT -> applyPut(segment, fileOffset, bytes, frameOffset);
            case RELATE -> relate(view.getLong(REL_FROM, ORDER), view.getByte(REL_KIND), view.getLong(REL_TO, ORDER));
            case SCORE -> applyScore();
            case ARCHIVE -> applyArchive(bytes, frameOffset);
            case PURGE -> applyPurge();
            default -> { } // a newer record type from a later version: skipped, still kept in the log
        }
    }

    private void applyPut(int segment, long fileOffset, byte[] bytes, int frameOffset) {
        long id = view.getLong(PUT_ID, ORDER);
        int contentFlags = view.getByte(PUT_CONTENT_FLAGS) & 0xFF;
        int slot = contents.find(bytes, frameOffset + PUT_HASH);
        if (slot < 0) {
            slot = contents.add(bytes, frameOffset + PUT_HASH, view.getLong(PUT_RAW_LENGTH, ORDER));
        }
        int i = putStringsOffset(view);
        int nameId = strings.intern(getString(view, i));
        i = skipString(view, i);
        int mediaTypeId = strings.intern(getString(view, i));
        i = skipString(view, i);
        int producerId = strings.intern(getString(view, i));
        i = skipString(view, i);
        int runId = strings.intern(getString(view, i));
        i = skipString(view, i);
        int nodeId = strings.intern(getString(view, i));
        i = skipString(view, i);
        if ((contentFlags & HAS_CONTENT) != 0) {
            int storedLength = view.getInt(i, ORDER);
            long contentOffset = fileOffset + i + 4;
            if (contents.tier(slot) == ContentTier.LOCAL) {
                addDead(segment, storedLength); // a second copy (cannot happen today; harmless if it does)
            } else {
                leaveTier(slot);
                contents.setLocal(slot, segment, contentOffset, storedLength, contentFlags & 0x0F);
                localBytes += storedLength;
            }
        }
        contents.addHolder(slot, 1);

        long committedAt = view.getLong(PUT_COMMITTED_AT, ORDER);
        index.put(id, record).committedAtMs(committedAt).lastAccessMs(committedAt)
                .startedAtMs(view.getLong(PUT_STARTED_AT, ORDER)).finishedAtMs(view.getLong(PUT_FINISHED_AT, ORDER))
                .costMicros(view.getLong(PUT_COST, ORDER)).contentSlot(slot).nameId(nameId).mediaTypeId(mediaTypeId)
                .producerId(producerId).runId(runId).nodeId(nodeId).kind(view.getByte(PUT_KIND));
        LongArrayList versions = versionsByName.computeIfAbsent(nameId, k -> new LongArrayList());
        long previous = versions.isEmpty() ? 0 : versions.getLong(versions.size() - 1);
        versions.addLong(id);
        record.version(versions.size()).supersedes(previous);
        maxId = Math.max(maxId, id);
        int derivedCount = view.getInt(PUT_DERIVED_COUNT, ORDER);
        for (int d = 0; d < derivedCount; d++) {
            relate(id, RelationKind.DERIVED_FROM.ordinal(), view.getLong(PUT_DERIVED + 8 * d, ORDER));
        }
        if (previous != 0) {
            relate(id, RelationKind.SUPERSEDES.ordinal(), previous);
        }
    }

    private void relate(long from, int kind, long to) {
        if (!index.get(from, record) || !index.get(to, other)) {
            return; // validated before append; unreachable unless the log was edited by hand
        }
        relations.add(record, kind, other);
        if (kind == RelationKind.SUPERSEDES.ordinal() && other.supersededBy() == 0) {
            other.supersededBy(from);
        }
    }

    private void applyScore() {
        if (index.get(view.getLong(SCORE_ID, ORDER), record)) {
            record.quality(view.getFloat(SCORE_STRUCTURE, ORDER), view.getFloat(SCORE_SEMANTICS, ORDER),
                    view.getFloat(SCORE_UTILITY, ORDER));
        }
    }

    private void applyArchive(byte[] bytes, int frameOffset) {
        int slot = contents.find(bytes, frameOffset + ARCHIVE_HASH);
        if (slot < 0) {
            return;
        }
        leaveTier(slot);
        int storedLength = view.getInt(ARCHIVE_STORED_LENGTH, ORDER);
        contents.setArchived(slot, storedLength, view.getInt(ARCHIVE_CODEC_FLAGS, ORDER));
        archivedBytes += storedLength;
    }

    private void applyPurge() {
        if (!index.get(view.getLong(PURGE_ID, ORDER), record)
                || (record.flags() & MetadataFlyweight.FLAG_PURGED) != 0) {
            return;
        }
        record.flags(record.flags() | MetadataFlyweight.FLAG_PURGED);
        int slot = record.contentSlot();
        contents.addHolder(slot, -1);
        if (contents.holders(slot) == 0) {
            if (contents.tier(slot) == ContentTier.ARCHIVED) {
                if (live) {
                    archive.delete(contents.hashHex(slot));
                } else {
                    purgedDuringReplay.add(slot);
                }
            }
            leaveTier(slot);
            contents.setTier(slot, ContentTier.PURGED);
        }
    }

    /**
     * The log has been replayed: archive files of contents purged in it and not archived again since
     * are deleted (again, if a crash came between the purge record and the deletion), and from now
     * on purges delete at once.
     */
    void replayed() {
        purgedDuringReplay.forEach(slot -> {
            if (contents.tier(slot) != ContentTier.ARCHIVED) {
                archive.delete(contents.hashHex(slot));
            }
        });
        purgedDuringReplay.clear();
        live = true;
    }

    /** Accounting when content leaves its tier: local bytes become dead in their segment. */
    private void leaveTier(int slot) {
        ContentTier tier = contents.tier(slot);
        if (tier == ContentTier.LOCAL) {
            localBytes -= contents.storedLength(slot);
            addDead(contents.segment(slot), contents.storedLength(slot));
        } else if (tier == ContentTier.ARCHIVED) {
            archivedBytes -= contents.storedLength(slot);
        }
    }

    private void addDead(int segment, long bytes) {
        if (segment >= deadBytes.length) {
            deadBytes = Arrays.copyOf(deadBytes, Math.max(segment + 1, deadBytes.length * 2));
        }
        deadBytes[segment] += bytes;
    }

    long deadBytes(int segment) {
        return segment < deadBytes.length ? deadBytes[segment] : 0;
    }

    void clearDead(int segment) {
        if (segment < deadBytes.length) {
            deadBytes[segment] = 0;
        }
    }
}
