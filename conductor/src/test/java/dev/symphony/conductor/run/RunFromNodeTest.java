package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.conductor.melody.Melody;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run from a chosen node reuses an earlier run's results for everything not downstream of it. */
class RunFromNodeTest {
    private static String melody(String bText) {
        return "{\"formatVersion\":1,\"name\":\"from\",\"nodes\":["
                + "{\"id\":\"a\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"x\"}},"
                + "{\"id\":\"pick\",\"type\":\"condition\",\"cases\":[{\"when\":\"a.text == 'X'\",\"branch\":\"yes\"}],\"default\":\"no\"},"
                + "{\"id\":\"b\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"" + bText + " ${a.text}\"}},"
                + "{\"id\":\"n\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"never\"}},"
                + "{\"id\":\"side\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"side\"}},"
                + "{\"id\":\"out\",\"type\":\"output\",\"value\":\"${b.text}\"}],"
                + "\"connections\":[{\"from\":\"a\",\"to\":\"pick\"},{\"from\":\"pick\",\"to\":\"b\",\"branch\":\"yes\"},"
                + "{\"from\":\"pick\",\"to\":\"n\",\"branch\":\"no\"},{\"from\":\"a\",\"to\":\"side\"},{\"from\":\"b\",\"to\":\"out\"}]}";
    }

    @Test
    void onlyTheChosenNodeAndWhatFollowsRunAgainWithTheEarlierOutputs(@TempDir Path dir) throws Exception {
        try (Harness h = new Harness(dir)) {
            RunResult first = h.run(melody("b got"));
            assertEquals(RunStatus.SUCCEEDED, first.status(), first.error());
            assertEquals(3, h.ops.calls.size(), h.ops.calls.toString());
            h.ops.calls.clear();
            h.events.clear();

            Melody changed = h.melody(melody("b now got")); // the user changed b, then runs from it
            RunResult again = new Conductor(h.context()).startFrom(changed, JsonNodeFactory.instance.objectNode(),
                    first.runId(), Set.of("b"), "from-b");
            assertEquals(RunStatus.SUCCEEDED, again.status(), again.error());
            assertEquals(List.of("test.ops/echo {\"text\":\"b now got X\"}"), h.ops.calls, "only b calls again, with a's earlier output");
            assertEquals("b now got X", again.outputs().path("out").asText());
            assertEquals(List.of("a", "pick", "side", "b", "out"), h.finished());
            assertTrue(h.ofType("node.finished").get(0).path("reason").asText().equals("reused from run " + first.runId()));
            assertTrue(h.ops.calls.stream().noneMatch(c -> c.contains("never")), "the condition's earlier branch still holds");
            h.assertEventsValid();

            try (RunJournal journal = RunJournal.open(dir.resolve("runs"), "from-b")) {
                var reused = journal.events().stream().filter(e -> e.path("reason").asText().startsWith("reused")).toList();
                assertEquals(List.of("a", "pick", "side"), reused.stream().map(e -> e.path("node").asText()).toList(),
                        "the new run's journal holds what it reused, so it resumes like any run");
            }
        }
    }
}
