package dev.symphony.samples.helloaddon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.sdk.api.Addon;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.SymphonyExtension;
import dev.symphony.sdk.api.UiEvent;
import dev.symphony.sdk.api.VirtualNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entry class of {@code dev.symphony.samples.hello-addon}: a counter kept in the extension, shown in a view
 * ({@code hello.counter}) with + and reset buttons, changed by the palette command {@code hello.increment} too. After
 * each change it tells the workbench (events {@code workbench.viewChanged}, {@code workbench.statusBar}, and at every
 * tenth a {@code workbench.notify} with an Increment action).
 */
public class HelloAddon implements SymphonyExtension, Addon {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public void register(Capabilities capabilities) {
        capabilities.addon("counter", this);
        capabilities.operator("increment", (input, context) -> {
            int now = add(context.services().settings().get("step").asInt(1), context);
            return NODES.objectNode().put("count", now);
        });
    }

    @Override
    public VirtualNode render(JsonNode state, CallContext context) {
        int n = count.get();
        ArrayNode history = NODES.arrayNode();
        for (int i = 0; i <= Math.min(n, 20); i++) {
            history.add(NODES.arrayNode().add(i).add(i * i));
        }
        return VirtualNode.of("hello", "column").withProp("state", NODES.objectNode().put("count", n)).withChildren(
                VirtualNode.of("label", "text").withProp("text", NODES.textNode("Clicked " + n + " times")),
                VirtualNode.of("badge", "badge").withProp("text", NODES.textNode(Integer.toString(n)))
                        .withProp("color", NODES.textNode(n % 2 == 0 ? "#1a7f37" : "#9a6700")),
                VirtualNode.of("progress", "progress").withProp("value", NODES.numberNode((n % 10) / 10.0)),
                VirtualNode.of("buttons", "row").withChildren(
                        VirtualNode.of("plus", "button").withProp("text", NODES.textNode("+")).on("click", "increment"),
                        VirtualNode.of("reset", "button").withProp("text", NODES.textNode("Reset")).on("click", "reset")),
                VirtualNode.of("about", "markdown").withProp("markdown",
                        NODES.textNode("**Hello** from an extension: this view is a *VirtualNode* tree.")),
                VirtualNode.of("squares", "chart").withProp("type", NODES.textNode("line"))
                        .withProp("series", NODES.arrayNode().add(NODES.objectNode().put("name", "n²").set("points", history))));
    }

    @Override
    public VirtualNode onEvent(UiEvent event, CallContext context) {
        switch (event.action() == null ? "" : event.action()) {
            case "increment" -> add(context.services().settings().get("step").asInt(1), context);
            case "reset" -> {
                count.set(0);
                announce(0, context);
            }
            default -> { }
        }
        return render(event.state(), context);
    }

    private int add(int step, CallContext context) {
        int now = count.addAndGet(step);
        announce(now, context);
        if (now > 0 && now % 10 == 0) {
            context.services().events().emit("workbench.notify", NODES.objectNode().put("message", "The counter reached " + now + ".")
                    .put("severity", "info").set("actions", NODES.arrayNode().add(NODES.objectNode().put("title", "Increment")
                            .put("command", "hello.increment"))));
        }
        return now;
    }

    private static void announce(int now, CallContext context) {
        context.services().events().emit("workbench.statusBar", NODES.objectNode().put("id", "hello.count").put("text", "Hello: " + now));
        context.services().events().emit("workbench.viewChanged", NODES.objectNode().put("view", "hello.counter"));
    }
}
