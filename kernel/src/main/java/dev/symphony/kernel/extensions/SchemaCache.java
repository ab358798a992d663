package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.schema.LazySchema;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Input/output schemas of registered capabilities, each compiled on its first use (the manifest
 * check already proved them valid schemas; compiling all of them at start-up delayed the first host).
 */
final class SchemaCache {
    private final ConcurrentHashMap<String, LazySchema> schemas = new ConcurrentHashMap<>();

    void register(String key, JsonNode schema) {
        schemas.put(key, new LazySchema(schema));
    }

    void unregisterPrefix(String prefix) {
        schemas.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** Throws {@code code} naming every problem (with its JSON path) when {@code value} does not match. */
    void validate(String key, JsonNode value, ErrorCode code, String what) {
        LazySchema schema = schemas.get(key);
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
