package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.pit.artifact.api.ContentTier;
import dev.symphony.pit.stale.api.DiskBudget;
import dev.symphony.pit.stale.api.RetentionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stale manager's retention for run journals and artifacts: old finished runs are archived, then deleted
 * under archive pressure; a paused run (it may be resumed) keeps its journal and artifacts.
 */
class RunRetentionTest extends HarnessTest {
    private static final String DONE = "{\"formatVersion\":1,\"name\":\"done\",\"nodes\":[{\"id\":\"a\",\"type\":\"call\","
            + "\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"kept a while\"}}]}";
    private static final String PAUSED = "{\"formatVersion\":1,\"name\":\"paused\",\"nodes\":[{\"id\":\"a\",\"type\":\"call\","
            + "\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"before the question\"}},"
            + "{\"id\":\"ok\",\"type\":\"approval\",\"prompt\":\"go on?\"}],\"connections\":[{\"from\":\"a\",\"to\":\"ok\"}]}";

    private List<Long> artifactsOf(String runId) {
        List<Long> out = new ArrayList<>();
        h.artifacts.store().forEachArtifact(id -> {
            if (h.artifacts.store().info(id).orElseThrow().provenance().melodyRun().equals(runId)) {
                out.add(id);
            }
        });
        return out;
    }

    private RunRetention retention(long laterMs, DiskBudget budget) {
        long now = System.currentTimeMillis();
        return new RunRetention(h.artifacts, dir.resolve("runs"), RetentionPolicy.defaults(), budget, () -> now + laterMs);
    }

    @Test
    void oldFinishedRunsAreArchivedThenDeletedAndAPausedRunIsKept() throws Exception {
        RunResult done = h.run(DONE);
        RunResult paused = h.run(PAUSED);
        assertEquals(RunStatus.SUCCEEDED, done.status(), done.error());
        assertEquals(RunStatus.PAUSED, paused.status(), paused.error());
        Path runs = dir.resolve("runs");

        RunRetention.Report fresh = retention(0, DiskBudget.UNLIMITED).sweep();
        assertEquals(0, fresh.archived() + fresh.deleted(), "nothing is old yet");
        assertTrue(Files.isDirectory(runs.resolve(done.runId())));

        RunRetention later = retention(Duration.ofDays(40).toMillis(), DiskBudget.UNLIMITED);
        RunRetention.Report r = later.sweep();
        assertEquals(2, r.journals());
        assertFalse(Files.exists(runs.resolve(done.runId())), "a month unused: archived");
        assertTrue(Files.exists(later.archive().resolve(done.runId()).resolve("events.jsonl")));
        assertFalse(artifactsOf(done.runId()).isEmpty());
        for (long id : artifactsOf(done.runId())) {
            assertEquals(ContentTier.ARCHIVED, h.artifacts.store().tier(id), "artifact " + id);
        }
        assertTrue(Files.exists(runs.resolve(paused.runId()).resolve("run.json")), "a paused run may be resumed");
        for (long id : artifactsOf(paused.runId())) {
            assertEquals(ContentTier.LOCAL, h.artifacts.store().tier(id), "artifact " + id);
        }

        RunRetention.Report full = retention(Duration.ofDays(41).toMillis(), new DiskBudget(4L << 30, 1)).sweep();
        assertTrue(full.deleted() >= 2, full.toString());
        assertFalse(Files.exists(later.archive().resolve(done.runId())), "the archive is over budget: deleted");
        for (long id : artifactsOf(done.runId())) {
            assertEquals(ContentTier.PURGED, h.artifacts.store().tier(id), "artifact " + id);
        }
        assertTrue(Files.exists(runs.resolve(paused.runId()).resolve("run.json")));
        RunResult resumed = new Conductor(h.context().autoApprove(true, "test")).resume(paused.runId());
        assertEquals(RunStatus.SUCCEEDED, resumed.status(), resumed.error());
    }

    @Test
    void aRunsEndSweepsAtMostOnceAnHour() throws Exception {
        h.run(DONE);
        Path marker = dir.resolve("runs").resolve(".retention");
        String first = Files.readString(marker);
        h.run(DONE);
        assertEquals(first, Files.readString(marker), "the second run within the hour does not sweep");
        Files.writeString(marker, (System.currentTimeMillis() - Conductor.RETENTION_EVERY_MS - 1) + "\n");
        h.run(DONE);
        assertTrue(Long.parseLong(Files.readString(marker).strip()) > Long.parseLong(first.strip()) - 1);
        assertTrue(Long.parseLong(Files.readString(marker).strip()) >= System.currentTimeMillis() - 60_000);
    }
}
