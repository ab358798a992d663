package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.symphony.ipc.api.CallFailedException;
import dev.symphony.ipc.api.ErrorCode;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Compiled input/output schemas of registered capabilities (compiled once, at registration). */
final class SchemaCache {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final ConcurrentHashMap<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    void register(String key, JsonNode schema) {
        schemas.put(key, FACTORY.getSchema(schema));
    }

    void unregisterPrefix(String prefix) {
        schemas.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** Throws {@code code} naming every problem (with its JSON path) when {@code value} does not match. */
    void validate(String key, JsonNode value, ErrorCode code, String what) {
        JsonSchema schema = schemas.get(key);
        if (schema == null) {
            throw new CallFailedException(ErrorCode.UNKNOWN_CAPABILITY, "no schema registered for " + key);
        }
        Set<ValidationMessage> problems = schema.validate(value);
        if (!problems.isEmpty()) {
            throw new CallFailedException(code, what + " does not match its schema: "
                    + problems.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
    }
}
