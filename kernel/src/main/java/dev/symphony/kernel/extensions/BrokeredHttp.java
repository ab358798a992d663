package dev.symphony.kernel.extensions;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.HttpProtocol;
import dev.symphony.ipc.api.BusException;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.Envelope;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.ipc.api.StreamWriter;
import dev.symphony.kernel.audit.AuditLog;
import dev.symphony.kernel.secrets.KernelSecrets;
import dev.symphony.kernel.secrets.SecretStoreException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kernel's HTTP broker ({@link BrokerProtocol#NETWORK_HTTP}): a host's stream request becomes one HTTP
 * exchange sent by the kernel, whose response streams back over the bus as it arrives ({@link HttpProtocol}).
 * <ul>
 *   <li>permission: host and port as the manifest's {@code network} list says (as {@code network.fetch});</li>
 *   <li>secrets: each name the request asks for must be granted for exactly this host and port in the manifest's
 *       {@code permissions.secrets}; the kernel reads the value ({@link KernelSecrets}) and sets the grant's header
 *       — the extension cannot set that header itself, and never sees the value: exact echoes of it in the response
 *       are replaced ({@link SecretRedactor});</li>
 *   <li>back-pressure: the body is read from the socket only as fast as the extension takes chunks (the bus
 *       stream's credits), so a slow consumer holds the server back instead of filling the kernel's heap;</li>
 *   <li>limits: the whole exchange ends at its timeout, the body at {@code maxResponseBytes} ({@code LIMIT_EXCEEDED}),
 *       each closing the connection; at most {@value #PER_EXTENSION} exchanges per extension at once;</li>
 *   <li>cancel: the extension closing its stream closes the connection at once;</li>
 *   <li>audit: {@code network.http} (method, scheme, host and port, secret names — never a value, a path or a body)
 *       when decided, {@code network.http.done} with status and bytes when finished.</li>
 * </ul>
 */
final class BrokeredHttp implements AutoCloseable {
    static final int PER_EXTENSION = 16;
    private static final int READ_BYTES = 16 * 1024;

    private final AuditLog audit;
    private final KernelSecrets secrets;
    private final HttpClient client;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 128, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "kernel-http");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kernel-http-deadlines");
        t.setDaemon(true);
        return t;
    });
    private final Map<Key, Exchange> live = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perExtension = new ConcurrentHashMap<>();

    private record Key(Endpoint endpoint, long correlationId) {
    }

    private final KernelTrace trace;

    BrokeredHttp(AuditLog audit, KernelSecrets secrets, HttpClient client, KernelTrace trace) {
        this.audit = audit;
        this.secrets = secrets;
        this.client = client;
        this.trace = trace;
    }

    /** Starts the exchange on a broker thread; the stream writer answers the host. */
    void start(Acting acting, Endpoint endpoint, Envelope request, HttpProtocol.Request r) {
        trace.mark("broker.start", System.nanoTime());
        Player p = acting.host();
        StreamWriter writer = endpoint.streamWriter(request);
        AtomicInteger count = perExtension.computeIfAbsent(p.id(), id -> new AtomicInteger());
        if (count.incrementAndGet() > PER_EXTENSION) {
            count.decrementAndGet();
            writer.fail(ErrorCode.BUSY.code(), p.id() + " already has " + PER_EXTENSION + " HTTP requests in flight");
            return;
        }
        Key key = new Key(endpoint, request.correlationId());
        Exchange x = new Exchange(acting, writer, r);
        live.put(key, x);
        try {
            pool.execute(() -> {
                try {
                    x.run();
                } finally {
                    live.remove(key, x);
                    count.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            live.remove(key, x);
            count.decrementAndGet();
            writer.fail(ErrorCode.BUSY.code(), "the kernel's HTTP broker is busy");
        }
    }

    /** The host cancelled the stream: the connection is closed now, not when the next chunk would be written. */
    void cancel(Endpoint endpoint, long correlationId) {
        Exchange x = live.get(new Key(endpoint, correlationId));
        if (x != null) {
            trace.mark("broker.cancel", System.nanoTime());
            x.abort(ErrorCode.CANCELLED, "cancelled by the extension");
            trace.mark("broker.closed", System.nanoTime());
        }
    }

    @Override
    public void close() {
        live.values().forEach(x -> x.abort(ErrorCode.CLOSED, "the kernel is shutting down"));
        pool.shutdownNow();
        timer.shutdownNow();
    }

    private final class Exchange {
        private final Player p;
        private final Acting acting;
        private final StreamWriter writer;
        private final HttpProtocol.Request r;
        private volatile CompletableFuture<HttpResponse<InputStream>> sent;
        private volatile InputStream body;
        private volatile ErrorCode abortCode;
        private volatile String abortReason;
        private String target = "?";
        private long received;
        private int status = -1;

        Exchange(Acting acting, StreamWriter writer, HttpProtocol.Request r) {
            this.p = acting.host();
            this.acting = acting;
            this.writer = writer;
            this.r = r;
        }

        synchronized void abort(ErrorCode code, String reason) {
            if (abortCode == null) {
                abortCode = code;
                abortReason = reason;
            }
            CompletableFuture<?> f = sent;
            if (f != null) {
                f.cancel(true);
            }
            closeBody();
        }

        private void closeBody() {
            InputStream in = body;
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing is all that is wanted
                }
            }
        }

        void run() {
            ScheduledFuture<?> deadline = null;
            SecretRedactor redactor = new SecretRedactor(List.of());
            try {
                URI uri = parse(r.url());
                int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
                target = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + ":" + port;
                String what = method() + " " + target + acting.behalf();
                // on another extension's behalf, every caller in the chain must list the host too (Acting); the
                // secrets stay the host's own grants — no caller ever sees them
                Player refuser = acting.refuser(perm -> perm.canConnect(uri.getHost(), port));
                if (refuser != null) {
                    audit.record(p.id(), BrokerProtocol.NETWORK_HTTP, what, false, "host not in the network list of " + refuser.id());
                    throw new CallFailedException(ErrorCode.PERMISSION_DENIED, uri.getHost() + ":" + port
                            + " is not a host " + acting.denial(refuser) + " lists");
                }
                Map<String, String> injected = injectedHeaders(uri.getHost(), port, what);
                redactor = new SecretRedactor(new ArrayList<>(secretValues));
                HttpRequest request = build(uri, injected);
                audit.record(p.id(), BrokerProtocol.NETWORK_HTTP, what, true,
                        r.secrets().isEmpty() ? null : "secrets " + String.join(",", r.secrets()));
                long timeoutMs = clamp(r.timeoutMs(), HttpProtocol.MAX_TIMEOUT_MS);
                deadline = timer.schedule(() -> abort(ErrorCode.TIMEOUT, "no complete answer from " + target
                        + " within " + timeoutMs + " ms"), timeoutMs, TimeUnit.MILLISECONDS);
                synchronized (this) {
                    if (abortCode != null) {
                        throw new CallFailedException(abortCode, abortReason);
                    }
                    trace.mark("broker.send", System.nanoTime()); // checked, audited: what is left is the JDK's
                    sent = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
                }
                HttpResponse<InputStream> response = sent.get();
                trace.mark("broker.head", System.nanoTime());
                body = response.body();
                if (abortCode != null) {
                    closeBody();
                    throw new CallFailedException(abortCode, abortReason);
                }
                status = response.statusCode();
                writer.write(PayloadCodec.json().writeValueAsBytes(new HttpProtocol.Head(status, headers(response, redactor))));
                stream(redactor, clamp(r.maxResponseBytes(), HttpProtocol.MAX_RESPONSE_BYTES));
                writer.end(PayloadCodec.json().writeValueAsBytes(new HttpProtocol.End(received)));
                done(null);
            } catch (CallFailedException e) {
                fail(e.code(), e.getMessage());
            } catch (BusException e) {
                abort(ErrorCode.CANCELLED, e.getMessage()); // the host went away or cancelled: close the connection
                done(abortCode + ": " + abortReason);
            } catch (IllegalArgumentException e) {
                fail(ErrorCode.INVALID_INPUT, "bad HTTP request: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(ErrorCode.CANCELLED, "interrupted");
            } catch (Exception e) {
                Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
                if (abortCode != null) {
                    fail(abortCode, abortReason);
                } else {
                    fail(ErrorCode.EXTENSION_ERROR, target + ": " + redactor.redact(String.valueOf(cause)));
                }
            } finally {
                if (deadline != null) {
                    deadline.cancel(false);
                }
                closeBody();
            }
        }

        private final List<String> secretValues = new ArrayList<>();

        private Map<String, String> injectedHeaders(String host, int port, String what) throws CallFailedException {
            Map<String, String> out = new LinkedHashMap<>();
            for (String name : r.secrets()) {
                ExtensionManifest.SecretGrant g = p.permissions.secretFor(name, host, port).orElse(null);
                if (g == null) {
                    audit.record(p.id(), BrokerProtocol.NETWORK_HTTP, what, false, "secret " + name + " is not granted for this host");
                    throw new CallFailedException(ErrorCode.PERMISSION_DENIED, "the manifest of " + p.id()
                            + " grants no secret " + name + " for " + host + ":" + port);
                }
                String value;
                try {
                    value = secrets.value(name).orElse(null);
                } catch (SecretStoreException e) {
                    throw new CallFailedException(ErrorCode.EXTENSION_ERROR, "secret " + name + " cannot be read: " + e.getMessage());
                }
                if (value == null) {
                    throw new CallFailedException(ErrorCode.EXTENSION_ERROR, "there is no secret " + name
                            + ": store it with `symphony secret set " + name + "`");
                }
                secretValues.add(value);
                out.put(g.header().toLowerCase(Locale.ROOT), g.header() + "\0" + g.format().replace("{secret}", value));
            }
            return out;
        }

        private HttpRequest build(URI uri, Map<String, String> injected) {
            if (r.body().length > HttpProtocol.MAX_REQUEST_BODY_BYTES) {
                throw new IllegalArgumentException("the body has " + r.body().length + " bytes, more than "
                        + HttpProtocol.MAX_REQUEST_BODY_BYTES);
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method(), r.body().length == 0
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
            r.headers().forEach((name, values) -> {
                if (injected.containsKey(name.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("header " + name + " is set by the kernel from a secret");
                }
                for (String v : values) {
                    b.header(name, v);
                }
            });
            injected.values().forEach(hv -> {
                int cut = hv.indexOf('\0');
                b.header(hv.substring(0, cut), hv.substring(cut + 1));
            });
            return b.build();
        }

        private String method() {
            String m = r.method() == null ? "GET" : r.method();
            if (!m.matches("[A-Z]{1,16}")) {
                throw new IllegalArgumentException("'" + m + "' is not an HTTP method");
            }
            return m;
        }

        private void stream(SecretRedactor redactor, long limit) throws IOException, CallFailedException {
            byte[] buf = new byte[READ_BYTES];
            int n;
            boolean first = true;
            while ((n = body.read(buf)) >= 0) {
                long readNanos = first ? System.nanoTime() : 0;
                if (abortCode != null) {
                    throw new CallFailedException(abortCode, abortReason);
                }
                received += n;
                if (received > limit) {
                    abort(ErrorCode.LIMIT_EXCEEDED, "the response from " + target + " passed its limit of " + limit + " bytes");
                    throw new CallFailedException(abortCode, abortReason);
                }
                byte[] out = redactor.next(buf, n);
                if (out.length > 0) {
                    writer.write(out);
                }
                if (first && n > 0) {
                    first = false;
                    trace.mark("broker.firstBodyRead", readNanos);
                    trace.mark("broker.firstBodySent", System.nanoTime());
                }
            }
            if (abortCode != null) {
                throw new CallFailedException(abortCode, abortReason);
            }
            byte[] tail = redactor.finish();
            if (tail.length > 0) {
                writer.write(tail);
            }
        }

        private void fail(ErrorCode code, String message) {
            ErrorCode c = abortCode != null ? abortCode : code;
            String m = abortCode != null ? abortReason : message;
            writer.fail(c.code(), m);
            done(c + ": " + m);
        }

        private void done(String failure) {
            if (sent != null) { // decided and sent: what came of it
                audit.record(p.id(), BrokerProtocol.NETWORK_HTTP + ".done", r.method() + " " + target + acting.behalf(), failure == null,
                        "status " + status + ", sent " + r.body().length + " bytes, received " + received + " bytes"
                                + (failure == null ? "" : ", " + failure));
            }
        }
    }

    private static URI parse(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https URLs are brokered, not '" + uri.getScheme() + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the URL names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("credentials in the URL are refused; declare a secret instead");
        }
        return uri;
    }

    private static long clamp(long asked, long max) {
        return asked <= 0 ? max : Math.min(asked, max);
    }

    private static Map<String, List<String>> headers(HttpResponse<?> response, SecretRedactor redactor) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> out.put(k, v.stream().map(redactor::redact).toList()));
        return out;
    }
}
