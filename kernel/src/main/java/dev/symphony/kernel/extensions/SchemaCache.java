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

/**
 * Input/output schemas of registered capabilities, each compiled on its first use (the manifest
 * check already proved them valid schemas; compiling all of them at start-up delayed the first host).
 */
final class SchemaCache {
    private static final class Factory {
        static final JsonSchemaFactory INSTANCE = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    }

    private final ConcurrentHashMap<String, JsonNode> sources = new ConcurrentHashMap<>();
    /** Compiled schemas with the source they were compiled from (a reload registers a new source). */
    private final ConcurrentHashMap<String, Compiled> schemas = new ConcurrentHashMap<>();

    private record Compiled(JsonNode source, JsonSchema schema) {}

    void register(String key, JsonNode schema) {
        sources.put(key, schema);
    }

    void unregisterPrefix(String prefix) {
        sources.keySet().removeIf(k -> k.startsWith(prefix));
        schemas.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** Throws {@code code} naming every problem (with its JSON path) when {@code value} does not match. */
    void validate(String key, JsonNode value, ErrorCode code, String what) {
        JsonNode source = sources.get(key);
        if (source == null) {
            throw new CallFailedException(ErrorCode.UNKNOWN_CAPABILITY, "no schema registered for " + key);
        }
        Compiled c = schemas.get(key); // a lock-free read on the call path; two first calls may both compile
        if (c == null || c.source() != source) {
            c = new Compiled(source, Factory.INSTANCE.getSchema(source));
            schemas.put(key, c);
        }
        JsonSchema schema = c.schema();
        Set<ValidationMessage> problems = schema.validate(value);
        if (!problems.isEmpty()) {
            throw new CallFailedException(code, what + " does not match its schema: "
                    + problems.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
    }
}
