package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Per-node error strategies, timeouts, quality gates, approvals, preview, Maestro and the budget. */
class ErrorStrategiesTest extends HarnessTest {

    private static String one(String node, String extra) {
        return "{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[" + node + extra + "],\"connections\":["
                + (extra.isEmpty() ? "" : "{\"from\":\"x\",\"to\":\"after\"}") + "]}";
    }

    private static final String AFTER = ",{\"id\":\"after\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"${x.text}\"}}";

    @Test
    void retryWithBackoffThenSucceeds() throws Exception {
        h.ops.failuresLeft.put("k", new AtomicInteger(2));
        RunResult r = h.run(one("{\"id\":\"x\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"flaky\","
                + "\"input\":{\"key\":\"k\"},\"onError\":{\"retry\":{\"count\":3,\"backoffMs\":5,\"factor\":2}}}", AFTER));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("x", "x"), h.trace("node.retried"));
        assertEquals(List.of(5L, 10L), h.events.stream().filter(e -> e.path("type").asText().equals("node.retried"))
                .map(e -> e.path("backoffMs").asLong()).toList());
        assertEquals(List.of("x", "after"), h.finished());
    }

    @Test
    void retriesExhaustedFailTheRunAndItsSuccessorNeverRuns() throws Exception {
        RunResult r = h.run(one("{\"id\":\"x\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"fail\","
                + "\"input\":{},\"onError\":{\"retry\":{\"count\":1}}}", AFTER));
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.error().contains("always fails"), r.error());
        assertEquals(List.of("x"), h.trace("node.failed"));
        assertEquals(List.of(), h.finished());
    }

    @Test
    void retryWithChangedParametersAndFallbackToAnotherCapability() throws Exception {
        RunResult r = h.run(one("{\"id\":\"x\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"fail\","
                + "\"input\":{\"text\":\"a\"},\"onError\":{\"retry\":{\"count\":1,\"input\":{\"text\":\"b\"}},"
                + "\"fallback\":{\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"fallback\"}}}}", AFTER));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("test.ops/fail {\"text\":\"a\"}", "test.ops/fail {\"text\":\"b\"}",
                "test.ops/upper {\"text\":\"fallback\"}", "test.ops/echo {\"text\":\"FALLBACK\"}"), h.ops.calls);
    }

    @Test
    void skipIsForNonEssentialNodesAndTakesTheirDependentsWithThem() throws Exception {
        RunResult r = h.run("{\"formatVersion\":1,\"name\":\"t\",\"nodes\":["
                + "{\"id\":\"x\",\"type\":\"call\",\"essential\":false,\"extension\":\"test.ops\",\"capability\":\"fail\",\"input\":{},\"onError\":{\"then\":\"skip\"}}"
                + AFTER + ",{\"id\":\"other\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"o\"}}],"
                + "\"connections\":[{\"from\":\"x\",\"to\":\"after\"}]}");
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("x", "after"), h.trace("node.skipped"));
        assertEquals(List.of("other"), h.finished());
    }

    @Test
    void haltPausesForAPersonAndAYesRetriesTheNodeOnResume() throws Exception {
        h.ops.failuresLeft.put("k", new AtomicInteger(2));
        RunResult r = h.run(one("{\"id\":\"x\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"flaky\","
                + "\"input\":{\"key\":\"k\",\"text\":\"t\"},\"onError\":{\"then\":\"halt\"}}", AFTER));
        assertEquals(RunStatus.PAUSED, r.status());
        assertEquals(List.of("x"), r.waiting());
        Approvals approvals = new Approvals(dir.resolve("runs").resolve(r.runId()));
        approvals.record(new Approvals.Answer("x.halt1", true, "alice", Instant.now(), "retry?", null, null));
        // The retry fails again: a second halt is a new question, not answered by the first yes.
        RunResult again = new Conductor(h.context()).resume(r.runId());
        assertEquals(RunStatus.PAUSED, again.status(), again.error());
        approvals.record(new Approvals.Answer("x.halt2", true, "alice", Instant.now(), "retry?", null, null));
        RunResult resumed = new Conductor(h.context()).resume(r.runId());
        assertEquals(RunStatus.SUCCEEDED, resumed.status(), resumed.error());
        assertEquals(List.of("x", "x"), h.trace("node.halted"));
        assertEquals(List.of("x", "after"), h.finished());
    }

    @Test
    void aTimeoutIsAFailure() throws Exception {
        RunResult r = h.run(one("{\"id\":\"x\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"sleep\","
                + "\"timeoutMs\":100,\"input\":{\"ms\":5000}}", ""));
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.error().contains("timed out after 100 ms"), r.error());
    }

    @Test
    void qualityGatesHoldBackDownstreamUntilTheOutputPasses() throws Exception {
        RunResult r = h.run(one("{\"id\":\"x\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\","
                + "\"input\":{\"text\":\"no\"},\"gate\":{\"schema\":{\"type\":\"object\",\"required\":[\"text\"]},"
                + "\"score\":\"len(output.text) / 10\",\"minScore\":0.5},"
                + "\"onError\":{\"retry\":{\"count\":1,\"input\":{\"text\":\"long enough\"}}}}", AFTER));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertTrue(h.events.stream().anyMatch(e -> e.path("error").asText().contains("score 0.2 is below minScore 0.5")));
        assertEquals("test.ops/echo {\"text\":\"long enough\"}", h.ops.calls.get(h.ops.calls.size() - 1));
        long id = h.events.stream().filter(e -> e.path("type").asText().equals("node.finished") && e.path("node").asText().equals("x"))
                .findFirst().orElseThrow().path("artifactId").asLong();
        assertEquals(1f, h.artifacts.store().info(id).orElseThrow().quality().semantics());
    }

    @Test
    void approvalPausesWithoutYesAndRecordsWhoAnsweredWithIt() throws Exception {
        String m = "{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[{\"id\":\"ok\",\"type\":\"approval\",\"prompt\":\"Publish?\"},"
                + "{\"id\":\"pub\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"${ok.by}\"}}],"
                + "\"connections\":[{\"from\":\"ok\",\"to\":\"pub\"}]}";
        RunResult paused = h.run(m);
        assertEquals(RunStatus.PAUSED, paused.status());
        assertEquals(List.of("ok"), paused.waiting());
        h.yes = true;
        RunResult approved = h.run(m);
        assertEquals(RunStatus.SUCCEEDED, approved.status(), approved.error());
        String answer = Files.readString(dir.resolve("runs").resolve(approved.runId()).resolve("approvals").resolve("ok.json"));
        assertTrue(answer.contains("\"by\" : \"test\"") && answer.contains("\"prompt\" : \"Publish?\""), answer);
        assertEquals("test.ops/echo {\"text\":\"test\"}", h.ops.calls.get(h.ops.calls.size() - 1));
    }

    @Test
    void previewUsesPinnedAndMockDataAndCallsNothing() throws Exception {
        String m = one("{\"id\":\"x\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"words\",\"input\":{\"text\":\"a b\"},"
                + "\"preview\":{\"words\":[\"pinned\"],\"count\":1}}", AFTER);
        RunResult r = new Conductor(h.context().preview(true)).start(h.melody(m), JsonNodeFactory.instance.objectNode());
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of(), h.ops.calls);
        assertTrue(h.events.get(0).path("preview").asBoolean());
    }

    @Test
    void maestroPicksAProviderAndFallsBackToTheOtherOnFailure() throws Exception {
        RunResult r = h.run("{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[{\"id\":\"s\",\"type\":\"call\",\"capability\":\"summarize\","
                + "\"input\":{\"text\":\"doc\"}}]}");
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        // The heuristic picks the cheapest provider by expected cost to success.
        assertEquals(List.of("test.cheap/summarize {\"text\":\"doc\"}"), h.ops.calls);
        h.ops.add("test.cheap", "summarize", "{}", "{}", 30, 0.1, in -> {
            throw new IllegalStateException("down");
        });
        h.ops.calls.clear();
        RunResult again = h.run("{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[{\"id\":\"s\",\"type\":\"call\",\"capability\":\"summarize\","
                + "\"input\":{\"text\":\"doc\"}}]}");
        assertEquals(RunStatus.SUCCEEDED, again.status(), again.error());
        assertEquals(List.of("test.cheap/summarize {\"text\":\"doc\"}", "test.fast/summarize {\"text\":\"doc\"}"), h.ops.calls);
    }

    @Test
    void theBudgetIsEnforcedOutsideThePolicy() throws Exception {
        RunResult r = h.run("{\"formatVersion\":1,\"name\":\"t\",\"limits\":{\"budget\":0.05},\"nodes\":[{\"id\":\"s\",\"type\":\"call\","
                + "\"capability\":\"summarize\",\"input\":{\"text\":\"doc\"}}]}");
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.error().contains("budget exhausted"), r.error());
        assertEquals(List.of(), h.ops.calls);
    }

    @Test
    void theRunTimeoutCancelsWhatIsRunning() throws Exception {
        RunResult r = h.run("{\"formatVersion\":1,\"name\":\"t\",\"limits\":{\"timeoutMs\":200},\"nodes\":["
                + "{\"id\":\"x\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"sleep\",\"input\":{\"ms\":5000}}]}");
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.error().contains("limits.timeoutMs = 200"), r.error());
        assertEquals(List.of("x"), h.trace("node.cancelled"));
    }

    @Test
    void aPreconditionSkipsANonEssentialNodeAndFailsAnEssentialOne() throws Exception {
        RunResult r = h.run("{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[{\"id\":\"n\",\"type\":\"input\",\"default\":3},"
                + "{\"id\":\"opt\",\"type\":\"call\",\"essential\":false,\"preconditions\":[\"n > 5\"],\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{}},"
                + "{\"id\":\"must\",\"type\":\"call\",\"preconditions\":[\"n > 1\"],\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{}}],"
                + "\"connections\":[{\"from\":\"n\",\"to\":\"opt\"},{\"from\":\"n\",\"to\":\"must\"}]}");
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("opt"), h.trace("node.skipped"));
        RunResult failed = h.run("{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[{\"id\":\"n\",\"type\":\"input\",\"default\":0},"
                + "{\"id\":\"must\",\"type\":\"call\",\"preconditions\":[\"n > 1\"],\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{}}],"
                + "\"connections\":[{\"from\":\"n\",\"to\":\"must\"}]}");
        assertEquals(RunStatus.FAILED, failed.status());
        assertTrue(failed.error().contains("precondition not met: n > 1"), failed.error());
    }

    @Test
    void instrumentCallsHoldAModelSlotSoOneModelServesOneTaskAtATime() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        h.ops.add("instrument", "test.model", "generate", "{\"type\":\"object\"}", "{\"type\":\"object\"}", 50, 0.5, in -> {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
            Thread.sleep(60);
            now.decrementAndGet();
            return TestOperators.obj("text", "generated");
        });
        StringBuilder nodes = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            nodes.append(i > 0 ? "," : "").append("{\"id\":\"g").append(i)
                    .append("\",\"type\":\"call\",\"extension\":\"test.model\",\"capability\":\"generate\",\"input\":{}}");
        }
        RunResult r = h.run("{\"formatVersion\":1,\"name\":\"t\",\"limits\":{\"budget\":1.2},\"nodes\":[" + nodes + "]}");
        assertEquals(1, max.get(), "the pool grants one slot per model at a time");
        // The budget admits two calls of 0.5; the third is refused before it is called.
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.error().contains("budget"), r.error());
        assertEquals(2, h.ops.calls.size());
    }

    @Test
    void aResumeRerunsAFinishedNodeWhoseArtifactWasPurged() throws Exception {
        String m = "{\"formatVersion\":1,\"name\":\"t\",\"nodes\":["
                + "{\"id\":\"up\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"a\"}},"
                + "{\"id\":\"ok\",\"type\":\"approval\",\"prompt\":\"go?\"},"
                + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${up.text}\"}],"
                + "\"connections\":[{\"from\":\"up\",\"to\":\"ok\"},{\"from\":\"ok\",\"to\":\"out\"}]}";
        RunResult paused = h.run(m);
        assertEquals(RunStatus.PAUSED, paused.status());
        long id = h.events.stream().filter(e -> e.path("type").asText().equals("node.finished")).findFirst().orElseThrow()
                .path("artifactId").asLong();
        h.artifacts.store().purge(id, "test", "retention");
        h.yes = true;
        RunResult resumed = new Conductor(h.context()).resume(paused.runId());
        assertEquals(RunStatus.SUCCEEDED, resumed.status(), resumed.error());
        assertEquals("A", resumed.outputs().path("out").asText());
        assertEquals(2, h.ops.calls.size(), "up ran again: its output was gone");
    }

    @Test
    void reverseReconstructionRegeneratesAMissingOutputFromALaterOne() throws Exception {
        String m = "{\"formatVersion\":1,\"name\":\"t\",\"nodes\":["
                + "{\"id\":\"src\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"draft\"},"
                + "\"reconstruct\":{\"from\":\"bundle\",\"value\":{\"text\":\"${bundle.source}\"}}},"
                + "{\"id\":\"bundle\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"zip\",\"source\":\"${src.text}\"}},"
                + "{\"id\":\"ok\",\"type\":\"approval\",\"prompt\":\"go?\"},"
                + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${src.text}+${bundle.text}\"}],"
                + "\"connections\":[{\"from\":\"src\",\"to\":\"bundle\"},{\"from\":\"bundle\",\"to\":\"ok\"},{\"from\":\"ok\",\"to\":\"out\"}]}";
        RunResult paused = h.run(m);
        assertEquals(RunStatus.PAUSED, paused.status());
        long srcArtifact = h.events.stream().filter(e -> e.path("type").asText().equals("node.finished")
                && e.path("node").asText().equals("src")).findFirst().orElseThrow().path("artifactId").asLong();
        h.artifacts.store().purge(srcArtifact, "test", "retention");
        h.yes = true;
        RunResult resumed = new Conductor(h.context()).resume(paused.runId());
        assertEquals(RunStatus.SUCCEEDED, resumed.status(), resumed.error());
        assertEquals("DRAFT+zip", resumed.outputs().path("out").asText());
        assertEquals(2, h.ops.calls.size(), "src was reconstructed, not re-run: " + h.ops.calls);
        long rebuilt = h.events.stream().filter(e -> e.path("type").asText().equals("node.finished")
                && e.path("node").asText().equals("src")).reduce((a, b) -> b).orElseThrow().path("artifactId").asLong();
        assertEquals("reconstructed:bundle", h.artifacts.store().info(rebuilt).orElseThrow().provenance().producer());
    }
}
