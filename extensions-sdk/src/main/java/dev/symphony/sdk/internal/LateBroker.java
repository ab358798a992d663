package dev.symphony.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.protocol.LogProtocol;
import dev.symphony.sdk.services.Broker;

/** The broker exists before the endpoint does (the endpoint's handler needs the services): bound once connected. */
final class LateBroker implements Broker {
    private volatile Broker delegate;

    void bind(Broker broker) {
        this.delegate = broker;
    }

    @Override
    public JsonNode request(String op, Object args) {
        return delegate.request(op, args);
    }

    @Override
    public void event(LogProtocol.HostEvent event) {
        delegate.event(event);
    }

    @Override
    public void trace(String point, long nanos) {
        delegate.trace(point, nanos);
    }

    @Override
    public Stream stream(String op, Object args, java.time.Duration idleTimeout) {
        return delegate.stream(op, args, idleTimeout);
    }
}
