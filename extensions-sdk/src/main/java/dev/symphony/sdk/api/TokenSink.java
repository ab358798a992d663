package dev.symphony.sdk.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Where an {@link Instrument} writes its output; blocks while the caller is behind (back-pressure). */
public interface TokenSink {
    /** One output token; sent as {@code {"token": text}} and counted for cost. */
    void token(String text);

    /** Any other chunk of output. */
    void emit(JsonNode chunk);

    boolean cancelled();
}
