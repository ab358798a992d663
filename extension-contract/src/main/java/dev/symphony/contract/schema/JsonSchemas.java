package dev.symphony.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

/**
 * The project's one JSON-Schema set-up (networknt validator, draft 2020-12): extension manifests,
 * capability input/output schemas, settings and Melodies all compile through {@link #compile}. The
 * factory is made on first use: the validator library's start costs ~100 ms, which the IDE's start and
 * the first extension host should not pay before anything is validated.
 */
public final class JsonSchemas {
    /** The settings-page category of a setting: an annotation for the UI, not a constraint. */
    public static final String CATEGORY_KEYWORD = "x-category";

    private static final class Factory {
        // x-category declared, else the validator warns about an unknown keyword at every start
        static final JsonSchemaFactory INSTANCE = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                        .keyword(new NonValidationKeyword(CATEGORY_KEYWORD)).build()));
    }

    private static final class MetaSchema {
        static final JsonSchema INSTANCE =
                Factory.INSTANCE.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    }

    private JsonSchemas() {
    }

    /** Compiles a schema given as JSON. */
    public static JsonSchema compile(JsonNode schema) {
        return Factory.INSTANCE.getSchema(schema);
    }

    /** The draft 2020-12 meta-schema: a value it accepts is itself a valid schema. */
    public static JsonSchema metaSchema() {
        return MetaSchema.INSTANCE;
    }
}
