package dev.symphony.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.ErrorCode;
import dev.symphony.ipc.api.BusException;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.LogProtocol;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.services.Broker;

import java.time.Duration;

/** The host's broker: brokered requests are bus requests to the kernel. */
final class BusBroker implements Broker {
    private final Endpoint endpoint;
    private final Duration timeout;

    BusBroker(Endpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    @Override
    public JsonNode request(String op, Object args) {
        byte[] payload = PayloadCodec.encode(new BrokerProtocol.Request(op, PayloadCodec.json().valueToTree(args),
                CallerScope.current()));
        try {
            return PayloadCodec.decode(endpoint.call(payload, timeout));
        } catch (BusException e) {
            throw new ExtensionException(ErrorCode.ofCode(e.status()), e.getMessage());
        }
    }

    @Override
    public void event(LogProtocol.HostEvent event) {
        endpoint.sendEvent(PayloadCodec.encode(event));
    }
}
