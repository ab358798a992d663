package dev.symphony.sdk.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.SettingsProtocol;

/** The extension's own settings (keys of the schema it contributes), as the kernel resolved them. */
public final class HostSettings {
    private final Broker broker;

    HostSettings(Broker broker) {
        this.broker = broker;
    }

    public JsonNode get(String key) {
        return broker.request(BrokerProtocol.SETTINGS_GET, new SettingsProtocol.Get(key)).path("value");
    }
}
