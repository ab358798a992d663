package dev.symphony.contract.protocol;

import java.util.List;
import java.util.Map;

/**
 * Brokered HTTP with a streamed response ({@link BrokerProtocol#NETWORK_HTTP}, sent as a bus <em>stream</em>
 * request). The kernel answers with a stream: the first chunk is a {@link Head} as JSON text (UTF-8, not the bus's
 * Smile, so that the SDK reads it without the transport), every later chunk is
 * raw response-body bytes as they arrived from the server (an SSE event, a chunk of a chunked body), and the
 * end payload is an {@link End} as JSON text. The bus stream's credit window is the back-pressure: while the
 * extension does not take chunks, the kernel does not read the socket and the server is held back.
 * Closing the stream (a bus cancel) closes the connection.
 */
public final class HttpProtocol {
    /** The most a response may carry when the request asks for no smaller limit. */
    public static final long MAX_RESPONSE_BYTES = 64L << 20;
    /** The longest a request may run when it asks for no shorter timeout. */
    public static final long MAX_TIMEOUT_MS = 600_000;
    /** The largest request body the broker sends (the request crosses the bus as one message, at most 4 MB). */
    public static final int MAX_REQUEST_BODY_BYTES = 3 << 20;

    private HttpProtocol() {
    }

    /**
     * @param timeoutMs        the whole request, headers and body (0: {@link #MAX_TIMEOUT_MS})
     * @param maxResponseBytes the body's limit (0: {@link #MAX_RESPONSE_BYTES}); past it the connection is closed
     * @param secrets          names of manifest-granted secrets the kernel adds as their headers
     */
    public record Request(String method, String url, Map<String, List<String>> headers, byte[] body, long timeoutMs,
                          long maxResponseBytes, List<String> secrets) {
        public Request {
            headers = headers == null ? Map.of() : headers;
            body = body == null ? new byte[0] : body;
            secrets = secrets == null ? List.of() : secrets;
        }
    }

    public record Head(int status, Map<String, List<String>> headers) {
    }

    public record End(long bytes) {
    }
}
