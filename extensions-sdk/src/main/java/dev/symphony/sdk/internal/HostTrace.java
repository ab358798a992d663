package dev.symphony.sdk.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.protocol.LogProtocol;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.PayloadCodec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The host's side of the kernel's latency trace (the kernel's {@code KernelTrace}; on with {@code --trace}, which
 * the kernel passes when it traces): named {@link System#nanoTime()} marks, the first of each name kept, sent as one
 * host event of kind {@link LogProtocol#TRACE_EVENT} when a stream has ended ({@link #flush}), never on the measured path.
 * Off, every mark is a field read.
 */
final class HostTrace {
    static final HostTrace OFF = new HostTrace(false);
    private final boolean on;
    private final Map<String, Long> marks = new LinkedHashMap<>();

    HostTrace(boolean on) {
        this.on = on;
    }

    void mark(String point, long nanos) {
        if (on) {
            synchronized (marks) {
                marks.putIfAbsent(point, nanos);
            }
        }
    }

    /** Sends the marks taken since the last flush, if any. */
    void flush(Endpoint endpoint) {
        if (!on) {
            return;
        }
        ObjectNode data = PayloadCodec.json().createObjectNode();
        synchronized (marks) {
            marks.forEach(data::put);
            marks.clear();
        }
        if (!data.isEmpty() && !endpoint.isClosed()) {
            endpoint.sendEvent(PayloadCodec.encode(new LogProtocol.HostEvent(LogProtocol.TRACE_EVENT, "info", "trace", data)));
        }
    }
}
