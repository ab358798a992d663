package dev.symphony.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tool's arguments and structured result against its schemas, as servers declare them: without a draft (2020-12),
 * with draft-07 (the MCP SDKs' default), and with keywords of one draft only.
 */
class SchemaCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void argumentsOffTheSchemaAreNamedAndFittingOnesPass() throws Exception {
        JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"]}");
        assertEquals("", SchemaCheck.problems(schema, json("{\"path\":\"a.txt\"}")));
        String missing = SchemaCheck.problems(schema, json("{}"));
        assertTrue(missing.contains("path"), missing);
        String wrongType = SchemaCheck.problems(schema, json("{\"path\":3}"));
        assertTrue(wrongType.contains("$.path") && wrongType.contains("string"), wrongType);
    }

    @Test
    void aSchemaNamesItsOwnDraft() throws Exception {
        // draft-07's array form of items checks each position; 2020-12 has prefixItems for that and reads items as
        // the schema of every element, so the same value passes or fails according to the draft the schema names
        String items = "\"type\":\"array\",\"items\":[{\"type\":\"string\"},{\"type\":\"integer\"}]";
        JsonNode draft07 = json("{\"$schema\":\"http://json-schema.org/draft-07/schema#\"," + items + "}");
        assertEquals("", SchemaCheck.problems(draft07, json("[\"a\", 1]")));
        assertFalse(SchemaCheck.problems(draft07, json("[1, \"a\"]")).isEmpty());
    }

    @Test
    void noSchemaChecksNothing() throws Exception {
        assertEquals("", SchemaCheck.problems(null, json("{\"any\":1}")));
        assertEquals("", SchemaCheck.problems(json("{}"), json("{\"any\":1}")));
    }

    @Test
    void aStructuredResultOffTheOutputSchemaIsRefusedSayingWhy() {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("count", Map.of("type", "integer")));
        ValidationResponse ok = new SchemaCheck().validate(schema, Map.of("count", 2));
        assertTrue(ok.valid(), ok.errorMessage());
        ValidationResponse bad = new SchemaCheck().validate(schema, Map.of("count", "two"));
        assertFalse(bad.valid());
        assertTrue(bad.errorMessage().startsWith("structured content does not fit the tool's output schema: "), bad.errorMessage());
        assertTrue(bad.errorMessage().contains("$.count"), bad.errorMessage());
    }
}
