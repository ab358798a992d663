package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.pit.artifact.api.ArtifactInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reverse reconstruction during a run: an earlier output a ready node needs is purged from the artifact store
 * while the run goes on; before the node activates it is regenerated from a later node's output (declared) or,
 * without a declaration, stored again from the run's memory — each a {@code node.reconstructed} event.
 */
class LiveReconstructionTest extends HarnessTest {
    /** test.ops/purge: purges every live artifact whose name ends with "/" + input.node, then upper-cases input.text. */
    private void addPurgeOp() {
        h.ops.add("test.ops", "purge", "{\"type\":\"object\"}", "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}}", 1, 0, in -> {
            synchronized (h.artifacts) {
                List<Long> ids = new ArrayList<>();
                h.artifacts.store().forEachArtifact(ids::add);
                for (long id : ids) {
                    ArtifactInfo info = h.artifacts.store().info(id).orElseThrow();
                    if (info.name().endsWith("/" + in.path("node").asText()) && info.live()) {
                        h.artifacts.store().purge(id, "test", "simulated eviction");
                    }
                }
            }
            return JsonNodeFactory.instance.objectNode().put("text", in.path("text").asText().toUpperCase());
        });
    }

    private static String melody(String reconstruct) {
        return "{\"formatVersion\":1,\"name\":\"live\",\"nodes\":["
                + "{\"id\":\"a\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"Hello\"}" + reconstruct + "},"
                + "{\"id\":\"b\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"purge\",\"input\":{\"node\":\"a\",\"text\":\"${a.text}\"}},"
                + "{\"id\":\"c\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"${a.text}\"}},"
                + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${c.text}\"}],"
                + "\"connections\":[{\"from\":\"a\",\"to\":\"b\"},{\"from\":\"b\",\"to\":\"c\"},{\"from\":\"a\",\"to\":\"c\"},{\"from\":\"c\",\"to\":\"out\"}]}";
    }

    @Test
    void aPurgedEarlierOutputIsRegeneratedFromALaterOneBeforeTheNodeThatNeedsItRuns() throws Exception {
        addPurgeOp();
        RunResult r = h.run(melody(",\"reconstruct\":{\"from\":\"b\",\"value\":{\"text\":\"${lower(b.text)}\"}}"));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("a"), h.trace("node.reconstructed"));
        ObjectNode e = h.ofType("node.reconstructed").get(0);
        assertEquals("b", e.path("from").asText());
        assertTrue(h.indexOf("node.reconstructed", "a") < h.indexOf("node.started", "c"));
        // c read the regenerated value ("hello" from "HELLO"), not the original "Hello".
        assertEquals("hello", r.outputs().path("out").asText());
        long id = e.path("artifactId").asLong();
        assertEquals("reconstructed:b", h.artifacts.store().info(id).orElseThrow().provenance().producer());
        assertEquals("{\"text\":\"hello\"}", h.artifacts.readJson(id).toString());
        assertEquals(List.of("a", "b", "c", "out"), h.finished(), "nothing ran twice");
    }

    @Test
    void withoutADeclarationTheRunsOwnCopyIsStoredAgain() throws Exception {
        addPurgeOp();
        RunResult r = h.run(melody(""));
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("a"), h.trace("node.reconstructed"));
        assertEquals("Hello", r.outputs().path("out").asText());
        long id = h.ofType("node.reconstructed").get(0).path("artifactId").asLong();
        assertTrue(h.artifacts.store().info(id).orElseThrow().provenance().producer().startsWith("restored:"));
    }
}
