package dev.symphony.pit.artifact.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * Configuration of an {@link ArtifactStore}: fluent setters, {@link #conclude()} fills defaults and validates.
 *
 * <p>Fsync batching: a put is appended to the log at once (so it survives a process kill, which leaves the
 * page cache intact) and becomes <em>committed</em> (survives power loss) at the next fsync, which happens
 * when {@link #syncBatchRecords()} records are pending, when the oldest pending record is
 * {@link #syncIntervalNs()} old and the store's agent runs, or when the caller calls {@link ArtifactStore#sync()}.
 */
public final class ArtifactStoreContext {
    private Path root;
    private Path archiveDir;
    private EpochClock epochClock;
    private NanoClock nanoClock;
    private int syncBatchRecords = 32;
    private long syncIntervalNs = TimeUnit.MILLISECONDS.toNanos(2);
    private long segmentBytes = 64L << 20;
    private int compressionLevel = 1;
    private ArtifactKeySource keySource;
    private boolean concluded;

    /** The store's folder (the IDE passes {@code SymphonyPaths.resolve().data("artifacts")}). Required. */
    public ArtifactStoreContext root(Path root) {
        this.root = root;
        return this;
    }

    public Path root() {
        return root;
    }

    /** The cold tier: where archived content goes. Default {@code <root>/archive}. */
    public ArtifactStoreContext archiveDir(Path archiveDir) {
        this.archiveDir = archiveDir;
        return this;
    }

    public Path archiveDir() {
        return archiveDir;
    }

    public ArtifactStoreContext epochClock(EpochClock epochClock) {
        this.epochClock = epochClock;
        return this;
    }

    public EpochClock epochClock() {
        return epochClock;
    }

    public ArtifactStoreContext nanoClock(NanoClock nanoClock) {
        this.nanoClock = nanoClock;
        return this;
    }

    public NanoClock nanoClock() {
        return nanoClock;
    }

    /** Fsync at the latest after this many pending records (1 = fsync every record). */
    public ArtifactStoreContext syncBatchRecords(int syncBatchRecords) {
        this.syncBatchRecords = syncBatchRecords;
        return this;
    }

    public int syncBatchRecords() {
        return syncBatchRecords;
    }

    /** Fsync pending records once the oldest is this old (checked in {@code doWork()}). */
    public ArtifactStoreContext syncIntervalNs(long syncIntervalNs) {
        this.syncIntervalNs = syncIntervalNs;
        return this;
    }

    public long syncIntervalNs() {
        return syncIntervalNs;
    }

    /** Size at which the log rolls to a new segment file; sealed segments can be compacted. */
    public ArtifactStoreContext segmentBytes(long segmentBytes) {
        this.segmentBytes = segmentBytes;
        return this;
    }

    public long segmentBytes() {
        return segmentBytes;
    }

    /** Deflate level 0 (store) to 9; 1 is the measured best speed/size trade-off for JSON and text. */
    public ArtifactStoreContext compressionLevel(int compressionLevel) {
        this.compressionLevel = compressionLevel;
        return this;
    }

    public int compressionLevel() {
        return compressionLevel;
    }

    /**
     * Where the store's key is kept (the IDE and the CLI pass one backed by the user's secret store). Default: the
     * key file {@code <root>.key} beside the store's folder — never inside it.
     */
    public ArtifactStoreContext keySource(ArtifactKeySource keySource) {
        this.keySource = keySource;
        return this;
    }

    public ArtifactKeySource keySource() {
        return keySource;
    }

    /** Fills defaults and validates; called by {@link ArtifactStore#open}. Idempotent. */
    public ArtifactStoreContext conclude() {
        if (concluded) {
            return this;
        }
        Objects.requireNonNull(root, "ArtifactStoreContext.root must be set (the store's data folder)");
        root = root.toAbsolutePath().normalize();
        archiveDir = archiveDir == null ? root.resolve("archive") : archiveDir.toAbsolutePath().normalize();
        keySource = keySource == null ? ArtifactKeyFactory.file(root.resolveSibling(root.getFileName() + ".key")) : keySource;
        epochClock = epochClock == null ? SystemEpochClock.INSTANCE : epochClock;
        nanoClock = nanoClock == null ? SystemNanoClock.INSTANCE : nanoClock;
        if (syncBatchRecords < 1) {
            throw new IllegalArgumentException("syncBatchRecords must be >= 1 but was " + syncBatchRecords);
        }
        if (syncIntervalNs < 0) {
            throw new IllegalArgumentException("syncIntervalNs must be >= 0 but was " + syncIntervalNs);
        }
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segmentBytes must be >= 4096 but was " + segmentBytes);
        }
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException("compressionLevel must be 0..9 but was " + compressionLevel);
        }
        concluded = true;
        return this;
    }

    @Override
    public String toString() {
        return "ArtifactStoreContext{root=" + root + ", archiveDir=" + archiveDir + ", syncBatchRecords="
                + syncBatchRecords + ", syncIntervalNs=" + syncIntervalNs + ", segmentBytes=" + segmentBytes
                + ", compressionLevel=" + compressionLevel + '}';
    }
}
