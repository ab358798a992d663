package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events delivered to the runs of a {@link RunContext} from outside ({@code serve}: every event an extension
 * announces, as {@code EXTENSION/EVENT}; a test): a node that {@code awaits} an event starts once it has arrived
 * after its run started ({@link #mark()}): an older delivery does not count. The newest delivery of a name is
 * kept (its payload is the awaiting node's {@code event}). Safe to use from any thread.
 */
public final class RunInbox {
    private record Delivery(long seq, JsonNode payload) {
    }

    private final AtomicLong seq = new AtomicLong();
    private final Map<String, Delivery> latest = new ConcurrentHashMap<>();

    /** Delivers event {@code name} (e.g. {@code mail/reply}) with its payload (null: an empty object). */
    public void deliver(String name, JsonNode payload) {
        latest.put(name, new Delivery(seq.incrementAndGet(), payload == null ? JsonNodeFactory.instance.objectNode() : payload.deepCopy()));
    }

    /** Where the deliveries stand now: a run counts only deliveries after its mark. */
    public long mark() {
        return seq.get();
    }

    /** The payload of event {@code name}, if it was delivered after {@code mark}. */
    public Optional<JsonNode> arrived(String name, long mark) {
        Delivery d = latest.get(name);
        return d == null || d.seq() <= mark ? Optional.empty() : Optional.of(d.payload());
    }
}
