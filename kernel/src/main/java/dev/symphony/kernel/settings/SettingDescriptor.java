package dev.symphony.kernel.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One setting as the schema declares it; what a settings UI needs to render an editor for it.
 *
 * @param type JSON Schema type: string, boolean, integer, number, array or object
 * @param enumValues the allowed values for an enumerated string, else empty
 */
public record SettingDescriptor(String key, String title, String description, String category, String type,
                                List<String> enumValues, JsonNode defaultValue, Double minimum, Double maximum) {}
