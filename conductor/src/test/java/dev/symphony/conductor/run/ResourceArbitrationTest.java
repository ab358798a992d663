package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nodes declaring a contested resource get it from the arbitration engine: serialized, by priority. */
class ResourceArbitrationTest extends HarnessTest {
    private static String fanOut(double pb, double pc, String resources) {
        return "{\"formatVersion\":1,\"name\":\"contend\",\"limits\":{\"maxConcurrency\":4},\"nodes\":["
                + "{\"id\":\"a\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"go\"}},"
                + "{\"id\":\"b\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"sleep\",\"priority\":" + pb
                + resources + ",\"input\":{\"ms\":150,\"text\":\"b\"}},"
                + "{\"id\":\"c\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"sleep\",\"priority\":" + pc
                + resources + ",\"input\":{\"ms\":150,\"text\":\"c\"}}],"
                + "\"connections\":[{\"from\":\"a\",\"to\":\"b\"},{\"from\":\"a\",\"to\":\"c\"}]}";
    }

    private static final String FILE = ",\"resources\":[{\"name\":\"file:out/report.md\",\"kind\":\"file\"}]";

    @Test
    void twoParallelNodesContendingForOneFileAreSerializedHighestPriorityFirst() throws Exception {
        RunResult r = h.run(fanOut(0.1, 0.9, FILE));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        // c (priority 0.9) wins the first decision; b waits and gets the file only after c finished.
        assertEquals(List.of("c", "b"), h.trace("resource.granted"));
        assertTrue(h.indexOf("node.finished", "c") < h.indexOf("node.started", "b"), h.events.toString());
        assertEquals(List.of("b"), h.trace("resource.waiting"));
        ObjectNode first = h.ofType("resource.granted").get(0);
        assertEquals("file:out/report.md", first.path("resource").asText());
        assertTrue(first.path("rationale").asText().contains("PRIORITIZATION"), first.toString());
    }

    @Test
    void priorityDecidesNotDeclarationOrder() throws Exception {
        RunResult r = h.run(fanOut(0.9, 0.1, FILE));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("b", "c"), h.trace("resource.granted"));
        assertTrue(h.indexOf("node.finished", "b") < h.indexOf("node.started", "c"), h.events.toString());
    }

    @Test
    void aResourceWithCapacityTwoLetsBothRunAtOnce() throws Exception {
        RunResult r = h.run(fanOut(0.1, 0.9, ",\"resources\":[{\"name\":\"model:tiny\",\"kind\":\"model\",\"capacity\":2}]"));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(2, h.trace("resource.granted").size());
        assertTrue(h.indexOf("node.started", "b") < h.indexOf("node.finished", "c")
                && h.indexOf("node.started", "c") < h.indexOf("node.finished", "b"), h.events.toString());
        assertEquals(List.of(), h.trace("resource.waiting"));
    }

    @Test
    void holdingsAreReleasedSoASecondRunGetsTheResource() throws Exception {
        String byName = ",\"resources\":[\"file:out/report.md\"]"; // the short form: a file, capacity 1
        Arbitration shared = h.context().conclude().arbitration();
        RunContext ctx = h.context().arbitration(shared);
        assertEquals(RunStatus.SUCCEEDED, new Conductor(ctx).start(h.melody(fanOut(0.5, 0.5, byName)),
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()).status());
        assertEquals(2, h.trace("resource.granted").size());
        assertEquals(0, shared.held("file:out/report.md"));
        assertEquals(RunStatus.SUCCEEDED, new Conductor(h.context().arbitration(shared)).start(h.melody(fanOut(0.5, 0.5, FILE)),
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()).status());
    }
}
