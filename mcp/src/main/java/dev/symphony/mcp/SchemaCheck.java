package dev.symphony.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JSON Schema checks of tool arguments (before a call) and of structured results (the SDK's {@link JsonSchemaValidator},
 * handed to its client), by the json-schema-validator version the rest of Symphony uses (the SDK's own validator needs
 * 2.x; parent pom). Draft 2020-12 unless a schema names its draft.
 */
final class SchemaCheck implements JsonSchemaValidator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.defaultMetaSchemaIri(SpecVersion.VersionFlag.V202012.getId()));

    /** The problems of {@code value} against {@code schema}, "" when none. */
    static String problems(JsonNode schema, JsonNode value) {
        if (schema == null || schema.isNull() || schema.isEmpty()) {
            return "";
        }
        JsonSchema s = FACTORY.getSchema(schema);
        Set<ValidationMessage> errors = s.validate(value);
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
