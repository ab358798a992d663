package dev.symphony.sdk.services;

import dev.symphony.contract.protocol.LogProtocol;

/** Log lines go to the kernel (one-way), which writes them to the extension's log. */
public final class HostLog {
    private final Broker broker;

    HostLog(Broker broker) {
        this.broker = broker;
    }

    public void info(String message) {
        broker.event(new LogProtocol.HostEvent("log", "info", message, null));
    }

    public void warn(String message) {
        broker.event(new LogProtocol.HostEvent("log", "warn", message, null));
    }
}
