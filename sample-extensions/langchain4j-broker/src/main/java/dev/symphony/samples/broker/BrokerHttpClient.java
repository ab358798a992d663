package dev.symphony.samples.broker;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.services.BrokeredRequest;
import dev.symphony.sdk.services.HostHttp;
import dev.symphony.sdk.services.HttpStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * langchain4j's HTTP client interface over the kernel's brokered HTTP ({@link HostHttp}): the host has no network,
 * so langchain4j builds the request and parses the server-sent events, and this class only carries the bytes. An
 * key header langchain4j adds ({@code Authorization}, Anthropic's {@code x-api-key}: the {@code keyHeaders}) is dropped:
 * the key is the kernel's to add ({@code secret}, named by the manifest's grant), never the extension's. Streaming runs on the caller's thread and returns when the
 * stream ended; the response body is read no faster than the parser consumes it (the broker's back-pressure).
 * A client of a model kept across calls ({@link #builderForEachCall}, {@link SharedModel}) takes the HTTP and the
 * cancel of the call running on its thread ({@link #during}).
 */
public final class BrokerHttpClient implements HttpClient {
    private static final long MAX_RESPONSE_BYTES = 16L << 20;
    /** The brokered HTTP and the cancel of one call. */
    private record Call(HostHttp http, BooleanSupplier cancelled) {
    }

    /** The call running on this thread, for the clients of shared models ({@link #during}). */
    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();
    /**
     * Watches streams for their caller's cancel while the reader waits for the server (a stalled stream included): a
     * backstop for callers whose cancel does not interrupt the reading thread. In an extension host it does (the
     * dispatcher interrupts the call's worker, and the bus then gives up the wait and tells the kernel at once), so
     * there the connection closes within a bus round trip, not at this watch's next 20 ms tick.
     */
    private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "brokered-http-cancel-watch");
        t.setDaemon(true);
        return t;
    });
    private final String secret;
    private final Set<String> keyHeaders;
    private final Duration timeout;
    /** This client's call; null for a client of a shared model, which takes the call running on its thread. */
    private final Call call;

    /**
     * @param secret     the secret the kernel adds (the manifest grants it for the host), or null for none
     * @param keyHeaders header names (any case) carrying a key langchain4j insists on: never sent
     * @param cancelled  the caller gave up: an open stream is closed at once, which makes the kernel close the connection
     */
    public BrokerHttpClient(HostHttp http, String secret, Set<String> keyHeaders, Duration timeout, BooleanSupplier cancelled) {
        this(secret, keyHeaders, timeout, new Call(http, cancelled));
    }

    private BrokerHttpClient(String secret, Set<String> keyHeaders, Duration timeout, Call call) {
        this.secret = secret;
        this.keyHeaders = keyHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.timeout = timeout;
        this.call = call;
    }

    /**
     * The builder langchain4j's models take (its timeouts are ignored in favour of the one given here), for a model
     * kept across calls ({@link SharedModel}): its client holds no call; each exchange goes
     * through the HTTP and watches the cancel of the call running it ({@link #during}), so one call's cancel never
     * closes another's stream.
     */
    public static HttpClientBuilder builderForEachCall(String secret, Set<String> keyHeaders, Duration timeout) {
        return builder(() -> new BrokerHttpClient(secret, keyHeaders, timeout, null));
    }

    /**
     * Runs {@code work} (a shared model's request: langchain4j's modules call this client on the caller's thread)
     * with {@code context}'s HTTP and cancel for the exchanges it makes.
     */
    public static <T> T during(CallContext context, java.util.function.Supplier<T> work) {
        Call outer = CURRENT.get();
        CURRENT.set(new Call(context.services().http(), context::cancelled));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** This client's call, or the one running on this thread for a shared model's client. */
    private Call call() {
        Call c = call != null ? call : CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("a shared model's HTTP exchange outside a call on thread " + Thread.currentThread().getName()
                    + ": run the request within BrokerHttpClient.during(context, …)");
        }
        return c;
    }

    private static HttpClientBuilder builder(java.util.function.Supplier<HttpClient> client) {
        return new HttpClientBuilder() {
            private Duration connect;
            private Duration read;

            @Override
            public Duration connectTimeout() {
                return connect;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration d) {
                connect = d;
                return this;
            }

            @Override
            public Duration readTimeout() {
                return read;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration d) {
                read = d;
                return this;
            }

            @Override
            public HttpClient build() {
                return client.get();
            }
        };
    }

    public BrokeredRequest toBrokered(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new IllegalArgumentException("multipart form data is not carried by the broker (" + request.url() + ")");
        }
        byte[] body = request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8);
        BrokeredRequest r = new BrokeredRequest(request.method().name(), request.url(), Map.of(), body, timeout,
                MAX_RESPONSE_BYTES, List.of());
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            if (keyHeaders.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                continue; // the kernel adds the key (secret grant); the extension never holds it
            }
            for (String v : h.getValue()) {
                r = r.withHeader(h.getKey(), v);
            }
        }
        return secret == null ? r : r.withSecret(secret);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try (HttpStream s = call().http().open(toBrokered(request))) {
            String body = new String(s.readAll(), StandardCharsets.UTF_8);
            if (s.status() < 200 || s.status() > 299) {
                throw new HttpException(s.status(), body);
            }
            return SuccessfulHttpResponse.builder().statusCode(s.status()).headers(s.headers()).body(body).build();
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        HttpStream s;
        BooleanSupplier cancelled;
        try {
            Call c = call();
            cancelled = c.cancelled();
            s = c.http().open(toBrokered(request));
        } catch (RuntimeException e) {
            listener.onError(e);
            return;
        }
        ScheduledFuture<?> watch = WATCH.scheduleWithFixedDelay(() -> {
            if (cancelled.getAsBoolean()) {
                s.close(); // the reader then ends at its next chunk or timeout; the connection closes now
                throw new CancellationException("closed"); // ends this watch
            }
        }, 20, 20, TimeUnit.MILLISECONDS);
        try (s) {
            if (s.status() < 200 || s.status() > 299) {
                listener.onError(new HttpException(s.status(), new String(s.readAll(), StandardCharsets.UTF_8)));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder().statusCode(s.status()).headers(s.headers()).build());
            parser.parse(s.body(), listener);
            listener.onClose();
        } catch (RuntimeException e) {
            listener.onError(e);
        } finally {
            watch.cancel(false);
        }
    }
}
