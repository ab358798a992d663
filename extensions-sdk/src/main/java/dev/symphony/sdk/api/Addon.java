package dev.symphony.sdk.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.pf4j.ExtensionPoint;

/**
 * A UI contribution, described as data: {@link #render} returns a {@link VirtualNode} tree that the
 * workbench turns into real controls; user actions come back as {@link UiEvent}s and
 * {@link #onEvent} returns the updated tree. On the bus an Addon capability takes
 * {@code {"state": ...}} to render or {@code {"event": {...}}} to handle an event.
 */
public interface Addon extends ExtensionPoint {
    VirtualNode render(JsonNode state, CallContext context) throws Exception;

    VirtualNode onEvent(UiEvent event, CallContext context) throws Exception;
}
