package dev.symphony.sdk.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.pf4j.ExtensionPoint;

/**
 * An AI/ML model. Input and output are described by the capability's JSON Schemas in the manifest,
 * and so are its declared cost (per call, per token) and latency profile. Output is streamed: each
 * {@link TokenSink#token} reaches the caller as it is produced. Instruments run on a worker thread
 * of the host and should check {@link TokenSink#cancelled()}.
 */
public interface Instrument extends ExtensionPoint {
    void generate(JsonNode input, TokenSink out, CallContext context) throws Exception;

    /** Loads the model; called before the first {@link #generate} (the pool manager's Loading → Warm). */
    default void warmUp(CallContext context) throws Exception {
    }
}
