package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reverse reconstruction across two hops: src from mid, mid from bundle, when both earlier outputs are gone. */
class MultiHopReconstructionTest extends HarnessTest {
    private static final String M = "{\"formatVersion\":1,\"name\":\"t\",\"nodes\":["
                + "{\"id\":\"src\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"draft\"},"
                + "\"reconstruct\":{\"from\":\"mid\",\"value\":{\"text\":\"${mid.source}\"}}},"
                + "{\"id\":\"mid\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"m\",\"source\":\"${src.text}\"},"
                + "\"reconstruct\":{\"from\":\"bundle\",\"value\":{\"text\":\"m\",\"source\":\"${bundle.source}\"}}},"
                + "{\"id\":\"bundle\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"zip\",\"source\":\"${mid.source}\"}},"
                + "{\"id\":\"ok\",\"type\":\"approval\",\"prompt\":\"go?\"},"
                + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${src.text}+${mid.text}+${bundle.text}\"}],"
                + "\"connections\":[{\"from\":\"src\",\"to\":\"mid\"},{\"from\":\"mid\",\"to\":\"bundle\"},{\"from\":\"bundle\",\"to\":\"ok\"},"
                + "{\"from\":\"ok\",\"to\":\"out\"}]}";

    @Test
    void theChainIsTheRecoveryPlannersAlongTheDeclaredConnections() throws Exception {
        RunPlan plan = RunPlan.compile(h.melody(M), h.ops);
        var tracker = dev.symphony.pit.dag.api.DagTracker.create(plan.graph, new dev.symphony.pit.dag.api.DagTrackerContext());
        int src = plan.graph.nodeId("src");
        java.util.function.Function<String, List<String>> chainWhenOnly = there -> tracker.reconstructionChain(src,
                v -> plan.step(v).name().equals(there)).stream().map(v -> plan.step(v).name()).toList();
        assertEquals(List.of("src", "mid", "bundle"), chainWhenOnly.apply("bundle"));
        assertEquals(List.of("src", "mid"), chainWhenOnly.apply("mid"));
        assertEquals(List.of(), chainWhenOnly.apply("out"), "out declares nothing: no reconstructible edge leads there");
    }

    @Test
    void twoPurgedOutputsAreRegeneratedAlongTheChain() throws Exception {
        RunResult paused = h.run(M);
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
