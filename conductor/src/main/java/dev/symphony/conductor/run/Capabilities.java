package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.melody.CapabilitySpec;
import java.time.Duration;

/**
 * "Call a capability": the CLI's implementation goes through the kernel and the bus exactly like
 * {@code symphony call} ({@link KernelCapabilities}); tests use in-process Operators. Implementations are
 * called from several worker threads at once.
 */
public interface Capabilities extends CapabilityCatalog {
    /**
     * Calls {@code spec} with {@code input}; returns its JSON output or throws with a message saying what
     * went wrong. Should give up after {@code timeout} (the executor also stops waiting then).
     */
    JsonNode call(CapabilitySpec spec, JsonNode input, Duration timeout) throws Exception;
}
