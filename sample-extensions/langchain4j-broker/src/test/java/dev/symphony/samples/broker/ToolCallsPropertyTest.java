package dev.symphony.samples.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.ToolCall;
import dev.symphony.sdk.api.ExtensionException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The model's tool calls are hostile input: any arguments text either becomes one JSON object or fails as
 * EXTENSION_ERROR naming the model, the call and the tool, never anything else. Seeded: the seed is printed;
 * {@code -Dsymphony.test.seed=N} (or {@code SYMPHONY_TEST_SEED}) repeats a run.
 */
class ToolCallsPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PIECES = {"{", "}", "[", "]", "\"", "\\", ":", ",", "\"path\"", "\"a\\u00e9\"", "1", "-2.5e3", "true",
        "null", " ", "\n", "\u0000", "\uD83C", "é", "{\"x\":", "NaN", "'", "/*", "//"};

    private static ToolExecutionRequest call(String name, String arguments) {
        return ToolExecutionRequest.builder().id("c1").name(name).arguments(arguments).build();
    }

    @Test
    void anyArgumentsTextIsOneJsonObjectOrAnErrorNamingTheTool() {
        String configured = System.getProperty("symphony.test.seed", System.getenv("SYMPHONY_TEST_SEED"));
        long seed = configured != null ? Long.parseLong(configured) : System.nanoTime();
        System.out.println("ToolCallsPropertyTest seed = " + seed + " (rerun with -Dsymphony.test.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        int parsed = 0;
        for (int run = 0; run < 3_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String arguments = text.toString();
            try {
                List<ToolCall> calls = ToolCalls.fromModel(List.of(call("read_file", arguments)), "m");
                assertTrue(calls.get(0).arguments().isObject(), "seed " + seed + ": " + arguments);
                parsed++;
            } catch (ExtensionException e) {
                assertEquals(ErrorCode.EXTENSION_ERROR, e.code(), "seed " + seed + ": " + arguments);
                assertTrue(e.getMessage().startsWith("m's tool call 1 of 1 (read_file) has arguments that are not"),
                        "seed " + seed + ": " + arguments + " -> " + e.getMessage());
            }
        }
        assertTrue(parsed > 0, "some texts were objects (the empty text among them)");
    }

    @Test
    void positionsNamesAndLimits() throws Exception {
        ExtensionException cut = assertThrows(ExtensionException.class,
                () -> ToolCalls.fromModel(List.of(call("a", "{}"), call("edit_file", "{\"path\": \"x\",\n \"oldText\": ")), "server at http://h"));
        assertTrue(cut.getMessage().startsWith("server at http://h's tool call 2 of 2 (edit_file) has arguments that are not JSON at line 2, column "),
                cut.getMessage());
        ExtensionException trailing = assertThrows(ExtensionException.class, () -> ToolCalls.fromModel(List.of(call("a", "{} {}")), "m"));
        assertTrue(trailing.getMessage().contains("more text at line 1, column 4"), trailing.getMessage());
        ExtensionException array = assertThrows(ExtensionException.class, () -> ToolCalls.fromModel(List.of(call("a", "[1]")), "m"));
        assertTrue(array.getMessage().contains("not a JSON object but array"), array.getMessage());
        ExtensionException nameless = assertThrows(ExtensionException.class, () -> ToolCalls.fromModel(List.of(call(" ", "{}")), "m"));
        assertTrue(nameless.getMessage().contains("tool call 1 of 1 has no tool name"), nameless.getMessage());
        ExtensionException huge = assertThrows(ExtensionException.class,
                () -> ToolCalls.fromModel(List.of(call("a", "{\"x\":\"" + "y".repeat(ToolCalls.MAX_ARGUMENTS_CHARS) + "\"}")), "m"));
        assertTrue(huge.getMessage().contains("characters of arguments (at most"), huge.getMessage());

        List<ToolCall> ok = ToolCalls.fromModel(List.of(ToolExecutionRequest.builder().name("list_folder").arguments("").build()), "m");
        assertEquals(new ToolCall("call-1", "list_folder", JSON.createObjectNode()), ok.get(0), "no id: one by position; no arguments: {}");
    }
}
