package dev.symphony.contract.protocol;

import java.util.List;

/** Host lifecycle: the {@code HELLO} a host sends once its plugin is loaded. */
public final class HostProtocol {
    private HostProtocol() {
    }

    public record Hello(String extensionId, String version, long pid, List<String> capabilities) {
    }
}
