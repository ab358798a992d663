package dev.symphony.samples.broker.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A <b>protocol replay</b>: a real HTTP server on 127.0.0.1 answering each request with a recorded exchange, so an
 * Instrument's real client code (langchain4j's module, the broker's HTTP) runs against the provider's wire format
 * without the provider. A replay file (test resources) is
 * <pre>
 * # what it is and where it was taken from
 * &gt; POST /v1/messages
 * &lt; 200
 * &lt; content-type: text/event-stream
 * &lt;
 * body, sent as it is: an event-stream body one event (up to a blank line) at a time, any other body one line at a time,
 * each piece flushed on its own with {@link #pauseMillis} between pieces
 * </pre>
 * Requests are kept ({@link #requests()}) so a test can check what the client sent.
 */
public final class ProtocolReplay implements AutoCloseable {
    /** One request as the server received it (header names in lower case). */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private record Exchange(String method, String path, int status, Map<String, String> headers, List<String> pieces) {
    }

    private final HttpServer server;
    private final Map<String, Exchange> exchanges = new ConcurrentHashMap<>();
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private volatile long pauseMillis;

    public ProtocolReplay() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "protocol-replay");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::answer);
        server.start();
    }

    /** Serves the replay {@code resource} (beside {@code owner}'s package, or absolute) for its method and path, replacing an earlier one. */
    public ProtocolReplay serve(Class<?> owner, String resource) {
        Exchange e = parse(read(owner, resource), resource);
        exchanges.put(e.method() + " " + e.path(), e);
        return this;
    }

    /** A pause between body pieces (a slow server; 0 by default). */
    public ProtocolReplay pauseMillis(long millis) {
        this.pauseMillis = millis;
        return this;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange x) throws IOException {
        try (x) {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new java.util.TreeMap<>();
            x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
            String path = x.getRequestURI().getPath();
            requests.add(new Received(x.getRequestMethod(), path, headers, body));
            Exchange e = exchanges.get(x.getRequestMethod() + " " + path);
            if (e == null) {
                byte[] none = ("no replay for " + x.getRequestMethod() + " " + path + "; replays: " + exchanges.keySet()).getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(404, none.length);
                x.getResponseBody().write(none);
                return;
            }
            e.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
            x.sendResponseHeaders(e.status(), 0); // chunked: each piece leaves when flushed
            OutputStream out = x.getResponseBody();
            for (String piece : e.pieces()) {
                out.write(piece.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client closed the connection (a cancel): nothing more to send
        }
    }

    private static String read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no replay " + resource + " beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Exchange parse(String text, String source) {
        String method = null;
        String path = null;
        int status = -1;
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        for (; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#") || (method == null && line.isBlank())) {
                continue;
            }
            if (line.startsWith("> ")) {
                String[] mp = line.substring(2).trim().split(" ", 2);
                method = mp[0];
                path = mp[1];
            } else if (line.equals("<")) {
                i++;
                break;
            } else if (line.startsWith("< ") && status < 0) {
                status = Integer.parseInt(line.substring(2).trim());
            } else if (line.startsWith("< ")) {
                String[] kv = line.substring(2).split(":", 2);
                headers.put(kv[0].trim(), kv[1].trim());
            } else {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected '> METHOD PATH', '< STATUS', '< header: value' or '<', got: " + line);
            }
        }
        if (method == null || status < 0) {
            throw new IllegalArgumentException(source + ": a replay needs '> METHOD PATH' and '< STATUS'");
        }
        String body = String.join("\n", java.util.Arrays.asList(lines).subList(Math.min(i, lines.length), lines.length));
        boolean events = headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("content-type")
                && h.getValue().startsWith("text/event-stream"));
        List<String> pieces = new ArrayList<>();
        String separator = events ? "\n\n" : "\n";
        int at = 0;
        while (at < body.length()) {
            int end = body.indexOf(separator, at);
            end = end < 0 ? body.length() : end + separator.length();
            pieces.add(body.substring(at, end));
            at = end;
        }
        return new Exchange(method, path, status, headers, pieces);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
