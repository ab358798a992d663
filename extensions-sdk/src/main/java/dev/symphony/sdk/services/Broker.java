package dev.symphony.sdk.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.protocol.LogProtocol;

/** The raw channel to the kernel's broker. Requests are checked by the kernel; the typed clients also check first. */
public interface Broker {
    /** Sends a brokered request ({@code BrokerProtocol} op + args) and returns the kernel's answer. */
    JsonNode request(String op, Object args);

    /** One-way notice (log line, client-side denial, UI update). */
    void event(LogProtocol.HostEvent event);
}
