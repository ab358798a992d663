package dev.symphony.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

import java.util.Set;

/**
 * A JSON Schema compiled by {@link JsonSchemas} on its first use, so schemas nobody validates against
 * cost nothing at start-up. Two first uses at once may both compile; either result serves.
 */
public final class LazySchema {
    private final JsonNode source;
    private volatile JsonSchema compiled;

    public LazySchema(JsonNode source) {
        this.source = source;
    }

    public Set<ValidationMessage> validate(JsonNode value) {
        JsonSchema s = compiled;
        if (s == null) {
            compiled = s = JsonSchemas.compile(source);
        }
        return s.validate(value);
    }
}
