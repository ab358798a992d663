package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.NetworkProtocol;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.kernel.audit.AuditLog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The kernel side of {@code HostNetwork}: a GET to a host the manifest (and, for a call made on another
 * extension's behalf, the caller's manifest) lists, bounded by the kernel, not the extension: the body is read
 * as it arrives and the request is abandoned past {@code maxBodyBytes} (an oversized answer never lands whole in
 * the IDE's heap), and the extension's timeout is capped at {@code maxTimeout}.
 */
final class KernelNetwork {
    static final int MAX_BODY_BYTES = 2 << 20; // answered as JSON text: well inside the bus's 4 MB frame
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    private final AuditLog audit;
    private final int maxBodyBytes;
    private final Duration maxTimeout;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    KernelNetwork(AuditLog audit, int maxBodyBytes, Duration maxTimeout) {
        this.audit = audit;
        this.maxBodyBytes = maxBodyBytes;
        this.maxTimeout = maxTimeout;
    }

    JsonNode fetch(Acting acting, NetworkProtocol.Fetch f) throws IOException, InterruptedException {
        Player p = acting.host();
        URI uri;
        try {
            uri = URI.create(f.url());
        } catch (IllegalArgumentException e) {
            throw new CallFailedException(ErrorCode.INVALID_INPUT, p.id() + " asked to fetch a malformed URL: " + e.getMessage());
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        Player refuser = uri.getHost() == null || !http ? p : acting.refuser(permissions -> permissions.canConnect(uri.getHost(), port));
        audit.record(p.id(), BrokerProtocol.NETWORK_FETCH, f.url(), refuser == null, acting.behalf().isEmpty() ? null : acting.behalf().strip());
        if (refuser != null) {
            throw new CallFailedException(ErrorCode.PERMISSION_DENIED, f.url() + " is not a host " + acting.denial(refuser) + " lists");
        }
        Duration timeout = f.timeoutMs() <= 0 ? maxTimeout
                : Duration.ofMillis(Math.min(f.timeoutMs(), maxTimeout.toMillis()));
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new CallFailedException(ErrorCode.TIMEOUT, f.url() + " did not answer within " + timeout.toMillis() + " ms"
                    + (f.timeoutMs() > maxTimeout.toMillis() ? " (the kernel's cap on " + p.id() + "'s fetches)" : ""));
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(maxBodyBytes + 1); // closing the stream early abandons the rest of the answer
        }
        if (body.length > maxBodyBytes) {
            audit.record(p.id(), BrokerProtocol.NETWORK_FETCH, f.url(), false, "answer over the " + maxBodyBytes + "-byte limit");
            throw new CallFailedException(ErrorCode.LIMIT_EXCEEDED, "the answer from " + f.url() + " is larger than the "
                    + maxBodyBytes + "-byte limit on " + p.id() + "'s fetches; it was abandoned");
        }
        return PayloadCodec.json().valueToTree(new NetworkProtocol.FetchResult(response.statusCode(),
                new String(body, StandardCharsets.UTF_8)));
    }
}
