package dev.symphony.sdk.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.protocol.LogProtocol;

/** The raw channel to the kernel's broker. Requests are checked by the kernel; the typed clients also check first. */
public interface Broker {
    /** Sends a brokered request ({@code BrokerProtocol} op + args) and returns the kernel's answer. */
    JsonNode request(String op, Object args);

    /** One-way notice (log line, client-side denial, UI update). */
    void event(LogProtocol.HostEvent event);

    /**
     * Opens a brokered stream ({@code BrokerProtocol} op + args) whose chunks the kernel sends as they come, no faster
     * than they are taken. Each chunk must arrive within {@code idleTimeout}.
     */
    default Stream stream(String op, Object args, java.time.Duration idleTimeout) {
        throw new dev.symphony.sdk.api.ExtensionException(dev.symphony.contract.ErrorCode.UNKNOWN_CAPABILITY,
                "brokered streams (" + op + ") need the kernel's bus; this broker has none");
    }

    /**
     * A latency mark ({@link System#nanoTime()}) for the kernel's trace, kept only when the kernel asked its hosts to
     * trace (benchmarks); otherwise nothing happens.
     */
    default void trace(String point, long nanos) {
    }

    /** The receiving side of a brokered stream; {@link #close()} before the end cancels it. */
    interface Stream extends AutoCloseable {
        /** The next chunk, or null after the last; throws {@code ExtensionException} on failure. */
        byte[] next();

        /** The end payload once {@link #next()} returned null, else null. */
        byte[] end();

        @Override
        void close();
    }
}
