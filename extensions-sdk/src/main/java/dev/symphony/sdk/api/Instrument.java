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

    /**
     * Loads the model (the pool manager's Loading → Warm). The host calls it once per capability, before
     * the capability's first {@link #generate} or earlier when the kernel asks (a scheduler warming a model
     * ahead of use), and tells the kernel LOADING, then WARM with the time it took or FAILED with the
     * exception's message. Calls that arrive during a warm-up wait for it; a failed warm-up fails them and
     * is tried again by the next call. {@link #generate} therefore never sees a cold model, and need not
     * report loading itself. Registration ({@link SymphonyExtension#register}) should load nothing.
     */
    default void warmUp(CallContext context) throws Exception {
    }
}
