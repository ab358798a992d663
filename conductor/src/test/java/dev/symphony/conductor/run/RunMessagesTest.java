package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The run's messages as a person reads them (event reasons and run errors), word for word: a rename once
 * leaked field names into them ("the run was run.cancelled by …", "cannot read run.approvals").
 */
class RunMessagesTest extends HarnessTest {
    private static final String HALTING = "{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[{\"id\":\"x\",\"type\":\"call\","
            + "\"extension\":\"test.ops\",\"capability\":\"flaky\",\"input\":{\"key\":\"k\",\"text\":\"t\"},"
            + "\"onError\":{\"then\":\"halt\"}}],\"connections\":[]}";

    @Test
    void cancellingTheRunSaysWhichNodeDidIt() throws Exception {
        RunResult r = h.run("{\"formatVersion\":1,\"name\":\"t\",\"nodes\":["
                + "{\"id\":\"slow\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"sleep\",\"input\":{\"ms\":3000}},"
                + "{\"id\":\"abort\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"sleep\",\"cancels\":\"run\",\"input\":{\"ms\":50}},"
                + "{\"id\":\"after\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{}}],"
                + "\"connections\":[{\"from\":\"abort\",\"to\":\"after\"}]}");
        assertEquals(RunStatus.CANCELLED, r.status());
        assertEquals(List.of("the run was cancelled by abort", "the run was cancelled by abort"),
                h.ofType("node.cancelled").stream().map(e -> e.path("reason").asText()).toList());
    }

    @Test
    void cancellingOneNodeSaysWhichNodeDidIt() throws Exception {
        RunResult r = h.run("{\"formatVersion\":1,\"name\":\"t\",\"nodes\":["
                + "{\"id\":\"slow\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"sleep\",\"input\":{\"ms\":3000}},"
                + "{\"id\":\"decide\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"sleep\",\"cancels\":[\"slow\"],\"input\":{\"ms\":50}}],"
                + "\"connections\":[]}");
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("cancelled by decide"), h.ofType("node.cancelled").stream().map(e -> e.path("reason").asText()).toList());
    }

    @Test
    void aDeclinedHaltSaysWhoDeclinedWhat() throws Exception {
        h.ops.failuresLeft.put("k", new AtomicInteger(5));
        RunResult r = h.run(HALTING);
        assertEquals(RunStatus.PAUSED, r.status());
        new Approvals(dir.resolve("runs").resolve(r.runId()))
                .record(new Approvals.Answer("x.halt1", false, "alice", Instant.now(), "retry?", null, null));
        RunResult resumed = new Conductor(h.context()).resume(r.runId());
        assertEquals(RunStatus.FAILED, resumed.status());
        assertEquals("node x was halted and alice declined to retry it", resumed.error());
    }

    @Test
    void anUnreadableApprovalSaysWhatCouldNotBeRead() throws Exception {
        h.ops.failuresLeft.put("k", new AtomicInteger(5));
        RunResult r = h.run(HALTING);
        Path answers = dir.resolve("runs").resolve(r.runId()).resolve("approvals");
        Files.createDirectories(answers);
        Files.writeString(answers.resolve("x.halt1.json"), "{ not json");
        RunResult resumed = new Conductor(h.context()).resume(r.runId());
        assertEquals(RunStatus.FAILED, resumed.status());
        assertTrue(resumed.error().startsWith("cannot read the run's approvals: "), resumed.error());
    }
}
