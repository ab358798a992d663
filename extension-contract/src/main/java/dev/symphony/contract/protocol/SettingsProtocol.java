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
}
