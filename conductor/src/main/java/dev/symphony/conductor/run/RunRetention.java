package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.pit.stale.api.DiskBudget;
import dev.symphony.pit.stale.api.ItemKind;
import dev.symphony.pit.stale.api.RetentionPolicy;
import dev.symphony.pit.stale.api.StaleManager;
import dev.symphony.pit.stale.api.StaleManagerContext;
import dev.symphony.pit.stale.api.Tier;
import dev.symphony.pit.stale.api.TierMover;
import dev.symphony.pit.stale.artifacts.ArtifactRetention;
import dev.symphony.pit.stale.movers.RoutingTierMover;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.agrona.concurrent.EpochClock;

/**
 * The Pit's stale manager keeps run journals and the runs' artifacts within their retention rules. Every run
 * folder under the runs root ({@link ItemKind#RUN_JOURNAL}, last access = its journal's last write) and every
 * artifact in the store ({@link ArtifactRetention}: access times, quality as training value, derived-from
 * references) are handed to one stale manager, which decides the moves: WARM → COLD archives (a journal folder
 * moves to {@code runs-archive/} beside the runs root, an artifact's content to the store's archive), COLD →
 * DELETED deletes (a journal folder; an artifact is purged, its provenance and audit stay). A run that is not
 * finished (running or paused: it may be resumed) keeps its journal and its artifacts. The store is locked
 * for the sweep ({@link RunArtifacts}).
 */
public final class RunRetention {
    /** What one sweep did. */
    public record Report(int journals, int artifacts, int archived, int deleted) {
    }

    private final RunArtifacts artifacts;
    private final Path runsRoot;
    private final RetentionPolicy policy;
    private final DiskBudget budget;
    private final EpochClock clock;
    private final java.util.Set<String> kept;

    public RunRetention(RunArtifacts artifacts, Path runsRoot, RetentionPolicy policy, DiskBudget budget, EpochClock clock) {
        this(artifacts, runsRoot, policy, budget, clock, java.util.Set.of());
    }

    private RunRetention(RunArtifacts artifacts, Path runsRoot, RetentionPolicy policy, DiskBudget budget, EpochClock clock,
                         java.util.Set<String> kept) {
        this.artifacts = artifacts;
        this.runsRoot = runsRoot;
        this.policy = policy;
        this.budget = budget;
        this.clock = clock;
        this.kept = kept;
    }

    /**
     * This retention, keeping the artifacts whose provenance names one of {@code runs} as those of an unfinished run
     * (never moved), and so what they were derived from (never deleted).
     */
    public RunRetention keeping(java.util.Set<String> runs) {
        return new RunRetention(artifacts, runsRoot, policy, budget, clock, java.util.Set.copyOf(runs));
    }

    /** The seed's rules (a day hot, a month local, archived until the archive budget needs room): 4 GiB local, 16 archived. */
    public static RunRetention defaults(RunArtifacts artifacts, Path runsRoot, EpochClock clock) {
        return new RunRetention(artifacts, runsRoot, RetentionPolicy.defaults(), new DiskBudget(4L << 30, 16L << 30), clock);
    }

    /** Where archived run folders go. */
    public Path archive() {
        return runsRoot.resolveSibling(runsRoot.getFileName() + "-archive");
    }

    public Report sweep() throws IOException {
        int[] moved = new int[2];
        synchronized (artifacts) {
            ArtifactRetention stored = new ArtifactRetention(artifacts.store());
            TierMover counting = (h, kind, key, id, from, to) -> count(stored.move(h, kind, key, id, from, to), to, moved);
            TierMover journals = (h, kind, key, id, from, to) -> count(moveJournal(key, to), to, moved);
            StaleManager manager = StaleManager.create(new StaleManagerContext().epochClock(clock).policy(policy).budget(budget)
                    .sweepIntervalMs(0).mover(new RoutingTierMover(Map.of(ItemKind.ARTIFACT, counting, ItemKind.RUN_JOURNAL, journals))));
            stored.manager(manager);
            int tracked = trackJournals(manager, runsRoot, Tier.HOT) + trackJournals(manager, archive(), Tier.COLD);
            int artifactCount = stored.sync();
            kept.forEach(manager::runStarted);
            // Each sweep decides at most one move per item (HOT -> WARM -> COLD -> DELETED): sweep until nothing moves.
            for (int quiet = 0, rounds = 0; quiet < 2 && rounds < 16; rounds++) {
                quiet = manager.doWork() == 0 ? quiet + 1 : 0;
            }
            return new Report(tracked, artifactCount, moved[0], moved[1]);
        }
    }

    private static boolean count(boolean ok, Tier to, int[] moved) {
        if (ok && to == Tier.COLD) {
            moved[0]++;
        } else if (ok && to == Tier.DELETED) {
            moved[1]++;
        }
        return ok;
    }

    private int trackJournals(StaleManager manager, Path root, Tier tier) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        List<Path> runs;
        try (Stream<Path> s = Files.list(root)) {
            runs = s.filter(p -> Files.isDirectory(p) && Files.exists(p.resolve("run.json"))).sorted().toList();
        }
        for (Path run : runs) {
            String runId = run.getFileName().toString();
            Path events = run.resolve("events.jsonl");
            long size = Files.exists(events) ? Files.size(events) : 0;
            long lastAccess = Files.getLastModifiedTime(Files.exists(events) ? events : run.resolve("run.json")).toMillis();
            manager.track(ItemKind.RUN_JOURNAL, runId, 0, size + Files.size(run.resolve("run.json")), lastAccess, runId, tier);
            if (!finished(run)) {
                manager.runStarted(runId); // running or paused: its journal and artifacts stay
            }
        }
        return runs.size();
    }

    private static boolean finished(Path run) {
        try {
            JsonNode info = RunJournal.JSON.readTree(run.resolve("run.json").toFile());
            String status = info.path("status").asText();
            return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled");
        } catch (IOException e) {
            return false; // unreadable: keep it for a person to look at
        }
    }

    private boolean moveJournal(String runId, Tier to) {
        try {
            switch (to) {
                case COLD -> {
                    Files.createDirectories(archive());
                    Files.move(runsRoot.resolve(runId), archive().resolve(runId), StandardCopyOption.REPLACE_EXISTING);
                }
                case DELETED -> {
                    deleteTree(runsRoot.resolve(runId));
                    deleteTree(archive().resolve(runId));
                }
                default -> {
                    // HOT -> WARM: the folder stays where it is
                }
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false; // retried on a later sweep
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
