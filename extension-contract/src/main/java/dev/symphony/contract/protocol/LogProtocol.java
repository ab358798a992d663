package dev.symphony.contract.protocol;

/** Host-to-kernel one-way events: log lines (kind {@code log}) and Addon UI updates (kind {@code ui}). */
public final class LogProtocol {
    private LogProtocol() {
    }

    /** The kind of an event an extension announces (its name in {@code message}, its payload in {@code data}). */
    public static final String EXTENSION_EVENT = "extension";

    /**
     * The kind of the event a host started with {@code --trace} sends after each stream: its latency marks, by name,
     * as {@link System#nanoTime()} values in {@code data} (the kernel's {@code KernelTrace}).
     */
    public static final String TRACE_EVENT = "trace";

    public record HostEvent(String kind, String level, String message, com.fasterxml.jackson.databind.JsonNode data) {
    }
}
