package dev.symphony.pit.artifact.api;

import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.agrona.concurrent.Agent;

import dev.symphony.pit.artifact.internal.DefaultArtifactStore;

/**
 * Every workflow input, intermediate and output: content-addressed (SHA-256, deduplicated), compressed,
 * AES-256-GCM encrypted at rest, versioned, related, with provenance, quality scores and an audit trail.
 *
 * <p>Single-threaded, like an Agrona agent: one thread owns the store (the conductor's, or an
 * {@code AgentRunner} running it as an {@link Agent} whose {@code doWork()} performs batched fsyncs).
 * Metadata lookups are served from an in-memory index; content reads verify a CRC, the GCM tag and the SHA-256.
 */
public interface ArtifactStore extends Agent, AutoCloseable {

    /** Opens (creating if needed) the store in {@code context.root()}, replaying and repairing its log. */
    static ArtifactStore open(ArtifactStoreContext context) {
        return DefaultArtifactStore.open(context.conclude());
    }

    /**
     * Appends an artifact to the log and indexes it; returns its id (ids increase by one per put).
     * Content equal to existing local content is stored once. Durable at the next fsync (see {@link #isCommitted}).
     */
    long put(ArtifactDraft draft);

    /** Fsyncs everything appended so far; afterwards every id returned by {@link #put} is committed. */
    void sync();

    /** True once the artifact's log record has been fsynced. */
    boolean isCommitted(long artifactId);

    /** The artifact's content, verified (CRC, GCM tag, SHA-256); throws if unknown or purged. */
    byte[] read(long artifactId);

    boolean contains(long artifactId);

    Optional<ArtifactInfo> info(long artifactId);

    /** All versions of a name, oldest first (empty if none). */
    long[] versions(String name);

    /** The newest version of a name, 0 if none. */
    long latest(String name);

    /** Records {@code from --kind--> to}; both must exist. SUPERSEDES marks {@code to} as no longer live. */
    void relate(long from, RelationKind kind, long to, String actor);

    /** Targets of {@code id}'s outgoing edges of a kind (e.g. what it was derived from). */
    long[] related(long artifactId, RelationKind kind);

    /** Sources of edges of a kind that point at {@code id} (e.g. what was derived from it). */
    long[] relatedFrom(long artifactId, RelationKind kind);

    /** The conductor's quality assessment; the last score wins, every score is audited. */
    void score(long artifactId, QualityScores scores, String actor);

    /** Everything that happened to an artifact, oldest first (scans the log: not a hot path). */
    List<AuditEntry> auditTrail(long artifactId);

    ContentTier tier(long artifactId);

    /**
     * Moves the artifact's content to the archive folder (cold tier); reads stay transparent. Content shared
     * with other artifacts (deduplicated) moves for all of them. Local bytes are reclaimed by {@link #compact()}.
     * Returns the local bytes that became reclaimable (0 if already archived or purged).
     */
    long archive(long artifactId, String actor);

    /**
     * Deletes the artifact's content as a last resort (metadata, provenance and audit remain). Shared content
     * is deleted only when no other artifact still holds it. Returns bytes that became reclaimable.
     */
    long purge(long artifactId, String actor, String reason);

    /** Rewrites sealed log segments without archived/purged content; returns bytes freed on disk. */
    long compact();

    /** Bytes of content held in the local log (live and not yet compacted). */
    long localContentBytes();

    /** Bytes of content in the archive folder. */
    long archivedContentBytes();

    long artifactCount();

    /** Visits every artifact id in commit order, without allocating. */
    void forEachArtifact(LongConsumer consumer);

    RecoveryReport recoveryReport();

    /** Fsyncs pending records once the oldest is {@code syncIntervalNs} old; returns 1 if it did. */
    @Override
    int doWork();

    /** Fsyncs and closes files. */
    @Override
    void close();
}
