package dev.symphony.samples.helloaddon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.sdk.api.Addon;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.SymphonyExtension;
import dev.symphony.sdk.api.UiEvent;
import dev.symphony.sdk.api.VirtualNode;

/** Entry class of {@code dev.symphony.samples.hello-addon}: a counter with + and reset buttons. */
public class HelloAddon implements SymphonyExtension, Addon {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public void register(Capabilities capabilities) {
        capabilities.addon("counter", this);
    }

    @Override
    public VirtualNode render(JsonNode state, CallContext context) {
        int count = state.path("count").asInt(0);
        return VirtualNode.of("hello", "column").withChildren(
                VirtualNode.of("label", "text").withProp("text", NODES.textNode("Clicked " + count + " times")),
                VirtualNode.of("plus", "button").withProp("text", NODES.textNode("+")).on("click", "increment"),
                VirtualNode.of("reset", "button").withProp("text", NODES.textNode("Reset")).on("click", "reset"));
    }

    @Override
    public VirtualNode onEvent(UiEvent event, CallContext context) {
        int count = event.state() == null ? 0 : event.state().path("count").asInt(0);
        int step = context.services().settings().get("step").asInt(1);
        int next = switch (event.action() == null ? "" : event.action()) {
            case "increment" -> count + step;
            case "reset" -> 0;
            default -> count;
        };
        return render(NODES.objectNode().put("count", next), context);
    }
}
