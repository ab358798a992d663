package dev.symphony.contract.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** An extension reads its own settings (those it contributes a schema for). */
public final class SettingsProtocol {
    private SettingsProtocol() {
    }

    public record Get(String key) {
    }

    public record Value(JsonNode value) {
    }

    /**
     * Several keys at once, each resolved as {@link Get} resolves it: one bus round trip where a request reads its
     * whole configuration (a model Instrument's server, model, key and timeout). Answered as {@code {"values": {key:
     * value}}}, null for a key the extension contributes no schema for.
     */
    public record GetMany(java.util.List<String> keys) {
    }
}
