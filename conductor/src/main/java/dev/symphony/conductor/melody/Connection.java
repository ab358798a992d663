package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A data pathway {@code from -> to}. Several from one node fork (parallel split); several into one node join
 * (the target's {@code join}). {@code branch}: live only if the source chose that branch (exclusive choice);
 * {@code when}: live only if the expression holds once the source finished (multi-choice).
 */
public record Connection(String from, String to, String branch, String when, Kind kind, String path) {
    public enum Kind { HARD, SOFT, OPTIONAL }

    static Connection of(JsonNode json, String path) {
        String kind = json.path("kind").asText("hard");
        return new Connection(json.path("from").asText(), json.path("to").asText(),
                json.hasNonNull("branch") ? json.get("branch").asText() : null,
                json.hasNonNull("when") ? json.get("when").asText() : null,
                Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), path);
    }
}
