package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the conductor knows about one capability of one extension, from its manifest: contracts (JSON
 * Schemas of input and output), kind, cost per call and typical latency (Maestro's and the policy's features).
 */
public record CapabilitySpec(String extension, String capability, String kind, JsonNode inputSchema,
                             JsonNode outputSchema, double costPerCall, double latencyP50Ms, long timeoutMs) {
    public String key() {
        return extension + "/" + capability;
    }
}
