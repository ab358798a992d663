package dev.symphony.conductor.learning;

import dev.symphony.pit.stale.api.DiskBudget;
import dev.symphony.pit.stale.api.ItemKind;
import dev.symphony.pit.stale.api.RetentionPolicy;
import dev.symphony.pit.stale.api.StaleManager;
import dev.symphony.pit.stale.api.StaleManagerContext;
import dev.symphony.pit.stale.api.Tier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.agrona.concurrent.EpochClock;

/**
 * Keeps the real-run training data within its retention rules by handing every run file to the Pit's stale
 * manager ({@link ItemKind#TRAINING_DATA}, the file's modification time as its last access, the header's
 * training value) and performing the moves it decides: WARM → COLD moves the file to the archive folder,
 * COLD → DELETED deletes it. A valuable run (training value 1, boost 3 by default) stays local four times
 * longer than a worthless one. The stale manager's catalog is in memory, so each sweep re-tracks the folder.
 */
public final class TrainingRetention {
    /** What one sweep did. */
    public record Report(int tracked, int archived, int deleted) {
    }

    private final TrainingData data;
    private final RetentionPolicy policy;
    private final DiskBudget budget;
    private final EpochClock clock;

    public TrainingRetention(TrainingData data, RetentionPolicy policy, DiskBudget budget, EpochClock clock) {
        this.data = data;
        this.policy = policy;
        this.budget = budget;
        this.clock = clock;
    }

    /** The seed's rules (a day hot, a month local, archived until the archive budget needs room). */
    public static TrainingRetention defaults(TrainingData data) {
        return new TrainingRetention(data, RetentionPolicy.defaults(), new DiskBudget(256L << 20, 1L << 30),
                org.agrona.concurrent.SystemEpochClock.INSTANCE);
    }

    public Report sweep() throws IOException {
        int[] moved = new int[2];
        StaleManager manager = StaleManager.create(new StaleManagerContext().epochClock(clock).policy(policy).budget(budget)
                .sweepIntervalMs(0).mover((handle, kind, key, externalId, from, to) -> move(key, from, to, moved)));
        List<Path> local = data.localFiles();
        List<Path> archived = data.archivedFiles();
        for (Path f : local) {
            track(manager, f, Tier.HOT);
        }
        for (Path f : archived) {
            track(manager, f, Tier.COLD);
        }
        int tracked = local.size() + archived.size();
        // Each sweep decides at most one move per item (HOT -> WARM -> COLD): sweep until nothing moves.
        for (int quiet = 0, rounds = 0; quiet < 2 && rounds < 16; rounds++) {
            quiet = manager.doWork() == 0 ? quiet + 1 : 0;
        }
        return new Report(tracked, moved[0], moved[1]);
    }

    private void track(StaleManager manager, Path f, Tier tier) throws IOException {
        int h = manager.track(ItemKind.TRAINING_DATA, (tier == Tier.COLD ? "archive/" : "") + f.getFileName(), 0,
                Files.size(f), Files.getLastModifiedTime(f).toMillis(), runOf(f), tier);
        manager.trainingValue(h, TrainingData.headerValue(f));
    }

    /** The run a file belongs to (finished: only finished runs are recorded). */
    private static String runOf(Path f) {
        String name = f.getFileName().toString();
        return "training:" + name.substring(0, name.length() - TrainingData.SUFFIX.length());
    }

    private boolean move(String key, Tier from, Tier to, int[] moved) {
        try {
            Path file = data.root().resolve(key);
            switch (to) {
                case COLD -> {
                    Files.createDirectories(data.archive());
                    Files.move(file, data.archive().resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    moved[0]++;
                }
                case DELETED -> {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(data.archive().resolve(file.getFileName()));
                    moved[1]++;
                }
                default -> {
                    // HOT -> WARM: the file stays where it is
                }
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false; // retried on a later sweep
        }
    }
}
