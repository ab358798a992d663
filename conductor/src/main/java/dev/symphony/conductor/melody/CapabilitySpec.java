package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the conductor knows about one capability of one extension, from its manifest: contracts (JSON
 * Schemas of input and output), kind, price (per call and per token) and typical latency (Maestro's and the
 * policy's features).
 */
public record CapabilitySpec(String extension, String capability, String kind, JsonNode inputSchema,
                             JsonNode outputSchema, double costPerCall, double latencyP50Ms, long timeoutMs,
                             double costPerToken) {
    public CapabilitySpec(String extension, String capability, String kind, JsonNode inputSchema, JsonNode outputSchema,
                          double costPerCall, double latencyP50Ms, long timeoutMs) {
        this(extension, capability, kind, inputSchema, outputSchema, costPerCall, latencyP50Ms, timeoutMs, 0);
    }

    public String key() {
        return extension + "/" + capability;
    }

    /**
     * The most tokens one call with {@code input} may produce: its {@code maxTokens}, else the input schema's
     * default or maximum for it; -1 when nothing bounds it.
     */
    public long tokenBound(JsonNode input) {
        if (input != null && input.path("maxTokens").canConvertToLong()) {
            return input.path("maxTokens").asLong();
        }
        JsonNode declared = inputSchema == null ? null : inputSchema.path("properties").path("maxTokens");
        if (declared != null && declared.path("default").canConvertToLong()) {
            return declared.path("default").asLong();
        }
        if (declared != null && declared.path("maximum").canConvertToLong()) {
            return declared.path("maximum").asLong();
        }
        return -1;
    }
}
