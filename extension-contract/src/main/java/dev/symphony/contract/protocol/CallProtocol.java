package dev.symphony.contract.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Invoking a capability. Kernel to host: {@link Invoke} as a REQUEST (answer: a {@link dev.symphony.contract.Reply},
 * the same shape for every kind of capability) or a STREAM_REQUEST (chunks: output JSON values; end: a
 * {@link StreamSummary}); {@link Invoke} with {@code warmUp} set asks only for the capability's model
 * to be loaded (answer: a {@link ModelProtocol.State}). Host to kernel: {@link ExtensionCall} as a brokered
 * request, for calling a declared dependency.
 */
public final class CallProtocol {
    private CallProtocol() {
    }

    /**
     * {@code warmUp} is left out of the encoding when false, so a plain call costs no extra bytes.
     * {@code onBehalfOf}: set when another extension made this call through the kernel — an opaque token the
     * host puts on every brokered request it makes while serving the call ({@link BrokerProtocol.Request}), so
     * the kernel checks those requests against the caller's permissions as well as the host's own.
     */
    public record Invoke(String capability, JsonNode input,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean warmUp,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String onBehalfOf) {
        public Invoke(String capability, JsonNode input) {
            this(capability, input, false, null);
        }

        public Invoke(String capability, JsonNode input, boolean warmUp) {
            this(capability, input, warmUp, null);
        }

        public static Invoke warmUp(String capability) {
            return new Invoke(capability, null, true);
        }
    }

    public record StreamSummary(long chunks, long tokens, double cost) {
    }

    public record ExtensionCall(String extension, String capability, JsonNode input) {
    }
}
