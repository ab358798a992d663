package dev.symphony.conductor.run;

import static dev.symphony.conductor.policy.CandidateFeatures.COST;
import static dev.symphony.conductor.policy.CandidateFeatures.FAILURE_RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.pit.pool.api.InstrumentStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pool manager's per-Instrument statistics persist across runs and processes (a new {@link Conductor} with a new
 * context reads them from the file), feed the policy's features in the next run, and an unreadable file is named,
 * kept aside, and replaced while the run goes on with empty statistics.
 */
class InstrumentStatsAcrossRunsTest extends HarnessTest {
    private static final String FLAKY = "{\"formatVersion\":1,\"name\":\"f\",\"nodes\":[{\"id\":\"x\",\"type\":\"call\","
            + "\"extension\":\"test.ops\",\"capability\":\"flaky\",\"input\":{\"key\":\"k\"},\"essential\":false,"
            + "\"onError\":{\"then\":\"skip\"}}],\"connections\":[]}";
    private static final String CHEAP = "{\"formatVersion\":1,\"name\":\"c\",\"nodes\":[{\"id\":\"y\",\"type\":\"call\","
            + "\"extension\":\"test.cheap\",\"capability\":\"summarize\",\"input\":{\"text\":\"t\"}}],\"connections\":[]}";

    private Path statsFile() {
        return dir.resolve("data").resolve("pool").resolve("instrument-stats.json");
    }

    /** A run with a fresh context (new pool manager, as a new process has), reading and writing the statistics file. */
    private SeenDecisions run(String melody) throws Exception {
        SeenDecisions policy = new SeenDecisions();
        new Conductor(h.context().instrumentStats(statsFile()).policy(policy))
                .start(h.melody(melody), JsonNodeFactory.instance.objectNode());
        return policy;
    }

    @Test
    void aFailureRaisesTheFailureFeatureInTheNextRun() throws Exception {
        h.ops.failuresLeft.put("k", new AtomicInteger(1));
        SeenDecisions first = run(FLAKY);
        assertEquals(0.1f, first.decisions.get(0).feature(0, FAILURE_RATE), 1e-6f, "never called: the prior");
        assertEquals(1, h.ofType("node.skipped").size(), "the first run's call failed");

        SeenDecisions second = run(FLAKY);
        assertEquals((1 + 1) / (1 + 10.0), second.decisions.get(0).feature(0, FAILURE_RATE), 1e-6,
                "one failed call of one, with the prior: (1 + 1) / (1 + 10)");
        SeenDecisions third = run(FLAKY);
        assertEquals((1 + 1) / (2 + 10.0), third.decisions.get(0).feature(0, FAILURE_RATE), 1e-6,
                "the second run's call succeeded");
    }

    @Test
    void statisticsSurviveANewConductor() throws Exception {
        run(CHEAP);
        assertTrue(Files.isRegularFile(statsFile()), "written at the end of the run: " + statsFile());
        RunContext fresh = h.context().instrumentStats(statsFile()).conclude();
        InstrumentStats s = fresh.modelSlots().stats(h.ops.find("test.cheap", "summarize").orElseThrow());
        assertNotNull(s, "a new Conductor's pool manager read the first one's statistics");
        assertEquals(1, s.calls());
        assertEquals(0, s.failures());
        assertEquals(100_000, s.costPerCallMicros(), 1e-9, "0.1 per call, in micros");

        SeenDecisions next = run(CHEAP);
        // the observed cost per call (0.1) over the unit, the only worker's cheapest cost to success 0.1 / (1 - 1/11)
        assertEquals(10 / 11.0f, next.decisions.get(0).feature(0, COST), 1e-5f);
        assertEquals(1 / 11.0f, next.decisions.get(0).feature(0, FAILURE_RATE), 1e-6f);
    }

    @Test
    void anUnreadableFileIsNamedKeptAndReplacedWhileTheRunGoesOn() throws Exception {
        Files.createDirectories(statsFile().getParent());
        Files.writeString(statsFile(), "{\"version\":1,\"instruments\":{\"test.cheap/summarize\":{\"latencyNanos\":[1],"
                + "\"succeeded\":[true,false],\"costMicros\":[1],\"tokens\":[1]}}}");
        RunContext context = h.context().instrumentStats(statsFile()).conclude();
        String problem = context.modelSlots().statsProblem();
        assertNotNull(problem, "an unreadable file is reported");
        assertTrue(problem.contains(statsFile().toString()), problem);
        assertTrue(problem.contains("$.instruments['test.cheap/summarize'].succeeded"), "says where: " + problem);
        assertTrue(Files.isRegularFile(Path.of(statsFile() + ".corrupt")), "kept aside");
        assertNull(context.modelSlots().stats(h.ops.find("test.cheap", "summarize").orElseThrow()), "empty statistics");

        SeenDecisions policy = new SeenDecisions();
        RunResult r = new Conductor(context.policy(policy)).start(h.melody(CHEAP), JsonNodeFactory.instance.objectNode());
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(0.1f, policy.decisions.get(0).feature(0, FAILURE_RATE), 1e-6f);
        assertNull(h.context().instrumentStats(statsFile()).conclude().modelSlots().statsProblem(), "replaced by a readable file");

        Files.writeString(statsFile(), "not json");
        String notJson = h.context().instrumentStats(statsFile()).conclude().modelSlots().statsProblem();
        assertTrue(notJson.contains(statsFile() + ": not JSON"), notJson);
    }
}
