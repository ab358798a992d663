package dev.symphony.samples.lsp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * When one request passed each stage in the host, on {@link System#nanoTime()} (CLOCK_MONOTONIC on Linux: one clock for
 * every process of the machine, so the caller can subtract its own stamps): taken by the {@code language} operator,
 * written to the server by LSP4J, answered (LSP4J parsed the answer), emitted (converted, handed to the bus).
 * {@code symphony bench lsp} splits Symphony's overhead with it; the server's own time is written → answered.
 */
final class RequestTiming {
    private final long received = System.nanoTime();
    private volatile long written;
    private volatile long answered;

    void written() {
        written = System.nanoTime();
    }

    void answered() {
        answered = System.nanoTime();
    }

    /** The server's time: from the request written to its answer parsed (0 when either stage was not reached). */
    double serverMs() {
        long w = written;
        long a = answered;
        return w == 0 || a == 0 ? 0 : (a - w) / 1e6;
    }

    /** {@code {receivedNs, writtenNs, answeredNs, emittedNs}}; emitted is now. */
    ObjectNode json() {
        return JsonNodeFactory.instance.objectNode().put("receivedNs", received).put("writtenNs", written)
                .put("answeredNs", answered).put("emittedNs", System.nanoTime());
    }
}
