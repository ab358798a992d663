package dev.symphony.sdk.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.CallProtocol;

/**
 * Calls another extension through the kernel, which allows only the extensions this one declares
 * as dependencies (in their version range), validates the input against the callee's schema and
 * limits the rate to the dependency's {@code callsPerSecond}.
 */
public final class HostExtensions {
    private final Broker broker;

    HostExtensions(Broker broker) {
        this.broker = broker;
    }

    public JsonNode call(String extensionId, String capability, JsonNode input) {
        return broker.request(BrokerProtocol.EXTENSION_CALL, new CallProtocol.ExtensionCall(extensionId, capability, input));
    }
}
