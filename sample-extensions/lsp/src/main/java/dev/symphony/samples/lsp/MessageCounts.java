package dev.symphony.samples.lsp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;

/**
 * The requests and notifications written to servers, by method, counted where LSP4J writes them: what the workbench's
 * typing costs on the wire ({@code didChange} and {@code completion} per keystroke, {@code $/cancelRequest} for
 * superseded requests), for tests and {@code symphony bench lsp}.
 */
final class MessageCounts {
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();

    /** LSP4J's message wrapper: counts what goes to the server's stream, passes incoming messages through untouched. */
    MessageConsumer wrapOutgoing(MessageConsumer consumer) {
        if (!(consumer instanceof StreamMessageConsumer)) {
            return consumer;
        }
        return message -> {
            String method = message instanceof RequestMessage r ? r.getMethod()
                    : message instanceof NotificationMessage n ? n.getMethod() : null;
            if (method != null) {
                sent.computeIfAbsent(method, m -> new LongAdder()).increment();
            }
            consumer.consume(message);
        };
    }

    long sent(String method) {
        LongAdder a = sent.get(method);
        return a == null ? 0 : a.sum();
    }

    ObjectNode json() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(sent).forEach((m, n) -> out.put(m, n.sum()));
        return out;
    }
}
