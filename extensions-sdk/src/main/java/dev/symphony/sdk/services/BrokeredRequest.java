package dev.symphony.sdk.services;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request the kernel sends for the extension ({@link HostHttp}). Immutable; the {@code with…} methods
 * return a changed copy.
 *
 * @param secrets          names of secrets the manifest grants for this URL's host; the kernel adds each as the
 *                         grant's header — the extension never holds the value
 * @param timeout          the whole exchange, headers and body (null: the kernel's maximum, 10 minutes)
 * @param maxResponseBytes the body's limit (0: the kernel's, 64 MB); past it the connection is closed
 */
public record BrokeredRequest(String method, String url, Map<String, List<String>> headers, byte[] body,
                              Duration timeout, long maxResponseBytes, List<String> secrets) {
    public BrokeredRequest {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
        secrets = List.copyOf(secrets);
    }

    public static BrokeredRequest get(String url) {
        return new BrokeredRequest("GET", url, Map.of(), null, null, 0, List.of());
    }

    public static BrokeredRequest post(String url, byte[] body) {
        return new BrokeredRequest("POST", url, Map.of(), body, null, 0, List.of());
    }

    /** A POST of a JSON text, with {@code Content-Type: application/json}. */
    public static BrokeredRequest postJson(String url, String json) {
        return post(url, json.getBytes(StandardCharsets.UTF_8)).withHeader("Content-Type", "application/json");
    }

    public BrokeredRequest withMethod(String m) {
        return new BrokeredRequest(m, url, headers, body, timeout, maxResponseBytes, secrets);
    }

    public BrokeredRequest withHeader(String name, String value) {
        Map<String, List<String>> h = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(h.getOrDefault(name, List.of()));
        values.add(value);
        h.put(name, List.copyOf(values));
        return new BrokeredRequest(method, url, h, body, timeout, maxResponseBytes, secrets);
    }

    public BrokeredRequest withSecret(String name) {
        List<String> s = new ArrayList<>(secrets);
        s.add(name);
        return new BrokeredRequest(method, url, headers, body, timeout, maxResponseBytes, s);
    }

    public BrokeredRequest withTimeout(Duration t) {
        return new BrokeredRequest(method, url, headers, body, t, maxResponseBytes, secrets);
    }

    public BrokeredRequest withMaxResponseBytes(long max) {
        return new BrokeredRequest(method, url, headers, body, timeout, max, secrets);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
