package dev.symphony.pit.artifact.internal;

import static dev.symphony.pit.artifact.internal.LogRecords.*;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;

import dev.symphony.pit.artifact.api.ArtifactDraft;
import dev.symphony.pit.artifact.api.ArtifactInfo;
import dev.symphony.pit.artifact.api.ArtifactKind;
import dev.symphony.pit.artifact.api.ArtifactStore;
import dev.symphony.pit.artifact.api.ArtifactStoreContext;
import dev.symphony.pit.artifact.api.ArtifactStoreException;
import dev.symphony.pit.artifact.api.AuditEntry;
import dev.symphony.pit.artifact.api.ContentTier;
import dev.symphony.pit.artifact.api.Provenance;
import dev.symphony.pit.artifact.api.QualityScores;
import dev.symphony.pit.artifact.api.RecoveryReport;
import dev.symphony.pit.artifact.api.RelationKind;
import dev.symphony.pit.artifact.internal.codec.ContentCodec;
import dev.symphony.pit.artifact.internal.codec.StoreKey;
import dev.symphony.pit.artifact.internal.index.MetadataFlyweight;
import dev.symphony.pit.artifact.internal.wal.WalDescriptor;
import dev.symphony.pit.artifact.internal.wal.WalLog;

/** The {@link ArtifactStore}: builds log frames, appends them, applies them to {@link StoreState}. */
public final class DefaultArtifactStore implements ArtifactStore {
    private final ArtifactStoreContext context;
    private final EpochClock epochClock;
    private final NanoClock nanoClock;
    private final ContentCodec codec;
    private final ArchiveFolder archive;
    private final StoreState state;
    private final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(8192);
    private final MetadataFlyweight record = new MetadataFlyweight();
    private final byte[] hash = new byte[ContentCodec.HASH_LENGTH];
    private final LongArrayList ids = new LongArrayList();
    private final int[] archiveFlags = new int[1];
    private byte[] readScratch = new byte[8192];
    private WalLog wal;
    private long lastAppendedId;
    private long committedThroughId;
    private int pendingRecords;
    private long firstPendingNs;

    private DefaultArtifactStore(ArtifactStoreContext context) {
        this.context = context;
        this.epochClock = context.epochClock();
        this.nanoClock = context.nanoClock();
        this.codec = new ContentCodec(StoreKey.open(context.root(), context.keySource()), context.compressionLevel());
        this.archive = new ArchiveFolder(context.archiveDir());
        this.state = new StoreState(archive);
    }

    public static DefaultArtifactStore open(ArtifactStoreContext context) {
        try {
            Files.createDirectories(context.root());
        } catch (IOException e) {
            throw new ArtifactStoreException("cannot create the artifact store folder " + context.root() + ": "
                    + e.getMessage(), e);
        }
        DefaultArtifactStore store = new DefaultArtifactStore(context);
        store.wal = WalLog.open(context.root().resolve("wal"), context.segmentBytes(), store.state);
        store.state.replayed();
        store.lastAppendedId = store.state.maxId;
        store.committedThroughId = store.state.maxId; // replayed records were read from disk
        return store;
    }

    @Override
    public long put(ArtifactDraft draft) {
        for (long d : draft.derivedFrom()) {
            requireArtifact(d, "derivedFrom");
        }
        byte[] content = draft.content();
        codec.hash(content, hash);
        int slot = state.contents.find(hash, 0);
        boolean writeContent = slot < 0 || state.contents.tier(slot) == ContentTier.PURGED;
        if (writeContent) {
            codec.encode(content, hash);
        }
        long id = state.maxId + 1;
        Provenance p = draft.provenance();
        long[] derived = draft.derivedFrom();
        frame.putLong(PUT_ID, id, ORDER);
        frame.putLong(PUT_COMMITTED_AT, epochClock.time(), ORDER);
        frame.putLong(PUT_STARTED_AT, p.startedAtMs(), ORDER);
        frame.putLong(PUT_FINISHED_AT, p.finishedAtMs(), ORDER);
        frame.putLong(PUT_COST, p.costMicros(), ORDER);
        frame.putLong(PUT_RAW_LENGTH, content.length, ORDER);
        frame.putByte(PUT_KIND, (byte) draft.kind().ordinal());
        frame.putByte(PUT_CONTENT_FLAGS, (byte) (writeContent ? HAS_CONTENT | codec.storedFlags() : 0));
        frame.putBytes(PUT_HASH, hash);
        frame.putInt(PUT_DERIVED_COUNT, derived.length, ORDER);
        int i = PUT_DERIVED;
        for (long d : derived) {
            frame.putLong(i, d, ORDER);
            i += 8;
        }
        i = putString(frame, i, draft.name());
        i = putString(frame, i, draft.mediaType());
        i = putString(frame, i, p.producer());
        i = putString(frame, i, p.melodyRun());
        i = putString(frame, i, p.node());
        if (writeContent) {
            frame.putInt(i, codec.storedLength(), ORDER);
            frame.putBytes(i + 4, codec.stored(), 0, codec.storedLength());
            i += 4 + codec.storedLength();
        }
        append(PUT, i);
        lastAppendedId = id;
        return id;
    }

    /** Seals, appends and applies the frame in {@link #frame}, then applies the fsync batching policy. */
    private void append(int type, int length) {
        byte[] bytes = frame.byteArray();
        WalDescriptor.seal(bytes, length, type);
        long offset = wal.append(bytes, length);
        state.onFrame(wal.activeSegment(), offset, bytes, 0, length);
        if (pendingRecords++ == 0) {
            firstPendingNs = nanoClock.nanoTime();
        }
        if (pendingRecords >= context.syncBatchRecords()) {
            sync();
        }
    }

    @Override
    public void sync() {
        wal.sync();
        committedThroughId = lastAppendedId;
        pendingRecords = 0;
    }

    @Override
    public int doWork() {
        if (pendingRecords > 0 && nanoClock.nanoTime() - firstPendingNs >= context.syncIntervalNs()) {
            sync();
            return 1;
        }
        return 0;
    }

    @Override
    public String roleName() {
        return "artifact-store";
    }

    @Override
    public boolean isCommitted(long artifactId) {
        return artifactId <= committedThroughId && state.index.contains(artifactId);
    }

    @Override
    public byte[] read(long artifactId) {
        requireArtifact(artifactId, "read");
        if ((record.flags() & MetadataFlyweight.FLAG_PURGED) != 0) {
            throw new ArtifactStoreException("artifact " + artifactId + " (" + state.strings.get(record.nameId())
                    + ") was purged by the retention policy; its metadata and audit trail remain");
        }
        record.lastAccessMs(epochClock.time());
        int slot = record.contentSlot();
        var contents = state.contents;
        String where = "artifact " + artifactId;
        return switch (contents.tier(slot)) {
            case LOCAL -> {
                int length = contents.storedLength(slot);
                if (readScratch.length < length) {
                    readScratch = new byte[Math.max(length, readScratch.length * 2)];
                }
                wal.read(contents.segment(slot), contents.offset(slot), readScratch, length);
                yield codec.decode(readScratch, 0, length, contents.codecFlags(slot), contents.rawLength(slot),
                        contents.hashes(), contents.hashOffset(slot), where + " in " + wal.segmentFile(contents.segment(slot)));
            }
            case ARCHIVED -> {
                byte[] stored = archive.read(contents.hashHex(slot), archiveFlags, where);
                yield codec.decode(stored, 0, stored.length, archiveFlags[0], contents.rawLength(slot),
                        contents.hashes(), contents.hashOffset(slot), where + " in " + archive.file(contents.hashHex(slot)));
            }
            case PURGED -> throw new ArtifactStoreException("the content of " + where + " is no longer stored");
        };
    }

    @Override
    public boolean contains(long artifactId) {
        return state.index.contains(artifactId);
    }

    @Override
    public Optional<ArtifactInfo> info(long id) {
        if (!state.index.get(id, record)) {
            return Optional.empty();
        }
        var s = state.strings;
        int slot = record.contentSlot();
        Provenance provenance = new Provenance(s.get(record.producerId()), s.get(record.runId()), s.get(record.nodeId()),
                record.startedAtMs(), record.finishedAtMs(), record.costMicros());
        return Optional.of(new ArtifactInfo(id, s.get(record.nameId()), record.version(), ArtifactKind.of(record.kind()),
                s.get(record.mediaTypeId()), state.contents.hashHex(slot), state.contents.rawLength(slot),
                state.contents.storedLength(slot), tierOf(record), provenance, record.committedAtMs(),
                record.lastAccessMs(), record.supersedes(), record.supersededBy(),
                new QualityScores(record.structure(), record.semantics(), record.utility())));
    }

    @Override
    public long[] versions(String name) {
        int nameId = state.strings.find(name);
        LongArrayList list = nameId < 0 ? null : state.versionsByName.get(nameId);
        return list == null ? new long[0] : list.toLongArray();
    }

    @Override
    public long latest(String name) {
        long[] all = versions(name);
        return all.length == 0 ? 0 : all[all.length - 1];
    }

    @Override
    public void relate(long from, RelationKind kind, long to, String actor) {
        requireArtifact(to, "relate target");
        requireArtifact(from, "relate source");
        if (from == to) {
            throw new IllegalArgumentException("an artifact cannot be related to itself (" + from + ")");
        }
        frame.putLong(REL_FROM, from, ORDER);
        frame.putLong(REL_TO, to, ORDER);
        frame.putLong(REL_AT, epochClock.time(), ORDER);
        frame.putByte(REL_KIND, (byte) kind.ordinal());
        append(RELATE, putString(frame, REL_ACTOR, actor));
    }

    @Override
    public long[] related(long artifactId, RelationKind kind) {
        requireArtifact(artifactId, "related");
        state.relations.outgoing(record, kind.ordinal(), ids);
        return ids.toLongArray();
    }

    @Override
    public long[] relatedFrom(long artifactId, RelationKind kind) {
        requireArtifact(artifactId, "relatedFrom");
        state.relations.incoming(record, kind.ordinal(), ids);
        return ids.toLongArray();
    }

    @Override
    public void score(long artifactId, QualityScores scores, String actor) {
        requireArtifact(artifactId, "score");
        frame.putLong(SCORE_ID, artifactId, ORDER);
        frame.putLong(SCORE_AT, epochClock.time(), ORDER);
        frame.putFloat(SCORE_STRUCTURE, scores.structure(), ORDER);
        frame.putFloat(SCORE_SEMANTICS, scores.semantics(), ORDER);
        frame.putFloat(SCORE_UTILITY, scores.utility(), ORDER);
        append(SCORE, putString(frame, SCORE_ACTOR, actor));
    }

    @Override
    public List<AuditEntry> auditTrail(long artifactId) {
        requireArtifact(artifactId, "auditTrail");
        sync(); // the scan reads segment files; make sure it sees what this process appended
        return new AuditReader(state.contents, artifactId, record.contentSlot()).read(wal);
    }

    @Override
    public ContentTier tier(long artifactId) {
        requireArtifact(artifactId, "tier");
        return tierOf(record);
    }

    private ContentTier tierOf(MetadataFlyweight r) {
        return (r.flags() & MetadataFlyweight.FLAG_PURGED) != 0 ? ContentTier.PURGED : state.contents.tier(r.contentSlot());
    }

    @Override
    public long archive(long artifactId, String actor) {
        requireArtifact(artifactId, "archive");
        int slot = record.contentSlot();
        if (tierOf(record) != ContentTier.LOCAL) {
            return 0;
        }
        var contents = state.contents;
        int length = contents.storedLength(slot);
        byte[] stored = new byte[length];
        wal.read(contents.segment(slot), contents.offset(slot), stored, length);
        // Verify before archiving: a corrupt local copy must not silently become the only copy.
        codec.decode(stored, 0, length, contents.codecFlags(slot), contents.rawLength(slot), contents.hashes(),
                contents.hashOffset(slot), "artifact " + artifactId);
        archive.write(contents.hashHex(slot), contents.codecFlags(slot), contents.rawLength(slot), stored, length);
        frame.putLong(ARCHIVE_ID, artifactId, ORDER);
        frame.putLong(ARCHIVE_AT, epochClock.time(), ORDER);
        frame.putBytes(ARCHIVE_HASH, contents.hashes(), contents.hashOffset(slot), ContentCodec.HASH_LENGTH);
        frame.putInt(ARCHIVE_STORED_LENGTH, length, ORDER);
        frame.putInt(ARCHIVE_CODEC_FLAGS, contents.codecFlags(slot), ORDER);
        append(ARCHIVE, putString(frame, ARCHIVE_ACTOR, actor));
        sync(); // compaction may drop the local copy only once the archive record is durable
        return length;
    }

    @Override
    public long purge(long artifactId, String actor, String reason) {
        requireArtifact(artifactId, "purge");
        if ((record.flags() & MetadataFlyweight.FLAG_PURGED) != 0) {
            return 0;
        }
        int slot = record.contentSlot();
        long reclaimable = state.contents.holders(slot) == 1 && state.contents.tier(slot) != ContentTier.PURGED
                ? state.contents.storedLength(slot) : 0;
        frame.putLong(PURGE_ID, artifactId, ORDER);
        frame.putLong(PURGE_AT, epochClock.time(), ORDER);
        int end = putString(frame, PURGE_ACTOR, actor);
        append(PURGE, putString(frame, end, reason));
        sync();
        return reclaimable;
    }

    @Override
    public long compact() {
        sync();
        return new Compactor(wal, state).compact();
    }

    @Override
    public long localContentBytes() {
        return state.localBytes;
    }

    @Override
    public long archivedContentBytes() {
        return state.archivedBytes;
    }

    @Override
    public long artifactCount() {
        return state.index.size();
    }

    @Override
    public void forEachArtifact(LongConsumer consumer) {
        for (int slot = 0, n = state.index.size(); slot < n; slot++) {
            consumer.accept(state.index.idAt(slot));
        }
    }

    @Override
    public RecoveryReport recoveryReport() {
        return wal.recoveryReport();
    }

    private void requireArtifact(long id, String operation) {
        if (!state.index.get(id, record)) {
            throw new ArtifactStoreException(operation + ": no artifact with id " + id + " in " + context.root());
        }
    }

    @Override
    public void onClose() {
        close();
    }

    @Override
    public void close() {
        if (wal != null) {
            wal.close();
            committedThroughId = lastAppendedId;
            wal = null;
        }
    }
}
