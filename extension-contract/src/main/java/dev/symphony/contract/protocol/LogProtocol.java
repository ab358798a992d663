package dev.symphony.contract.protocol;

/** Host-to-kernel one-way events: log lines (kind {@code log}) and Addon UI updates (kind {@code ui}). */
public final class LogProtocol {
    private LogProtocol() {
    }

    /** The kind of an event an extension announces (its name in {@code message}, its payload in {@code data}). */
    public static final String EXTENSION_EVENT = "extension";

    public record HostEvent(String kind, String level, String message, com.fasterxml.jackson.databind.JsonNode data) {
    }
}
