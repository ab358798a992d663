package dev.symphony.sdk.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.pf4j.ExtensionPoint;

/**
 * A deterministic utility: the same input gives the same output, no model, no credits. Operators
 * run on the host's bus thread, so they must finish quickly (well under the hang timeout of ~1 s);
 * longer work belongs in an {@link Instrument}. Operators chain with {@link #andThen}.
 */
@FunctionalInterface
public interface Operator extends ExtensionPoint {
    JsonNode apply(JsonNode input, CallContext context) throws Exception;

    default Operator andThen(Operator next) {
        return (input, context) -> next.apply(apply(input, context), context);
    }
}
