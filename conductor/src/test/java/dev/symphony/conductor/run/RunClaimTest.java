package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run is held by the journal executing it (an OS lock the process's death releases): a second claim fails,
 * a resume of a held run is refused with the reason, and only a running, unheld run started by a server for a
 * Melody under its folder is reported as abandoned. (The real kill: {@code ServeReclaimTest}.)
 */
class RunClaimTest {
    private static ObjectNode info(String status, String startedBy, Path melody) {
        ObjectNode i = JsonNodeFactory.instance.objectNode().put("runId", "r").put("status", status)
                .put("melodyFile", melody.toString());
        i.set("melody", JsonNodeFactory.instance.objectNode().put("formatVersion", 1).put("name", "t")
                .set("nodes", JsonNodeFactory.instance.arrayNode()));
        i.set("inputs", JsonNodeFactory.instance.objectNode());
        return startedBy == null ? i : i.put("startedBy", startedBy);
    }

    @Test
    void aHeldRunIsNeitherClaimedTwiceNorResumedNorAbandoned(@TempDir Path dir) throws Exception {
        try (Harness h = new Harness(dir)) {
            Path runs = h.context().runsRoot();
            Path folder = dir.resolve("served");
            Conductor conductor = new Conductor(h.context());
            try (RunJournal held = RunJournal.create(runs, "20260101-000000-aaaaa", info("running", "serve", folder.resolve("a.melody.json")))) {
                assertTrue(held.claim());
                try (RunJournal again = RunJournal.open(runs, "20260101-000000-aaaaa")) {
                    assertFalse(again.claim(), "a held run cannot be claimed again");
                }
                assertFalse(RunJournal.abandoned(held.dir()));
                assertEquals(Map.of(), conductor.abandonedRuns("serve", folder));
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> conductor.resume("20260101-000000-aaaaa"));
                assertTrue(e.getMessage().startsWith("run 20260101-000000-aaaaa is running in another process"), e.getMessage());
            }
            RunJournal.create(runs, "20260101-000001-bbbbb", info("paused", "serve", folder.resolve("b.melody.json"))).close();
            RunJournal.create(runs, "20260101-000002-ccccc", info("running", null, folder.resolve("c.melody.json"))).close();
            RunJournal.create(runs, "20260101-000003-ddddd", info("running", "serve", dir.resolve("elsewhere.melody.json"))).close();
            assertEquals(Map.of("20260101-000000-aaaaa", folder.resolve("a.melody.json").toAbsolutePath().normalize()),
                    conductor.abandonedRuns("serve", folder), "only the released serve run under the folder");
        }
    }
}
