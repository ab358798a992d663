package dev.symphony.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import dev.symphony.contract.schema.JsonSchemas;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JSON Schema checks of tool arguments (before a call) and of structured results (the SDK's {@link JsonSchemaValidator},
 * handed to its client), through the project's one JSON-Schema set-up ({@link JsonSchemas}: the json-schema-validator
 * version the rest of Symphony uses; the SDK's own validator needs 2.x, parent pom). Draft 2020-12 unless a schema names
 * its draft.
 */
final class SchemaCheck implements JsonSchemaValidator {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The problems of {@code value} against {@code schema}, "" when none. */
    static String problems(JsonNode schema, JsonNode value) {
        if (schema == null || schema.isNull() || schema.isEmpty()) {
            return "";
        }
        Set<ValidationMessage> errors = JsonSchemas.compile(schema).validate(value);
        return errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        try {
            String problems = problems(JSON.valueToTree(schema), JSON.valueToTree(structuredContent));
            String json = JSON.writeValueAsString(structuredContent);
            return problems.isEmpty() ? ValidationResponse.asValid(json) : ValidationResponse.asInvalid("structured content does not fit the tool's output schema: " + problems);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return ValidationResponse.asInvalid("cannot check structured content: " + e.getMessage());
        }
    }
}
