package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * One call of an extension's capability, as the kernel's callers ask for it ({@link Kernel#call},
 * {@link Kernel#stream}): who calls (the name the audit log records), which extension and capability,
 * the input, and how long to wait — for a unary call the whole answer, for a stream each chunk. A null
 * {@code timeout} means the capability's own ({@code timeoutMs} in its manifest).
 */
public record CapabilityCall(String caller, String extension, String capability, JsonNode input, Duration timeout) {

    /** A call bounded by the capability's declared timeout. */
    public CapabilityCall(String caller, String extension, String capability, JsonNode input) {
        this(caller, extension, capability, input, null);
    }
}
