package dev.symphony.ipc.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Invoking a capability. Kernel to host: {@link Invoke} as a REQUEST (answer: the output JSON) or a
 * STREAM_REQUEST (chunks: output JSON values; end: a {@link StreamSummary}). Host to kernel:
 * {@link ExtensionCall} as a brokered request, for calling a declared dependency.
 */
public final class CallProtocol {
    private CallProtocol() {
    }

    public record Invoke(String capability, JsonNode input) {
    }

    public record StreamSummary(long chunks, long tokens, double cost) {
    }

    public record ExtensionCall(String extension, String capability, JsonNode input) {
    }
}
