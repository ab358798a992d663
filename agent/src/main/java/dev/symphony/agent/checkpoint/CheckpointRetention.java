package dev.symphony.agent.checkpoint;

import dev.symphony.conductor.run.RunRetention;
import dev.symphony.pit.stale.api.DiskBudget;
import dev.symphony.pit.stale.api.RetentionPolicy;
import java.io.IOException;
import java.time.Duration;

/**
 * The checkpoints' retention rule, applied to the checkpoint store when it is opened: steps older than
 * {@link #keepSteps} and the oldest beyond {@link #maxSteps} per workspace are dropped from its list
 * ({@link StoredSteps#prune}); then the Pit's stale manager, through the conductor's {@link RunRetention} over the
 * store's artifacts (no run journals there), ages every artifact by its last access with {@link #policy} and
 * {@link #budget}: a copy no kept step names goes to the store's archive after a week and is deleted after
 * {@code keepSteps}, or sooner when the archive budget needs room; a copy a kept step names is never deleted (the list
 * is derived from it), nor is a list (kept as an unfinished run's). Deleted content leaves the store's log at its next
 * compaction, done after a sweep that deleted something.
 */
public record CheckpointRetention(Duration keepSteps, int maxSteps, RetentionPolicy policy, DiskBudget budget) {
    /** What one sweep did. */
    public record Report(int stepsDropped, int archived, int deleted) {
    }

    /**
     * Steps kept 30 days and at most 200 per workspace; copies hot a day, local a week, deleted 30 days after their
     * last use (unless a kept step names them); 1 GiB local, 1 GiB archived.
     */
    public static CheckpointRetention defaults() {
        Duration keep = Duration.ofDays(30);
        return new CheckpointRetention(keep, 200, new RetentionPolicy(Duration.ofDays(1), Duration.ofDays(7), keep, 0f),
                new DiskBudget(1L << 30, 1L << 30));
    }

    Report sweep(StoreBlobs blobs, java.nio.file.Path root) throws IOException {
        synchronized (blobs.artifacts()) {
            int dropped = StoredSteps.prune(blobs, blobs.clock().time() - keepSteps.toMillis(), maxSteps);
            RunRetention.Report moved = new RunRetention(blobs.artifacts(), root.resolve("no-runs"), policy, budget, blobs.clock())
                    .keeping(java.util.Set.of(StoredSteps.RUN)).sweep();
            if (moved.deleted() > 0) {
                blobs.artifacts().store().compact();
            }
            blobs.sync();
            return new Report(dropped, moved.archived(), moved.deleted());
        }
    }
}
