package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.melody.MelodySchema;
import dev.symphony.conductor.melody.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs a Melody in-process against {@link TestOperators}, collecting (and schema-checking) every event. */
final class Harness implements AutoCloseable {
    final TestOperators ops = new TestOperators();
    final List<ObjectNode> events = new CopyOnWriteArrayList<>();
    final RunArtifacts artifacts;
    final Path dir;
    boolean yes;
    RunContext.Approver approver;

    Harness(Path dir) throws Exception {
        this.dir = dir;
        this.artifacts = RunArtifacts.open(dir.resolve("artifacts"), 1000, null);
    }

    RunContext context() {
        return new RunContext().capabilities(ops).artifacts(artifacts).runsRoot(dir.resolve("runs"))
                .autoApprove(yes, "test").approver(approver).events(e -> events.add(e.deepCopy()));
    }

    Melody melody(String json) throws Exception {
        return new MelodyReader(ops).parse(json, dir.resolve("test.melody.json"));
    }

    RunResult run(String json, String inputsJson) throws Exception {
        ObjectNode inputs = inputsJson == null ? JsonNodeFactory.instance.objectNode()
                : (ObjectNode) TestOperators.json(inputsJson);
        return new Conductor(context()).start(melody(json), inputs);
    }

    RunResult run(String json) throws Exception {
        return run(json, null);
    }

    /** "type:node" for every node event, in order (ready events left out: they depend on timing). */
    List<String> trace(String... types) {
        List<String> want = List.of(types);
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (want.contains(e.path("type").asText())) {
                out.add(e.path("node").asText());
            }
        }
        return out;
    }

    List<String> finished() {
        return trace("node.finished");
    }

    void assertEventsValid() {
        for (JsonNode e : events) {
            List<Problem> p = MelodySchema.validateEvent(e);
            if (!p.isEmpty()) {
                throw new AssertionError("event " + e + " breaks melody-event.schema.json: " + p);
            }
        }
    }

    @Override
    public void close() {
        artifacts.close();
    }
}
