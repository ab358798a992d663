package dev.symphony.sdk.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.protocol.HttpProtocol;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.services.Broker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The harness's stand-in for the kernel's brokered HTTP ({@code BrokeredHttp}): the request really goes out (the
 * JDK's client, from the test's JVM) and the answer comes back in {@link HttpProtocol}'s stream shape — the head as
 * JSON, the body in the pieces the socket delivered, the end with the byte count — so an extension's
 * {@code services().http()} code runs unchanged. The permission rules were checked by the SDK's client before; this
 * adds no secrets (the kernel holds them): a request naming one is refused.
 */
final class LocalHttpStream implements Broker.Stream {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers the JDK's client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect", "upgrade");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final InputStream body;
    private final long limit;
    private byte[] head;
    private long bytes;
    private boolean ended;

    private LocalHttpStream(HttpResponse<InputStream> response, long limit) {
        this.body = response.body();
        this.limit = limit;
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        try {
            this.head = JSON.writeValueAsBytes(new HttpProtocol.Head(response.statusCode(), headers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalHttpStream open(HttpProtocol.Request r) {
        if (!r.secrets().isEmpty()) {
            throw new ExtensionException(ErrorCode.PERMISSION_DENIED, "the in-process harness holds no secrets (asked for "
                    + r.secrets() + "); secrets are added by the kernel's broker");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(r.url()))
                .method(r.method(), r.body().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        if (r.timeoutMs() > 0) {
            b.timeout(Duration.ofMillis(r.timeoutMs()));
        }
        r.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        try {
            return new LocalHttpStream(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()),
                    r.maxResponseBytes() > 0 ? r.maxResponseBytes() : HttpProtocol.MAX_RESPONSE_BYTES);
        } catch (HttpTimeoutException e) {
            throw new ExtensionException(ErrorCode.TIMEOUT, r.url() + ": no answer within " + r.timeoutMs() + " ms");
        } catch (IOException e) {
            throw new ExtensionException(ErrorCode.EXTENSION_ERROR, r.url() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtensionException(ErrorCode.CANCELLED, r.url() + ": interrupted");
        }
    }

    @Override
    public byte[] next() {
        if (head != null) {
            byte[] h = head;
            head = null;
            return h;
        }
        if (ended) {
            return null;
        }
        byte[] buffer = new byte[8192];
        try {
            int n = body.read(buffer);
            if (n < 0) {
                ended = true;
                return null;
            }
            bytes += n;
            if (bytes > limit) {
                close();
                throw new ExtensionException(ErrorCode.LIMIT_EXCEEDED, "the response passed its limit of " + limit + " bytes");
            }
            return Arrays.copyOf(buffer, n);
        } catch (IOException e) {
            throw new ExtensionException(ErrorCode.EXTENSION_ERROR, "the response broke off: " + e.getMessage());
        }
    }

    @Override
    public byte[] end() {
        return ended ? ("{\"bytes\":" + bytes + "}").getBytes(StandardCharsets.UTF_8) : null;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is going away either way
        }
    }
}
