package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields every kind of node has, typed (the kind-specific ones are {@link NodeSpec}).
 *
 * @param essential     false: the node may be skipped after a failure ({@code onError.then = skip})
 * @param timeoutMs     bound of each attempt (null: the capability's manifest timeout, else 30 s)
 * @param preconditions expressions that must hold before the node starts
 * @param join          how incoming connections combine
 * @param cancels       nodes withdrawn when this one finishes ({@code ["*"]}: the whole run)
 * @param reconstruct   how a missing output is regenerated from a later node's (null: not declared)
 * @param priority      business value for arbitration of contested resources
 * @param compensation  the node that undoes this one's effect when a later failure rolls the run back (saga
 *                      compensation; null: nothing to undo)
 * @param awaits        the event this node waits for once ready, as one branch of a deferred choice (null: none)
 * @param resources     contested resources the node holds while it runs, as declared (first declaration of a name first)
 */
public record NodeCommon(boolean essential, Long timeoutMs, List<String> preconditions, Join join, List<String> cancels,
                         Reconstruct reconstruct, double priority, String compensation, Awaits awaits,
                         List<Resource> resources) {

    /** A resource claim: {@code kind} file, model, gpu or budget; {@code capacity} holders at once. */
    public record Resource(String name, String kind, int capacity) {
    }

    /** {@code all}: every live incoming connection; {@code first}: once, on the first; {@code each}: once per connection. */
    public enum Join {
        ALL, FIRST, EACH;

        static Join of(String json) {
            return json == null ? ALL : valueOf(json.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Deferred choice (WCP16): once ready, the node waits for {@code event} (delivered to the run's inbox) or for
     * {@code afterMs} to pass; the first node of its {@code choice} whose event arrives starts, the others of
     * that choice are withdrawn without starting.
     */
    public record Awaits(String choice, String event, Long afterMs) {
    }

    /** Reverse reconstruction: regenerate the output from {@code from}'s output through the template {@code value}. */
    public record Reconstruct(String from, JsonNode value) {
    }

    static NodeCommon of(JsonNode json) {
        List<String> pre = new ArrayList<>();
        json.path("preconditions").forEach(p -> pre.add(p.asText()));
        List<String> cancels = new ArrayList<>();
        JsonNode c = json.get("cancels");
        if (c != null && c.isTextual()) {
            cancels.add("*");
        } else if (c != null) {
            c.forEach(e -> cancels.add(e.asText()));
        }
        JsonNode r = json.get("reconstruct");
        Reconstruct reconstruct = r == null ? null : new Reconstruct(r.path("from").asText(null), r.get("value"));
        JsonNode a = json.get("awaits");
        Awaits awaits = a == null ? null : new Awaits(a.path("choice").asText(), a.has("event") ? a.get("event").asText() : null,
                a.has("afterMs") ? a.get("afterMs").asLong() : null);
        List<Resource> resources = new ArrayList<>();
        json.path("resources").forEach(x -> resources.add(x.isTextual() ? new Resource(x.asText(), "file", 1)
                : new Resource(x.path("name").asText(), x.path("kind").asText("file"), x.path("capacity").asInt(1))));
        return new NodeCommon(json.path("essential").asBoolean(true),
                json.has("timeoutMs") ? json.get("timeoutMs").asLong() : null, List.copyOf(pre),
                Join.of(json.has("join") ? json.get("join").asText() : null), List.copyOf(cancels), reconstruct,
                json.path("priority").asDouble(0.5), json.has("compensation") ? json.get("compensation").asText() : null, awaits,
                List.copyOf(resources));
    }
}
