package dev.symphony.sdk.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.SettingsProtocol;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The extension's own settings (keys of the schema it contributes), as the kernel resolved them. */
public final class HostSettings {
    private final Broker broker;

    HostSettings(Broker broker) {
        this.broker = broker;
    }

    public JsonNode get(String key) {
        return broker.request(BrokerProtocol.SETTINGS_GET, new SettingsProtocol.Get(key)).path("value");
    }

    /**
     * Several keys in one bus round trip, each as {@link #get} reads it (a JSON null for a key the extension
     * contributes no schema for). Read on every request, never cached: a change in settings.json reaches the next one.
     */
    public Map<String, JsonNode> get(List<String> keys) {
        JsonNode values = broker.request(BrokerProtocol.SETTINGS_GET_MANY, new SettingsProtocol.GetMany(keys)).path("values");
        Map<String, JsonNode> out = new HashMap<>();
        for (String key : keys) {
            out.put(key, values.path(key).isMissingNode() ? NullNode.getInstance() : values.get(key));
        }
        return out;
    }
}
