package dev.symphony.kernel.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import dev.symphony.contract.schema.LazySchema;
import dev.symphony.contract.schema.JsonSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schema that declares every setting (the core's, later merged with extensions'
 * contributions), and validation of settings values against it with a real validator.
 */
public final class SettingsSchema {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ObjectNode schemaNode;
    private final LazySchema schema;
    private final Map<String, SettingDescriptor> settings;

    private SettingsSchema(ObjectNode schemaNode) {
        this.schemaNode = schemaNode;
        this.schema = new LazySchema(schemaNode);
        this.settings = Collections.unmodifiableMap(describe(schemaNode));
    }

    /** The core settings shipped with Symphony. */
    public static SettingsSchema core() {
        try (InputStream in = SettingsSchema.class.getResourceAsStream("core-settings.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("core-settings.schema.json is missing from the kernel jar");
            }
            return new SettingsSchema((ObjectNode) MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The settings an extension contributes (an object schema over its own short keys), as
     * top-level settings named {@code PREFIX.key} — the keys users write in settings.json.
     */
    public static SettingsSchema contributed(String prefix, JsonNode contribution) {
        ObjectNode schemaNode = MAPPER.createObjectNode();
        schemaNode.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schemaNode.put("type", "object");
        ObjectNode properties = schemaNode.putObject("properties");
        if (contribution != null) {
            contribution.path("properties").properties().forEach(e -> properties.set(prefix + "." + e.getKey(), e.getValue()));
        }
        return new SettingsSchema(schemaNode);
    }

    /**
     * This schema plus an extension's contributed settings as {@code PREFIX.key} (grouped under the
     * category {@code category} unless they name their own); settings already declared are kept as
     * they are, so contributing again (an extension reloaded) changes nothing.
     */
    public SettingsSchema withContributed(String prefix, String category, JsonNode contribution) {
        ObjectNode added = MAPPER.createObjectNode();
        ObjectNode properties = added.putObject("properties");
        if (contribution != null) {
            contribution.path("properties").properties().forEach(e -> {
                String key = prefix + "." + e.getKey();
                if (!settings.containsKey(key) && e.getValue().isObject()) {
                    ObjectNode p = e.getValue().deepCopy();
                    if (!p.has(JsonSchemas.CATEGORY_KEYWORD)) {
                        p.put(JsonSchemas.CATEGORY_KEYWORD, category);
                    }
                    properties.set(key, p);
                }
            });
        }
        return properties.isEmpty() ? this : merge(added);
    }

    /** This schema plus the settings another schema (an extension's contribution) declares. */
    public SettingsSchema merge(JsonNode contribution) {
        ObjectNode merged = schemaNode.deepCopy();
        ObjectNode properties = (ObjectNode) merged.get("properties");
        contribution.path("properties").properties().forEach(e -> {
            if (properties.has(e.getKey())) {
                throw new IllegalArgumentException("setting '" + e.getKey() + "' is already declared");
            }
            properties.set(e.getKey(), e.getValue());
        });
        return new SettingsSchema(merged);
    }

    public Map<String, SettingDescriptor> settings() {
        return settings;
    }

    public Optional<SettingDescriptor> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The value every setting has when no file sets it. */
    public ObjectNode defaults() {
        ObjectNode defaults = MAPPER.createObjectNode();
        settings.values().forEach(s -> defaults.set(s.key(), s.defaultValue()));
        return defaults;
    }

    /** A problem with one top-level setting: its key and what is wrong. */
    public record Violation(String key, String message) {}

    /** Validates a settings object; every violation names the top-level setting it concerns. */
    public List<Violation> validate(JsonNode values) {
        List<Violation> violations = new ArrayList<>();
        if (!values.isObject()) {
            violations.add(new Violation(null, "settings must be a JSON object, found " + values.getNodeType()));
            return violations;
        }
        for (ValidationMessage message : schema.validate(values)) {
            String key = message.getInstanceLocation().getNameCount() > 0
                    ? String.valueOf(message.getInstanceLocation().getElement(0))
                    : message.getProperty();
            String text = message.getError() != null ? message.getError() : message.getMessage();
            violations.add(new Violation(key, text));
        }
        return violations;
    }

    private static Map<String, SettingDescriptor> describe(ObjectNode schemaNode) {
        Map<String, SettingDescriptor> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = schemaNode.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode p = field.getValue();
            List<String> enumValues = new ArrayList<>();
            p.path("enum").forEach(v -> enumValues.add(v.asText()));
            result.put(field.getKey(), new SettingDescriptor(field.getKey(),
                    p.path("title").asText(field.getKey()), p.path("description").asText(""),
                    p.path(JsonSchemas.CATEGORY_KEYWORD).asText("Other"), p.path("type").asText("string"),
                    List.copyOf(enumValues), p.path("default").deepCopy(),
                    p.has("minimum") ? p.get("minimum").asDouble() : null,
                    p.has("maximum") ? p.get("maximum").asDouble() : null));
        }
        return result;
    }
}
