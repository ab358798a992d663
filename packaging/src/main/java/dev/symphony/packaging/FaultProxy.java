package dev.symphony.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting TCP proxy on 127.0.0.1 in front of a real server: it relays bytes both ways and, in the mode
 * set, answers 429 with {@code retry-after} itself, kills the server after the n-th server-sent event of a
 * response ({@link #killServerAfterEvents}), or stalls a response after the n-th event
 * ({@link #stallAfterEvents}). It notices when the client closes its connection ({@link #awaitClientClosed}) and
 * times, per exchange, the server's first response byte and the client's close ({@link #lastFirstByteNanos},
 * {@link #lastClientClosedNanos}) for {@code symphony bench instruments}. Used by LlamaServerRouterIT and the bench.
 *
 * <p><b>One exchange per connection, said in the response</b>: the relayed response head's {@code Connection} and
 * {@code Keep-Alive} fields are replaced by {@code Connection: close}, and the connection ends with the response.
 * Why: llama-server answers a streamed request with {@code Keep-Alive: timeout=5, max=100} yet closes the connection
 * after its last chunk (its content provider returns false after {@code sink.done()}, which cpp-httplib takes for a
 * cancel, ending its keep-alive loop). Directly, the server's FIN arrives with that last chunk; through a relay it
 * arrives a thread hop later, after the JDK's {@code HttpClient} has put the connection back in its pool, so the next
 * POST went out on a dead connection and failed with "HTTP/1.1 header parser received no bytes" (the JDK does not
 * retry a POST). Announcing the close makes every client open a fresh connection per request, which is what
 * llama-server's streamed answers amount to anyway, and makes each connection's timestamps one exchange's.
 */
final class FaultProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private volatile String mode = "relay";
    private volatile int events;
    private volatile Process server;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile CountDownLatch clientClosed = new CountDownLatch(1);
    private volatile CountDownLatch eventsSeen = new CountDownLatch(1);
    private volatile long firstByteNanos;
    private volatile long firstContentNanos;
    private volatile long acceptedNanos;
    private volatile long lastByteNanos;
    private volatile long clientClosedNanos;

    FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "fault-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** {@link System#nanoTime()} when the server's last response began to arrive here. */
    long lastFirstByteNanos() {
        return firstByteNanos;
    }

    /**
     * {@link System#nanoTime()} when the last response's first text delta passed here (the first {@code "content":"}
     * with text after it: the first token's event), 0 when it had none.
     */
    long lastFirstContentNanos() {
        return firstContentNanos;
    }

    /** {@link System#nanoTime()} when the last connection was accepted (a client's request began to arrive). */
    long lastAcceptedNanos() {
        return acceptedNanos;
    }

    /** {@link System#nanoTime()} when the last response's last byte passed here. */
    long lastResponseEndNanos() {
        return lastByteNanos;
    }

    /** {@link System#nanoTime()} when a client last closed its side (0: not since {@link #resetClientClosed}). */
    long lastClientClosedNanos() {
        return clientClosedNanos;
    }

    void resetClientClosed() {
        clientClosedNanos = 0;
        clientClosed = new CountDownLatch(1);
    }

    void relay() {
        mode = "relay";
    }

    void tooManyRequests() {
        mode = "429";
    }

    void killServerAfterEvents(Process serverProcess, int n) {
        server = serverProcess;
        events = n;
        mode = "kill";
    }

    void stallAfterEvents(int n) {
        events = n;
        eventsSeen = new CountDownLatch(1);
        clientClosed = new CountDownLatch(1);
        mode = "stall";
    }

    boolean awaitEvents(long seconds) throws InterruptedException {
        return eventsSeen.await(seconds, TimeUnit.SECONDS);
    }

    boolean awaitClientClosed(long seconds) throws InterruptedException {
        return clientClosed.await(seconds, TimeUnit.SECONDS);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                acceptedNanos = System.nanoTime();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(client), "fault-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        String m = mode;
        try (client) {
            if (m.equals("429")) {
                readHead(client.getInputStream());
                byte[] body = "{\"error\":{\"code\":429,\"message\":\"rate limited by the fault proxy\",\"type\":\"rate_limit_error\"}}".getBytes(StandardCharsets.UTF_8);
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 429 Too Many Requests\r\nretry-after: 1\r\ncontent-type: application/json\r\ncontent-length: "
                        + body.length + "\r\nconnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return;
            }
            client.setTcpNoDelay(true); // a relay forwards each write at once: Nagle would hold a small one back for an ACK
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
                upstream.setTcpNoDelay(true);
                Thread up = new Thread(() -> pump(client, upstream), "fault-proxy-up");
                up.setDaemon(true);
                up.start();
                down(upstream, client, m);
            }
        } catch (IOException e) {
            // a side closed
        } finally {
            clientClosed.countDown();
        }
    }

    /** Client to server, as is; the client's end of stream is what {@link #awaitClientClosed} waits for. */
    private void pump(Socket client, Socket upstream) {
        try {
            client.getInputStream().transferTo(upstream.getOutputStream());
        } catch (IOException e) {
            // closed
        }
        clientClosedNanos = System.nanoTime();
        clientClosed.countDown();
        try {
            upstream.close();
        } catch (IOException e) {
            // closing
        }
    }

    /**
     * Server to client, counting "data:" events, applying the mode after the n-th. Whatever one read brings is
     * forwarded at once (a relay must not hold bytes back: a buffer flushed only when nothing more was waiting kept
     * tokens here for tens of milliseconds on a busy machine, inside every latency the bench measures), cut after the
     * n-th event's line when a fault is due.
     */
    private void down(Socket upstream, Socket client, String m) throws IOException {
        InputStream in = new java.io.BufferedInputStream(upstream.getInputStream());
        OutputStream out = client.getOutputStream();
        int seen = 0;
        int matched = 0;
        byte[] marker = "data:".getBytes(StandardCharsets.US_ASCII);
        byte[] content = "\"content\":\"".getBytes(StandardCharsets.US_ASCII);
        int contentMatched = 0;
        int b = in.read();
        if (b < 0) {
            return;
        }
        firstByteNanos = System.nanoTime();
        firstContentNanos = 0;
        out.write(closingHead(b, in));
        out.flush();
        byte[] chunk = new byte[16 * 1024];
        for (int n; (n = in.read(chunk)) > 0; ) {
            long readNanos = System.nanoTime();
            int forward = n;
            boolean fault = false;
            for (int i = 0; i < n && !fault; i++) {
                byte c = chunk[i];
                if (contentMatched == content.length) { // the byte after "content":" — a quote means an empty delta
                    contentMatched = 0;
                    if (c != '"' && firstContentNanos == 0) {
                        firstContentNanos = readNanos;
                    }
                } else {
                    contentMatched = c == content[contentMatched] ? contentMatched + 1 : c == content[0] ? 1 : 0;
                }
                matched = c == marker[matched] ? matched + 1 : c == marker[0] ? 1 : 0;
                if (matched == marker.length) {
                    matched = 0;
                    seen++;
                }
                if (seen >= events && c == '\n' && !m.equals("relay")) {
                    forward = i + 1; // the fault lands exactly after the n-th event's line
                    fault = true;
                }
            }
            out.write(chunk, 0, forward);
            out.flush();
            lastByteNanos = System.nanoTime();
            if (fault) {
                eventsSeen.countDown();
                if (m.equals("kill")) {
                    server.destroyForcibly();
                    try {
                        server.waitFor(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return; // the connection ends mid-stream with the server gone
                }
                try { // stall
                    clientClosed.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }

    /**
     * The server's response head (status line and fields up to the blank line; {@code first} is its first byte) with
     * {@code Connection} and {@code Keep-Alive} replaced by {@code Connection: close} (see the class comment).
     */
    private static byte[] closingHead(int first, InputStream in) throws IOException {
        StringBuilder head = new StringBuilder().append((char) first);
        for (int b; !head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0; ) {
            head.append((char) b); // ISO-8859-1, as HTTP/1.1 field bytes are read
        }
        StringBuilder rewritten = new StringBuilder();
        for (String line : head.toString().split("\r\n")) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (!line.isEmpty() && !lower.startsWith("connection:") && !lower.startsWith("keep-alive:")) {
                rewritten.append(line).append("\r\n");
            }
        }
        return rewritten.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads a request's head and its body (by content-length), so the answer is not cut by a reset. */
    private static void readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
            head.append((char) b);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).trim()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
