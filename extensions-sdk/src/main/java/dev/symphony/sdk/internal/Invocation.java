package dev.symphony.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.sdk.api.Addon;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.Instrument;
import dev.symphony.sdk.api.Operator;
import dev.symphony.sdk.api.TokenSink;
import dev.symphony.sdk.api.UiEvent;

import java.util.function.Consumer;

/**
 * Runs one capability the same way for the bus host and the in-process test harness: Operators and
 * Addons return one value; Instruments stream chunks to {@code chunks} (or, called without a stream,
 * return {@code {"text": all tokens, "tokens": n}}).
 */
public final class Invocation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Invocation() {
    }

    /** Counts what an instrument produced, for the stream summary and cost. */
    public static final class Counters {
        public long chunks;
        public long tokens;
    }

    public static JsonNode invoke(Object implementation, JsonNode input, CallContext context,
                                  Consumer<JsonNode> chunks, Counters counters) throws Exception {
        if (implementation instanceof Operator operator) {
            JsonNode out = operator.apply(input, context);
            if (chunks != null) {
                chunks.accept(out);
                counters.chunks++;
            }
            return out;
        }
        if (implementation instanceof Addon addon) {
            var node = input.has("event")
                    ? addon.onEvent(JSON.treeToValue(input.get("event"), UiEvent.class), context)
                    : addon.render(input.path("state"), context);
            return JSON.valueToTree(node);
        }
        Instrument instrument = (Instrument) implementation;
        StringBuilder text = chunks == null ? new StringBuilder() : null;
        TokenSink sink = new TokenSink() {
            @Override
            public void token(String token) {
                counters.tokens++;
                if (text != null) {
                    text.append(token);
                } else {
                    emit(JSON.createObjectNode().put("token", token));
                }
            }

            @Override
            public void emit(JsonNode chunk) {
                counters.chunks++;
                if (chunks != null) {
                    chunks.accept(chunk);
                }
            }

            @Override
            public boolean cancelled() {
                return context.cancelled();
            }
        };
        instrument.generate(input, sink, context);
        if (text == null) {
            return null;
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("text", text.toString());
        out.put("tokens", counters.tokens);
        return out;
    }
}
