package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.InvalidMelodyException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code then: compensate} is saga compensation: the finished nodes that declare a {@code compensation} are undone
 * in reverse order of completion, each recorded as such; the failed node gets no substitute output.
 */
class SagaCompensationTest extends HarnessTest {

    private static String call(String id, String cap, String input, String extra) {
        return "{\"id\":\"" + id + "\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"" + cap + "\",\"input\":"
                + input + extra + "}";
    }

    /** book -> charge -> ship (fails); book and charge declare undo nodes, ship compensates. */
    private static final String SAGA = "{\"formatVersion\":1,\"name\":\"saga\",\"nodes\":["
            + call("book", "echo", "{\"text\":\"room 7\"}", ",\"compensation\":\"unbook\"") + ","
            + call("note", "echo", "{\"text\":\"no undo\"}", "") + ","
            + call("charge", "upper", "{\"text\":\"card\"}", ",\"compensation\":\"refund\"") + ","
            + call("ship", "fail", "{\"text\":\"x\"}", ",\"onError\":{\"retry\":{\"count\":1},\"then\":\"compensate\"}") + ","
            + call("after", "echo", "{\"text\":\"never\"}", "") + ","
            + call("unbook", "echo", "{\"text\":\"cancel ${compensated.output.text} after ${error}\"}", "") + ","
            + call("refund", "echo", "{\"text\":\"refund ${charge.text} for ${compensated.node}\"}", "")
            + "],\"connections\":[{\"from\":\"book\",\"to\":\"note\"},{\"from\":\"note\",\"to\":\"charge\"},"
            + "{\"from\":\"charge\",\"to\":\"ship\"},{\"from\":\"ship\",\"to\":\"after\"}]}";

    @Test
    void finishedNodesAreUndoneInReverseOrderOfCompletionAndTheRunFails() throws Exception {
        RunResult r = h.run(SAGA);
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals(List.of("book", "note", "charge"), h.finished(), "ship has no substitute output");
        assertEquals(List.of("charge", "book"), h.trace("node.compensated"));
        List<ObjectNode> comp = h.ofType("node.compensated");
        assertEquals(List.of("refund", "unbook"), comp.stream().map(e -> e.path("by").asText()).toList());
        assertEquals(List.of("test.ops/echo {\"text\":\"refund CARD for charge\"}",
                "test.ops/echo {\"text\":\"cancel room 7 after test.ops/fail: always fails\"}"),
                h.ops.calls.subList(h.ops.calls.size() - 2, h.ops.calls.size()));
        for (ObjectNode e : comp) {
            var info = h.artifacts.store().info(e.path("artifactId").asLong()).orElseThrow();
            assertTrue(info.provenance().producer().startsWith("compensation:" + e.path("node").asText() + ":"),
                    info.provenance().producer());
        }
        assertEquals("node ship failed: test.ops/fail: always fails; compensated charge, book (last finished first)", r.error());
        h.assertEventsValid();
    }

    @Test
    void aFailedCompensationIsRecordedAndTheOthersStillRun() throws Exception {
        RunResult r = h.run(SAGA.replace("\"capability\":\"echo\",\"input\":{\"text\":\"refund", "\"capability\":\"fail\",\"input\":{\"text\":\"refund"));
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals(List.of("charge", "book"), h.trace("node.compensated"));
        assertTrue(h.ofType("node.compensated").get(0).path("error").asText().contains("always fails"));
        assertTrue(r.error().endsWith("; compensated book (last finished first); not compensated: charge (test.ops/fail: always fails)"),
                r.error());
    }

    @Test
    void failWithoutCompensateUndoesNothing() throws Exception {
        RunResult r = h.run(SAGA.replace("\"then\":\"compensate\"", "\"then\":\"fail\""));
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals(List.of(), h.trace("node.compensated"));
        assertEquals("node ship failed: test.ops/fail: always fails", r.error());
    }

    @Test
    void theRetiredSubstituteFieldIsRejectedWithTheWayForward() {
        InvalidMelodyException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidMelodyException.class, () -> h.melody(
                "{\"formatVersion\":1,\"name\":\"t\",\"nodes\":[" + call("x", "fail", "{}", ",\"onError\":{\"then\":\"compensate\",\"compensate\":\"fix\"}")
                        + "," + call("fix", "echo", "{}", ",\"compensation\":\"nope\"") + "]}"));
        assertTrue(e.getMessage().contains("$.nodes[0].onError.compensate: 'compensate' no longer names a substitute: for a substitute"
                + " output use onError.fallback; to undo finished nodes when this one fails, give them a 'compensation' node and set"
                + " \"then\": \"compensate\""), e.getMessage());
        assertTrue(e.getMessage().contains("$.nodes[1].compensation: unknown node 'nope'"), e.getMessage());
    }
}
