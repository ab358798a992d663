package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.symphony.contract.schema.JsonSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The shipped JSON Schemas (Melody, event stream), compiled once; also compiles user-supplied schemas. */
public final class MelodySchema {
    public static final String MELODY_RESOURCE = "/dev/symphony/conductor/melody/melody.schema.json";
    public static final String EVENT_RESOURCE = "/dev/symphony/conductor/run/melody-event.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile JsonSchema melody;
    private static volatile JsonSchema event;

    private MelodySchema() {
    }

    public static JsonNode resource(String name) {
        try (InputStream in = MelodySchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Problem> validateMelody(JsonNode document) {
        if (melody == null) {
            melody = JsonSchemas.compile(resource(MELODY_RESOURCE));
        }
        return problems(melody, document, "");
    }

    public static List<Problem> validateEvent(JsonNode event) {
        if (MelodySchema.event == null) {
            MelodySchema.event = JsonSchemas.compile(resource(EVENT_RESOURCE));
        }
        return problems(MelodySchema.event, event, "");
    }

    /** Compiles a schema a Melody declares (gates, input nodes); throws IllegalArgumentException if it is not one. */
    public static JsonSchema compile(JsonNode schema) {
        try {
            return JsonSchemas.compile(schema);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a usable JSON Schema: " + e.getMessage(), e);
        }
    }

    /**
     * Problems of {@code value} against the schema {@code schema} (compiled here; an editor checking one field, e.g.
     * the board's inspector, needs no schema library of its own); IllegalArgumentException if it is not a schema.
     */
    public static List<Problem> problems(JsonNode schema, JsonNode value, String prefix) {
        return problems(compile(schema), value, prefix);
    }

    /** Problems of {@code value} against {@code schema}, paths prefixed with {@code prefix} (a JSON path or ""). */
    public static List<Problem> problems(JsonSchema schema, JsonNode value, String prefix) {
        List<Problem> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(value)) {
            String at = m.getInstanceLocation().toString();
            String path = prefix.isEmpty() ? at : prefix + at.substring(1);
            String text = m.getMessage();
            // networknt starts messages with the instance path; the Problem carries it separately.
            int colon = text.indexOf(": ");
            if (colon > 0 && text.startsWith("$")) {
                text = text.substring(colon + 2);
            }
            out.add(new Problem(path, text));
        }
        out.sort(null);
        return out;
    }
}
