package dev.symphony.kernel.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsoncDocumentTest {
    @Test
    void reportsLineAndColumnOfSyntaxError() {
        JsoncSyntaxException e = assertThrows(JsoncSyntaxException.class,
                () -> JsoncDocument.parse("{\n  \"a\": 1,\n  \"b\": tru\n}"));
        assertEquals(3, e.line());
        assertTrue(e.column() >= 8 && e.column() <= 12, "column " + e.column());
        assertTrue(e.describe().startsWith("line 3, column "), e.describe());
    }

    @Test
    void acceptsCommentsAndTrailingCommas() throws Exception {
        JsoncDocument doc = JsoncDocument.parse("// mine\n{ /* x */ \"a\": 1, \"b\": [1,2,],\n}");
        assertEquals(1, doc.root().get("a").asInt());
        assertEquals(2, doc.spanOf("b").get().column() > 0 ? doc.root().get("b").size() : -1);
    }

    @Test
    void changingOnePropertyKeepsCommentsAndFormatting() throws Exception {
        String text = "{\n  // font\n  \"editor.fontSize\": 14, // my size\n  \"x\": {\"y\": [1, 2]}\n}\n";
        String changed = JsoncDocument.parse(text).withProperty("editor.fontSize", IntNode.valueOf(18));
        assertEquals(text.replace("14", "18"), changed);
        String nested = JsoncDocument.parse(text).withProperty("x", TextNode.valueOf("z"));
        assertEquals(text.replace("{\"y\": [1, 2]}", "\"z\""), nested);
    }

    @Test
    void addingAPropertyAppendsItAfterTheLastOne() throws Exception {
        String added = JsoncDocument.parse("{\n  \"a\": 1 // one\n}\n").withProperty("b", IntNode.valueOf(2));
        assertEquals("{\n  \"a\": 1,\n    \"b\": 2 // one\n}\n", added);
        assertEquals(2, JsoncDocument.parse(added).root().get("b").asInt());
        String intoEmpty = JsoncDocument.parse("{}").withProperty("b", IntNode.valueOf(2));
        assertEquals("{\n    \"b\": 2\n}", intoEmpty);
        assertEquals("{\n    \"b\": 2\n}\n", JsoncDocument.parse("").withProperty("b", IntNode.valueOf(2)));
    }

    @Test
    void removingPropertiesKeepsTheRestValid() throws Exception {
        String text = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}";
        assertEquals("{\n  \"b\": 2,\n  \"c\": 3\n}", JsoncDocument.parse(text).withProperty("a", null));
        assertEquals("{\n  \"a\": 1,\n  \"c\": 3\n}", JsoncDocument.parse(text).withProperty("b", null));
        assertEquals("{\n  \"a\": 1,\n  \"b\": 2\n}", JsoncDocument.parse(text).withProperty("c", null));
    }

    @Test
    void randomEditsAlwaysYieldTheExpectedObject() throws Exception {
        long seed = Long.getLong("symphony.test.seed", System.nanoTime());
        Random random = new Random(seed);
        ObjectNode expected = JsonNodeFactory.instance.objectNode();
        String text = "{\n  // user settings\n}\n";
        for (int step = 0; step < 400; step++) {
            String key = "k" + random.nextInt(6);
            if (random.nextInt(4) == 0) {
                text = JsoncDocument.parse(text).withProperty(key, null);
                expected.remove(key);
            } else {
                var value = random.nextBoolean() ? IntNode.valueOf(random.nextInt(1000))
                        : TextNode.valueOf("v\"" + random.nextInt(1000) + "\\");
                text = JsoncDocument.parse(text).withProperty(key, value);
                expected.set(key, value);
            }
            JsoncDocument doc = JsoncDocument.parse(text);
            assertEquals(expected, doc.root(), "seed " + seed + " (rerun with -Dsymphony.test.seed=" + seed + "), text:\n" + text);
            assertTrue(text.contains("// user settings"), "seed " + seed + ": comment lost");
        }
    }
}
