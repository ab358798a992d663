package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.contract.Reply;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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

    /**
     * Like {@link #call}, with the tokens and the actual cost the callee reports (the contract's
     * {@link Reply}). Implementations that cannot tell report no tokens and the declared cost per call.
     */
    default Reply invoke(CapabilitySpec spec, JsonNode input, Duration timeout) throws Exception {
        return new Reply(call(spec, input, timeout), 0, spec.costPerCall());
    }

    /**
     * Calls {@code spec} as a stream: each chunk to {@code chunks} as it comes (a language model's tokens, then its final
     * answer, which a unary call does not carry); the {@link Reply}'s output is the last chunk. Implementations without
     * streams give the unary answer as the one chunk.
     */
    default Reply stream(CapabilitySpec spec, JsonNode input, Duration timeout, java.util.function.Consumer<JsonNode> chunks)
            throws Exception {
        Reply r = invoke(spec, input, timeout);
        chunks.accept(r.output());
        return r;
    }

    /**
     * Loads the model behind an Instrument capability ahead of its first call (the pool manager's
     * LOADING → WARM): completes when it is warm, exceptionally when loading failed. Implementations
     * without a separate load (in-process Operators, tests) are warm at once.
     */
    default CompletableFuture<?> warmUp(CapabilitySpec spec) {
        return CompletableFuture.completedFuture(null);
    }
}
