package dev.symphony.sdk.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.protocol.LogProtocol;

/**
 * Events an extension announces (one-way, to the kernel): the kernel audits them and hands them
 * to its listeners — a Melody's {@code extension.event} trigger in the IDE or {@code symphony serve}.
 */
public final class HostEvents {
    private final Broker broker;

    HostEvents(Broker broker) {
        this.broker = broker;
    }

    /** Announces event {@code name} (for example {@code "build.finished"}) with an optional JSON payload. */
    public void emit(String name, JsonNode payload) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an event needs a name");
        }
        broker.event(new LogProtocol.HostEvent(LogProtocol.EXTENSION_EVENT, "info", name, payload));
    }
}
