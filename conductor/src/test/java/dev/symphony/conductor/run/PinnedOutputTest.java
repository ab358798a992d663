package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pinned node does not run; what follows it gets the pinned value, and a pin wins over a run from a node. */
class PinnedOutputTest {
    private static final String MELODY = "{\"formatVersion\":1,\"name\":\"pins\",\"nodes\":["
            + "{\"id\":\"a\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"x\"}},"
            + "{\"id\":\"b\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"b ${a.text}\"}},"
            + "{\"id\":\"c\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"c ${b.text}\"}},"
            + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${c.text}\"}],"
            + "\"connections\":[{\"from\":\"a\",\"to\":\"b\"},{\"from\":\"b\",\"to\":\"c\"},{\"from\":\"c\",\"to\":\"out\"}]}";

    @Test
    void aPinnedNodeDoesNotRunAndWhatFollowsGetsItsValue(@TempDir Path dir) throws Exception {
        try (Harness h = new Harness(dir)) {
            var pin = new PinnedOutput("b", new ObjectMapper().readTree("{\"text\":\"PINNED\"}"));
            RunContext context = h.context().pinned(List.of(pin, new PinnedOutput("gone", JsonNodeFactory.instance.nullNode()),
                    new PinnedOutput("out", JsonNodeFactory.instance.textNode("an output node is never pinned"))));
            RunResult r = new Conductor(context).start(h.melody(MELODY), JsonNodeFactory.instance.objectNode(), "pinned-1");
            assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
            assertEquals(List.of("test.ops/upper {\"text\":\"x\"}", "test.ops/echo {\"text\":\"c PINNED\"}"), h.ops.calls,
                    "b is not called; c reads b's pinned value; a pin of a node the Melody lacks is left out");
            assertEquals("c PINNED", r.outputs().path("out").asText());
            var finished = h.ofType("node.finished");
            assertEquals(List.of("a", "b", "c", "out"), h.finished(), "b finishes in its turn, after a");
            assertEquals(PinnedOutput.REASON, finished.get(1).path("reason").asText());
            h.assertEventsValid();

            h.ops.calls.clear();
            RunResult from = new Conductor(h.context().pinned(List.of(pin))).startFrom(h.melody(MELODY),
                    JsonNodeFactory.instance.objectNode(), "pinned-1", Set.of("a"), "pinned-2");
            assertEquals(RunStatus.SUCCEEDED, from.status(), from.error());
            assertEquals(List.of("test.ops/upper {\"text\":\"x\"}", "test.ops/echo {\"text\":\"c PINNED\"}"), h.ops.calls,
                    "a run from a: a and c run again, b stays pinned");
        }
    }
}
