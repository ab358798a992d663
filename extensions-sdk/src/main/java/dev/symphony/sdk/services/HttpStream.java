package dev.symphony.sdk.services;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.protocol.HttpProtocol;
import dev.symphony.sdk.api.ExtensionException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A brokered HTTP response, streamed: {@link #status()} and {@link #headers()} at once, then the body in the
 * chunks the server sent (an SSE event, a chunk of a chunked body) through {@link #next()} or as an
 * {@link #body() InputStream}. The kernel reads the socket only as fast as chunks are taken here
 * (back-pressure). {@link #close()} before the end cancels the request, and the kernel closes the connection.
 * Failures (timeout, {@code LIMIT_EXCEEDED}, the server gone) surface from {@code next()}/{@code read()} as
 * {@link ExtensionException}s with their {@link ErrorCode}. Not thread-safe: one reader.
 */
public final class HttpStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Broker.Stream stream;
    private final Broker broker;
    private boolean bodyStarted;
    private final int status;
    private final Map<String, List<String>> headers;
    private boolean ended;

    HttpStream(Broker.Stream stream, Broker broker) {
        this.stream = stream;
        this.broker = broker;
        byte[] head = stream.next();
        if (head == null) {
            throw new ExtensionException(ErrorCode.EXTENSION_ERROR, "the kernel ended the HTTP stream without a response head");
        }
        HttpProtocol.Head h;
        try {
            h = JSON.readValue(head, HttpProtocol.Head.class);
        } catch (IOException e) {
            throw new ExtensionException(ErrorCode.EXTENSION_ERROR, "the kernel sent an unreadable HTTP response head: " + e.getMessage());
        }
        this.status = h.status();
        this.headers = h.headers();
    }

    public int status() {
        return status;
    }

    /** Response headers by their lower-case names, as the server sent them. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The next body chunk as it arrived, or null after the last. */
    public byte[] next() {
        if (ended) {
            return null;
        }
        byte[] chunk;
        try {
            chunk = stream.next();
        } catch (ExtensionException e) {
            if (e.code() == ErrorCode.CANCELLED) { // the reading thread was interrupted: the kernel has been told to stop
                broker.trace("host.httpCancel", System.nanoTime());
            }
            throw e;
        }
        if (chunk == null) {
            ended = true;
        } else if (!bodyStarted) {
            bodyStarted = true;
            broker.trace("host.httpFirstBody", System.nanoTime());
        }
        return chunk;
    }

    /** The body's size as the kernel counted it, once the body ended; else -1. */
    public long bytes() {
        byte[] end = stream.end();
        if (end == null) {
            return -1;
        }
        try {
            JsonNode n = JSON.readTree(end);
            return n.path("bytes").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The body as a stream (over {@link #next()}); reads block until the server sends more. */
    public InputStream body() {
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (at == chunk.length) {
                    byte[] c;
                    try {
                        c = next();
                    } catch (ExtensionException e) {
                        throw new IOException(e.getMessage(), e);
                    }
                    if (c == null) {
                        return -1;
                    }
                    chunk = c;
                    at = 0;
                }
                int n = Math.min(len, chunk.length - at);
                System.arraycopy(chunk, at, b, off, n);
                at += n;
                return n;
            }

            @Override
            public void close() {
                HttpStream.this.close();
            }
        };
    }

    /** Reads the rest of the body into memory. */
    public byte[] readAll() {
        try (InputStream in = body()) {
            return in.readAllBytes();
        } catch (IOException e) {
            if (e.getCause() instanceof ExtensionException x) {
                throw x;
            }
            throw new UncheckedIOException(e);
        }
    }

    /** Cancels the request if its body has not ended: the kernel closes the connection. */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            broker.trace("host.httpCancel", System.nanoTime());
            stream.close();
        }
    }
}
