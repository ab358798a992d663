package dev.symphony.kernel.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * A JSON Schema (2020-12) compiled on its first use by the kernel's one validator factory: the
 * validator library's start costs ~100 ms, which the IDE's start and the first extension host
 * should not pay for schemas nobody has validated against yet. Two first uses at once may both
 * compile; either result serves.
 */
public final class LazySchema {
    /** The settings-page category of a setting: an annotation for the UI, not a constraint. */
    public static final String CATEGORY_KEYWORD = "x-category";

    private static final class Factory {
        // x-category declared, else the validator warns about an unknown keyword at every start
        static final JsonSchemaFactory INSTANCE = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                        .keyword(new NonValidationKeyword(CATEGORY_KEYWORD)).build()));
    }

    private final JsonNode source;
    private volatile JsonSchema compiled;

    public LazySchema(JsonNode source) {
        this.source = source;
    }

    public Set<ValidationMessage> validate(JsonNode value) {
        JsonSchema s = compiled;
        if (s == null) {
            compiled = s = Factory.INSTANCE.getSchema(source);
        }
        return s.validate(value);
    }
}
