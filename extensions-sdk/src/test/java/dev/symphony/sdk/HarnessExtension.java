package dev.symphony.sdk;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.sdk.api.Addon;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.SymphonyExtension;
import dev.symphony.sdk.api.UiEvent;
import dev.symphony.sdk.api.VirtualNode;

/** A small extension of every kind, used to test the harness. */
public class HarnessExtension implements SymphonyExtension {
    @Override
    public void register(Capabilities capabilities) {
        capabilities
                .operator("shout", (in, ctx) -> JsonNodeFactory.instance.objectNode().put("text", in.path("text").asText().toUpperCase()))
                .operator("read", (in, ctx) -> JsonNodeFactory.instance.objectNode().put("text", ctx.services().files().read(in.path("path").asText())))
                .instrument("words", (in, out, ctx) -> {
                    for (String w : in.path("text").asText().split(" ")) {
                        out.token(w);
                    }
                })
                .addon("counter", new Addon() {
                    @Override
                    public VirtualNode render(com.fasterxml.jackson.databind.JsonNode state, CallContext context) {
                        int n = state.path("count").asInt();
                        return VirtualNode.of("root", "column").withChildren(
                                VirtualNode.of("label", "text").withProp("text", JsonNodeFactory.instance.textNode("count " + n)),
                                VirtualNode.of("inc", "button").on("click", "increment"));
                    }

                    @Override
                    public VirtualNode onEvent(UiEvent event, CallContext context) {
                        int n = event.state().path("count").asInt() + ("increment".equals(event.action()) ? 1 : 0);
                        return render(JsonNodeFactory.instance.objectNode().set("count", IntNode.valueOf(n)), context);
                    }
                });
    }
}
