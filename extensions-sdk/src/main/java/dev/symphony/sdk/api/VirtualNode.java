package dev.symphony.sdk.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A declarative UI node: id, component type ({@code "column"}, {@code "button"}, {@code "text"},
 * {@code "textField"}, …), props, children and event handlers. Immutable; serialised to JSON as is.
 */
public record VirtualNode(String id, String component, Map<String, JsonNode> props, List<VirtualNode> children,
                          List<EventHandler> handlers) {

    /** An event the node reacts to and the action name sent back in the {@link UiEvent}. */
    public record EventHandler(String event, String action) {
    }

    public VirtualNode {
        props = Map.copyOf(props);
        children = List.copyOf(children);
        handlers = List.copyOf(handlers);
    }

    public static VirtualNode of(String id, String component) {
        return new VirtualNode(id, component, Map.of(), List.of(), List.of());
    }

    public VirtualNode withProp(String name, JsonNode value) {
        var p = new java.util.LinkedHashMap<>(props);
        p.put(name, value);
        return new VirtualNode(id, component, p, children, handlers);
    }

    public VirtualNode withChildren(VirtualNode... nodes) {
        return new VirtualNode(id, component, props, List.of(nodes), handlers);
    }

    public VirtualNode on(String event, String action) {
        var h = new java.util.ArrayList<>(handlers);
        h.add(new EventHandler(event, action));
        return new VirtualNode(id, component, props, children, h);
    }
}
