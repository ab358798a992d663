package dev.symphony.sdk.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A user action on a {@link VirtualNode}: which node, which event, the handler's action, and a value. */
public record UiEvent(String nodeId, String event, String action, JsonNode value, JsonNode state) {
}
