package dev.symphony.contract.protocol;

/** Brokered HTTP GET to a host the manifest lists. */
public final class NetworkProtocol {
    private NetworkProtocol() {
    }

    public record Fetch(String url, long timeoutMs) {
    }

    public record FetchResult(int status, String body) {
    }
}
