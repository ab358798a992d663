package dev.symphony.ui.addons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;

/**
 * The extension side of a view: an Addon capability called through the kernel over the bus. {@link #render} sends
 * {@code {"state": …}}; {@link #event} sends the UI event record {@code {"event": {nodeId, event, action, value,
 * state}}} (the SDK's {@code UiEvent}). Both block: call them off the JavaFX thread.
 */
public interface AddonBackend {
    JsonNode render(JsonNode state);

    JsonNode event(UiEventRecord event);

    /** The record a user action becomes on the bus (the SDK decodes it as {@code UiEvent}). */
    record UiEventRecord(String nodeId, String event, String action, JsonNode value, JsonNode state) {
    }

    static AddonBackend of(Kernel kernel, String extension, String capability) {
        ObjectMapper json = new ObjectMapper();
        return new AddonBackend() {
            @Override
            public JsonNode render(JsonNode state) {
                ObjectNode input = json.createObjectNode();
                input.set("state", state);
                return kernel.call(new CapabilityCall("workbench", extension, capability, input)).output();
            }

            @Override
            public JsonNode event(UiEventRecord event) {
                ObjectNode input = json.createObjectNode();
                input.set("event", json.valueToTree(event));
                return kernel.call(new CapabilityCall("workbench", extension, capability, input)).output();
            }
        };
    }
}
