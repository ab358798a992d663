package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.MelodySchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The sealed set of event records is the event schema's list of types, and each record serializes valid. */
class RunEventTest {
    private static final List<RunEvent> ONE_OF_EACH = List.of(
            new RunEvent.RunStarted("m", false, "rl"),
            new RunEvent.RunResumed("m", true, "heuristic"),
            new RunEvent.RunFinished("paused", new BigDecimal("0.0003"), 2, JsonNodeFactory.instance.objectNode(), null, List.of("ok")),
            new RunEvent.NodeReady("a"),
            new RunEvent.NodeStarted("a", "ext", "cap"),
            new RunEvent.NodeProgress("loop", 1, 7L, "iteration 2 finished"),
            new RunEvent.NodeFinished("a", 3, 12, new BigDecimal("0.0001"), null, "many", 0.5f),
            new RunEvent.NodeFailed("a", "boom"),
            new RunEvent.NodeRetried("a", 2, "boom", 60_000L, "retry"),
            new RunEvent.NodeSkipped("a", "precondition not met", true),
            new RunEvent.NodeCancelled("a", "the run was cancelled by b"),
            new RunEvent.NodeHalted("a", "boom", 1),
            new RunEvent.NodePaused("a", "breakpoint"),
            new RunEvent.NodeReconstructed("a", "b", "regenerated from b", 9),
            new RunEvent.ArtifactStored("a", 3, "run/r/a", "intermediate", 12, null),
            new RunEvent.ApprovalWaiting("ok", "Publish?", null, "ok"),
            new RunEvent.ApprovalAnswered("ok", true, "alice", null),
            new RunEvent.ResourceWaiting("a", "file:x", "held by another node (1 of 1)"),
            new RunEvent.ResourceGranted("a", "file:x", "priority 2 over 1"),
            new RunEvent.NodeCompensated("a", "undoA", 11L, new BigDecimal("0.5"), null));

    @Test
    void theRecordsAreExactlyTheSchemasTypes() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(getClass().getResourceAsStream("/dev/symphony/conductor/run/melody-event.schema.json"));
        Set<String> schemaTypes = new TreeSet<>();
        schema.path("properties").path("type").path("enum").forEach(t -> schemaTypes.add(t.asText()));
        Set<String> recordTypes = new TreeSet<>();
        ONE_OF_EACH.forEach(e -> recordTypes.add(e.type()));
        assertEquals(schemaTypes, recordTypes);
        assertEquals(RunEvent.class.getPermittedSubclasses().length, ONE_OF_EACH.size(), "one sample per record");
    }

    @Test
    void everyRecordSerializesToAValidEventWithoutNullFields() {
        List<ObjectNode> out = new ArrayList<>();
        RunEvents events = new RunEvents("r1", () -> 0L, 0).sink(out::add);
        ONE_OF_EACH.forEach(events::emit);
        for (ObjectNode e : out) {
            assertEquals(List.of(), MelodySchema.validateEvent(e), e.toString());
            e.fields().forEachRemaining(f -> assertEquals(false, f.getValue().isNull(), e + ": " + f.getKey()));
        }
        assertEquals("{\"v\":1,\"seq\":6,\"time\":\"1970-01-01T00:00:00Z\",\"runId\":\"r1\",\"type\":\"node.finished\",\"node\":\"a\","
                + "\"artifactId\":3,\"durationMs\":12,\"cost\":0.0001,\"branch\":\"many\",\"score\":0.5}", RunEvents.line(out.get(6)));
    }
}
