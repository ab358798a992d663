package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A node's {@code onError}, typed: the one place its fields get their meaning (the schema says which are
 * allowed, {@link NodeRules} checks them against the rest of the Melody, the executor acts on this record).
 * After the node's own attempts ({@code 1 + retry.count} on the chosen provider, one on each other Maestro
 * provider) comes the {@code fallback} capability, then {@link Then}. {@code retiredCompensate}: the file still
 * uses the retired {@code onError.compensate} (the rules reject it with the way forward).
 */
public record ErrorStrategy(Retry retry, Fallback fallback, Then then, boolean retiredCompensate) {
    /** What happens when every attempt failed. */
    public enum Then {
        /** The run fails. */
        FAIL,
        /** The node (non-essential only) and what depends on it are skipped. */
        SKIP,
        /** The node waits for a person to say "retry" ({@code symphony approve RUN NODE.haltN}). */
        HALT,
        /**
         * Saga compensation: the run fails, and the nodes that finished before and declare a {@code compensation}
         * are undone by it, in reverse order of completion (a substitute output is {@code fallback}, not this).
         */
        COMPENSATE;

        static Then of(String json) {
            return valueOf(json.toUpperCase(Locale.ROOT));
        }

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code count} more attempts; the k-th retry waits {@code backoffMs × factor^k}; {@code input} is merged over the input. */
    public record Retry(int count, long backoffMs, double factor, JsonNode input) {
        public static final Retry NONE = new Retry(0, 0, 1, null);

        /** The wait before retry {@code k + 1} (k = 0 for the first retry). */
        public long backoffMs(int k) {
            return (long) (backoffMs * Math.pow(factor, k));
        }
    }

    /** Another capability to try once (its own input template, or the node's input when null). */
    public record Fallback(String extension, String capability, JsonNode input) {
    }

    public static final ErrorStrategy DEFAULT = new ErrorStrategy(Retry.NONE, null, Then.FAIL, false);

    /** The strategy of a schema-valid {@code onError} object (missing: fail at once). */
    public static ErrorStrategy of(JsonNode onError) {
        if (onError == null || onError.isMissingNode() || onError.isNull()) {
            return DEFAULT;
        }
        JsonNode r = onError.path("retry");
        Retry retry = r.isMissingNode() ? Retry.NONE
                : new Retry(r.path("count").asInt(0), r.path("backoffMs").asLong(0), r.path("factor").asDouble(1), r.get("input"));
        JsonNode f = onError.get("fallback");
        Fallback fallback = f == null ? null
                : new Fallback(f.path("extension").asText(null), f.path("capability").asText(), f.get("input"));
        return new ErrorStrategy(retry, fallback, Then.of(onError.path("then").asText("fail")), onError.has("compensate"));
    }
}
