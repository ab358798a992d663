package dev.symphony.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.ErrorCode;
import dev.symphony.ipc.api.BusException;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.ipc.api.StreamCall;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.LogProtocol;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.services.Broker;

import java.time.Duration;

/** The host's broker: brokered requests are bus requests to the kernel. */
final class BusBroker implements Broker {
    private final Endpoint endpoint;
    private final Duration timeout;
    private final HostTrace trace;

    BusBroker(Endpoint endpoint, Duration timeout, HostTrace trace) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.trace = trace;
    }

    @Override
    public void trace(String point, long nanos) {
        trace.mark(point, nanos);
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
    public Stream stream(String op, Object args, Duration idleTimeout) {
        byte[] payload = PayloadCodec.encode(new BrokerProtocol.Request(op, PayloadCodec.json().valueToTree(args),
                CallerScope.current()));
        StreamCall call;
        try {
            call = endpoint.openStream(payload, idleTimeout);
        } catch (BusException e) {
            throw new ExtensionException(ErrorCode.ofCode(e.status()), e.getMessage());
        }
        return new Stream() {
            @Override
            public byte[] next() {
                try {
                    return call.next();
                } catch (BusException e) {
                    throw new ExtensionException(ErrorCode.ofCode(e.status()), e.getMessage());
                }
            }

            @Override
            public byte[] end() {
                return call.endPayload();
            }

            @Override
            public void close() {
                call.close();
            }
        };
    }

    @Override
    public void event(LogProtocol.HostEvent event) {
        endpoint.sendEvent(PayloadCodec.encode(event));
    }
}
