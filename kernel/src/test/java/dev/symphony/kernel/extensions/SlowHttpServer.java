package dev.symphony.kernel.extensions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on 127.0.0.1 (the JDK's), for the brokered HTTP tests. Each exchange is recorded by the
 * {@code id} query parameter: bytes written, whether the client closed the connection under it, and when.
 * <ul>
 *   <li>{@code /sse?n=N&delayMs=D} — N server-sent events, D ms apart, chunked;</li>
 *   <li>{@code /flood?mb=M} — M MB of {@code x} in 64 KB writes, as fast as the client takes them;</li>
 *   <li>{@code /big?bytes=N} — N bytes with a Content-Length;</li>
 *   <li>{@code /stall} — the head, then nothing for 30 s;</li>
 *   <li>{@code /echo} — the request's method, headers and body back as text;</li>
 *   <li>{@code /redirect?to=URL} — a 302 to URL.</li>
 * </ul>
 */
final class SlowHttpServer implements AutoCloseable {
    /** What one exchange did; written by the server's thread. */
    static final class Exchange {
        final AtomicLong written = new AtomicLong();
        final AtomicLong events = new AtomicLong();
        volatile long closedByClientAtNanos;
        volatile boolean finished;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "slow-http-server");
        t.setDaemon(true);
        return t;
    });
    final Map<String, Exchange> exchanges = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    SlowHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port() + pathAndQuery;
    }

    Exchange exchange(String id) {
        return exchanges.computeIfAbsent(id, k -> new Exchange());
    }

    private void handle(HttpExchange ex) throws IOException {
        URI uri = ex.getRequestURI();
        Map<String, String> q = query(uri.getRawQuery());
        requests.add(ex.getRequestMethod() + " " + uri);
        Exchange rec = exchange(q.getOrDefault("id", "-"));
        byte[] requestBody = ex.getRequestBody().readAllBytes();
        try (ex; OutputStream out = ex.getResponseBody()) {
            switch (uri.getPath()) {
                case "/sse" -> {
                    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
                    ex.sendResponseHeaders(200, 0);
                    int n = Integer.parseInt(q.getOrDefault("n", "5"));
                    long delay = Long.parseLong(q.getOrDefault("delayMs", "0"));
                    for (int i = 0; i < n; i++) {
                        write(out, rec, ("data: event " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                        rec.events.incrementAndGet();
                        sleep(delay);
                    }
                }
                case "/flood" -> {
                    ex.sendResponseHeaders(200, 0);
                    byte[] block = new byte[64 * 1024];
                    Arrays.fill(block, (byte) 'x');
                    long mb = Long.parseLong(q.getOrDefault("mb", "60"));
                    for (long i = 0; i < mb * 16; i++) {
                        write(out, rec, block);
                    }
                }
                case "/big" -> {
                    int n = Integer.parseInt(q.getOrDefault("bytes", "1000"));
                    ex.sendResponseHeaders(200, n);
                    byte[] block = new byte[n];
                    Arrays.fill(block, (byte) 'b');
                    write(out, rec, block);
                }
                case "/stall" -> {
                    ex.sendResponseHeaders(200, 0);
                    write(out, rec, "first\n".getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < 300; i++) { // a write every 100 ms shows when the client went away
                        sleep(100);
                        write(out, rec, new byte[0]);
                        write(out, rec, " ".getBytes(StandardCharsets.UTF_8));
                    }
                }
                case "/echo" -> {
                    StringBuilder s = new StringBuilder(ex.getRequestMethod()).append('\n');
                    ex.getRequestHeaders().forEach((k, v) -> s.append(k).append(": ").append(String.join(",", v)).append('\n'));
                    s.append('\n').append(new String(requestBody, StandardCharsets.UTF_8));
                    byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("X-Echo-Authorization", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                    ex.sendResponseHeaders(200, b.length);
                    write(out, rec, b);
                }
                case "/redirect" -> { // to another server: a client that followed would take the injected header along
                    ex.getResponseHeaders().set("Location", java.net.URLDecoder.decode(q.get("to"), StandardCharsets.UTF_8));
                    ex.sendResponseHeaders(302, -1);
                }
                default -> ex.sendResponseHeaders(404, -1);
            }
            rec.finished = true;
        } catch (IOException closed) {
            if (rec.closedByClientAtNanos == 0) {
                rec.closedByClientAtNanos = System.nanoTime();
            }
        }
    }

    private static void write(OutputStream out, Exchange rec, byte[] b) throws IOException {
        out.write(b);
        out.flush();
        rec.written.addAndGet(b.length);
    }

    private static void sleep(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                out.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
