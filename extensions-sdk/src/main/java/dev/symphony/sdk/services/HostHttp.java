package dev.symphony.sdk.services;

import dev.symphony.contract.manifest.PermissionChecker;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.HttpProtocol;

import java.net.URI;
import java.time.Duration;

/**
 * HTTP through the kernel (hosts have no network of their own): any method, headers, a body, secrets the kernel
 * adds to the request ({@link BrokeredRequest#withSecret}), and a streamed response ({@link HttpStream}). The
 * host and port must be in the manifest's {@code network} list and each secret granted for that host in its
 * {@code permissions.secrets}; this client checks first, the kernel enforces.
 * <pre>{@code
 * try (HttpStream s = services.http().open(BrokeredRequest.postJson(url, json).withSecret("OPENAI_API_KEY"))) {
 *     for (byte[] chunk; (chunk = s.next()) != null; ) { ... }   // server-sent events as they come
 * }
 * }</pre>
 */
public final class HostHttp {
    private final Broker broker;
    private final PermissionChecker permissions;

    HostHttp(Broker broker, PermissionChecker permissions) {
        this.broker = broker;
        this.permissions = permissions;
    }

    /** Sends the request; returns once the response head arrived. Close the stream to cancel. */
    public HttpStream open(BrokeredRequest request) {
        broker.trace("host.httpOpen", System.nanoTime());
        URI uri = URI.create(request.url());
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (uri.getHost() == null || !permissions.canConnect(uri.getHost(), port)) {
            throw KernelServices.denied(broker, BrokerProtocol.NETWORK_HTTP, request.url());
        }
        for (String secret : request.secrets()) {
            if (permissions.secretFor(secret, uri.getHost(), port).isEmpty()) {
                throw KernelServices.denied(broker, BrokerProtocol.NETWORK_HTTP, "secret " + secret + " to " + uri.getHost() + ":" + port);
            }
        }
        long timeoutMs = request.timeout() == null ? 0 : Math.max(1, request.timeout().toMillis());
        HttpProtocol.Request wire = new HttpProtocol.Request(request.method(), request.url(), request.headers(),
                request.body(), timeoutMs, request.maxResponseBytes(), request.secrets());
        // The kernel ends the exchange at its timeout; the bus's per-chunk wait only has to outlast that.
        Duration idle = Duration.ofMillis((timeoutMs == 0 ? HttpProtocol.MAX_TIMEOUT_MS : timeoutMs) + 5_000);
        Broker.Stream stream = broker.stream(BrokerProtocol.NETWORK_HTTP, wire, idle);
        try {
            return new HttpStream(stream, broker);
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }
}
