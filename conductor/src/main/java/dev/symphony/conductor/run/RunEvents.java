package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.agrona.concurrent.EpochClock;

/**
 * Builds and publishes a run's events ({@code melody-event.schema.json}): each gets the next sequence
 * number and a timestamp, then goes to every sink (stdout, the journal, a test's list). Thread-safe: worker
 * threads report retries and progress; the order of {@code seq} is the order sinks see.
 */
public final class RunEvents {
    private static final com.fasterxml.jackson.databind.ObjectWriter LINE = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writer();
    private static final com.fasterxml.jackson.databind.ObjectMapper FIELDS = new com.fasterxml.jackson.databind.ObjectMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .disable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY);
    private final String runId;
    private final EpochClock clock;
    private final List<Consumer<ObjectNode>> sinks = new CopyOnWriteArrayList<>();
    private long seq;

    public RunEvents(String runId, EpochClock clock, long firstSeq) {
        this.runId = runId;
        this.clock = clock;
        this.seq = firstSeq;
    }

    public RunEvents sink(Consumer<ObjectNode> sink) {
        sinks.add(sink);
        return this;
    }

    public String runId() {
        return runId;
    }

    /** Publishes {@code event}: its header, then its fields as the schema names them. */
    public void emit(RunEvent event) {
        ObjectNode e = event(event.type(), event.node());
        ObjectNode fields = FIELDS.valueToTree(event);
        fields.remove("node");
        e.setAll(fields);
        emit(e);
    }

    private ObjectNode event(String type, String node) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("v", 1);
        e.put("seq", 0);
        e.put("time", "");
        e.put("runId", runId);
        e.put("type", type);
        if (node != null) {
            e.put("node", node);
        }
        return e;
    }

    private synchronized void emit(ObjectNode e) {
        e.put("seq", seq++);
        e.put("time", Instant.ofEpochMilli(clock.time()).toString());
        for (Consumer<ObjectNode> s : sinks) {
            s.accept(e);
        }
    }

    /** One event as a JSON line: costs in plain decimal notation, never with an exponent. */
    public static String line(ObjectNode event) {
        try {
            return LINE.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an event tree always serializes", e);
        }
    }

    public synchronized long nextSeq() {
        return seq;
    }
}
