package dev.symphony.samples.texttools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.testing.ExtensionHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Through the SDK's in-process harness, with the real manifest (schemas checked both ways). */
class TextToolsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path workspace;

    JsonNode call(String capability, String input) throws Exception {
        return new ExtensionHarness(Path.of("symphony-extension.json"), new TextTools(), workspace)
                .call(capability, JSON.readTree(input));
    }

    @Test
    void caseConversion() throws Exception {
        assertEquals("HELLO WORLD", call("case", "{\"text\":\"hello world\",\"to\":\"upper\"}").path("text").asText());
        assertEquals("parse_http_request", call("case", "{\"text\":\"parseHTTPRequest\",\"to\":\"snake\"}").path("text").asText());
        assertEquals("Hello Big World", call("case", "{\"text\":\"hello-big_world\",\"to\":\"title\"}").path("text").asText());
        assertEquals("helloBigWorld", call("case", "{\"text\":\"Hello big world\",\"to\":\"camel\"}").path("text").asText());
        assertEquals("hello-big-world", call("case", "{\"text\":\"HelloBigWorld\",\"to\":\"kebab\"}").path("text").asText());
        ExtensionException e = assertThrows(ExtensionException.class, () -> call("case", "{\"text\":\"x\",\"to\":\"shout\"}"));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
    }

    @Test
    void regexExtract() throws Exception {
        JsonNode out = call("regex-extract", "{\"text\":\"a1 b22 c333\",\"pattern\":\"([a-z])(\\\\d+)\",\"group\":2}");
        assertEquals(List.of("1", "22", "333"), List.of(out.path("matches").get(0).asText(), out.path("matches").get(1).asText(),
                out.path("matches").get(2).asText()));
        ExtensionException e = assertThrows(ExtensionException.class, () -> call("regex-extract", "{\"text\":\"x\",\"pattern\":\"(\"}"));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
    }

    @Test
    void jsonPointerSelect() throws Exception {
        assertEquals(JSON.readTree("{\"found\":true,\"value\":2}"),
                call("json-select", "{\"document\":{\"a\":[1,2]},\"pointer\":\"/a/1\"}"));
        assertEquals(JSON.readTree("{\"found\":false}"), call("json-select", "{\"document\":{\"a\":[1,2]},\"pointer\":\"/b\"}"));
    }

    @Test
    void markdownToHtml() throws Exception {
        assertEquals("<h1>Title</h1>\n<p>some <em>text</em> &amp; <code>code</code></p>\n",
                call("markdown-to-html", "{\"markdown\":\"# Title\\n\\nsome *text* & `code`\"}").path("html").asText());
        assertTrue(call("markdown-to-html", "{\"markdown\":\"<script>x</script>\"}").path("html").asText().contains("&lt;script&gt;"));
    }
}
