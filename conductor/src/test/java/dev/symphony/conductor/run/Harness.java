package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.learning.TrainingData;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.melody.MelodySchema;
import dev.symphony.conductor.melody.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one executor test setup: in-process {@link TestOperators}, an artifact store and runs folder under a
 * temporary folder, every event collected (and schema-checked by {@link #assertEventsValid}). Executor, server
 * and training tests build their {@link RunContext} here; {@link HarnessTest} adds the JUnit life cycle.
 */
public final class Harness implements AutoCloseable {
    public final TestOperators ops = new TestOperators();
    public final List<ObjectNode> events = new CopyOnWriteArrayList<>();
    public final RunArtifacts artifacts;
    public final Path dir;
    /** Events delivered to the runs (nodes that {@code awaits} one). */
    public final RunInbox inbox = new RunInbox();
    public boolean yes;
    public RunContext.Approver approver;
    public TrainingData trainingData;

    public Harness(Path dir) throws Exception {
        this.dir = dir;
        this.artifacts = RunArtifacts.open(dir.resolve("artifacts"), 1000, null);
    }

    public RunContext context() {
        return new RunContext().capabilities(ops).artifacts(artifacts).runsRoot(dir.resolve("runs"))
                .autoApprove(yes, "test").approver(approver).trainingData(trainingData).inbox(inbox)
                .events(e -> events.add(e.deepCopy()));
    }

    public MelodyReader reader() {
        return new MelodyReader(ops);
    }

    public Melody melody(String json) throws Exception {
        return reader().parse(json, dir.resolve("test.melody.json"));
    }

    public RunResult run(String json, String inputsJson) throws Exception {
        ObjectNode inputs = inputsJson == null ? JsonNodeFactory.instance.objectNode()
                : (ObjectNode) TestOperators.json(inputsJson);
        return new Conductor(context()).start(melody(json), inputs);
    }

    public RunResult run(String json) throws Exception {
        return run(json, null);
    }

    /** The node of every event of the given types, in order (ready events depend on timing: ask for them only on purpose). */
    public List<String> trace(String... types) {
        List<String> want = List.of(types);
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (want.contains(e.path("type").asText())) {
                out.add(e.path("node").asText());
            }
        }
        return out;
    }

    public List<String> finished() {
        return trace("node.finished");
    }

    /** Events of one type, in order. */
    public List<ObjectNode> ofType(String type) {
        return events.stream().filter(e -> e.path("type").asText().equals(type)).toList();
    }

    /** Index in the event stream of the first event of {@code type} about {@code node} (-1 if none). */
    public int indexOf(String type, String node) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).path("type").asText().equals(type) && events.get(i).path("node").asText().equals(node)) {
                return i;
            }
        }
        return -1;
    }

    public void assertEventsValid() {
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
