package dev.symphony.ui.addons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One checked VirtualNode: its id (unique in its tree), component, props, children and the actions its events
 * send ({@code event → action}). Immutable; {@link #sameOwn} compares everything but the children.
 */
public record VNode(String id, String component, ObjectNode props, List<VNode> children, Map<String, String> handlers) {

    public VNode {
        children = List.copyOf(children);
        handlers = Map.copyOf(handlers);
    }

    public String text(String prop, String fallback) {
        JsonNode v = props.get(prop);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    /** The same component, props and handlers (children aside): nothing of this node's own control changes. */
    public boolean sameOwn(VNode other) {
        return component.equals(other.component) && props.equals(other.props) && handlers.equals(other.handlers);
    }

    /** The ids of the children, in order. */
    public List<String> childIds() {
        return children.stream().map(VNode::id).toList();
    }
}
