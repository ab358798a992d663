package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reverse reconstruction across two hops: src from mid, mid from bundle, when both earlier outputs are gone. */
class MultiHopReconstructionTest extends HarnessTest {
    @Test
    void twoPurgedOutputsAreRegeneratedAlongTheChain() throws Exception {
        String m = "{\"formatVersion\":1,\"name\":\"t\",\"nodes\":["
                + "{\"id\":\"src\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"draft\"},"
                + "\"reconstruct\":{\"from\":\"mid\",\"value\":{\"text\":\"${mid.source}\"}}},"
                + "{\"id\":\"mid\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"m\",\"source\":\"${src.text}\"},"
                + "\"reconstruct\":{\"from\":\"bundle\",\"value\":{\"text\":\"m\",\"source\":\"${bundle.source}\"}}},"
                + "{\"id\":\"bundle\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"zip\",\"source\":\"${mid.source}\"}},"
                + "{\"id\":\"ok\",\"type\":\"approval\",\"prompt\":\"go?\"},"
                + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${src.text}+${mid.text}+${bundle.text}\"}],"
                + "\"connections\":[{\"from\":\"src\",\"to\":\"mid\"},{\"from\":\"mid\",\"to\":\"bundle\"},{\"from\":\"bundle\",\"to\":\"ok\"},"
                + "{\"from\":\"ok\",\"to\":\"out\"}]}";
        RunResult paused = h.run(m);
        assertEquals(RunStatus.PAUSED, paused.status(), paused.error());
        for (String node : List.of("src", "mid")) {
            long id = h.ofType("node.finished").stream().filter(e -> e.path("node").asText().equals(node))
                    .findFirst().orElseThrow().path("artifactId").asLong();
            h.artifacts.store().purge(id, "test", "retention");
        }
        h.yes = true;
        RunResult resumed = new Conductor(h.context()).resume(paused.runId());
        assertEquals(RunStatus.SUCCEEDED, resumed.status(), resumed.error());
        assertEquals("DRAFT+m+zip", resumed.outputs().path("out").asText());
        assertEquals(3, h.ops.calls.size(), "nothing ran again: " + h.ops.calls);
        List<String> producers = h.ofType("node.finished").stream()
                .filter(e -> e.path("reason").asText().equals("reverse reconstruction"))
                .map(e -> h.artifacts.store().info(e.path("artifactId").asLong()).orElseThrow().provenance().producer()).toList();
        assertEquals(List.of("reconstructed:mid", "reconstructed:bundle"), producers);
    }
}
