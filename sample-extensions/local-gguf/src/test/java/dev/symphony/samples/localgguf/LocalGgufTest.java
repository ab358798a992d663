package dev.symphony.samples.localgguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension with its real manifest through the SDK's in-process harness (the host's dispatcher, schemas checked),
 * llama.cpp running the demo model the build wrote. The process boundary is covered by packaging's AskIT.
 */
class LocalGgufTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static LocalGguf extension;
    static ExtensionHarness harness;

    @BeforeAll
    static void start(@TempDir Path workspace) throws Exception {
        extension = new LocalGguf();
        harness = new ExtensionHarness(Path.of("symphony-extension.json"), extension, workspace);
    }

    @AfterAll
    static void stop() {
        extension.deactivate();
    }

    static JsonNode chat(String text, int maxTokens, long seed) {
        return LanguageModelProtocol.toJson(new ChatRequest(null, List.of(Message.user(text)),
                new Sampling(maxTokens, 0.8, null, seed, null)));
    }

    @Test
    void theCatalogueNamesTheDemoModelAndLoadsNothing() {
        Catalogue catalogue = LanguageModelProtocol.fromJson(harness.call("models", JSON.createObjectNode()), Catalogue.class);
        assertEquals(1, catalogue.models().size());
        assertEquals(LocalGguf.DEMO_ID, catalogue.models().get(0).id());
        assertTrue(catalogue.models().get(0).demo());
        assertEquals(GgufLanguageModel.CONTEXT, catalogue.models().get(0).contextLength());
    }

    @Test
    void chatStreamsTokensThenTheFinalAnswerWithUsage() {
        List<JsonNode> chunks = harness.stream("chat", chat("hello", 24, 7));
        JsonNode last = chunks.get(chunks.size() - 1);
        assertTrue(Final.isFinal(last), last.toString());
        Final answer = LanguageModelProtocol.fromJson(last, Final.class);
        List<JsonNode> tokens = chunks.subList(0, chunks.size() - 1);
        tokens.forEach(c -> assertTrue(c.has("token") && !Final.isFinal(c), c.toString()));
        assertEquals(24, tokens.size());
        assertEquals(tokens.stream().map(c -> c.get("token").asText()).collect(Collectors.joining()), answer.message().content());
        assertEquals(24, answer.usage().outputTokens());
        assertEquals("hello\n".length() + 1, answer.usage().inputTokens()); // one token per character, and <s>
        assertEquals(FinishReason.LENGTH, answer.finishReason());
        assertEquals(LocalGguf.DEMO_ID, answer.model());
        // Bigrams of English prose: mostly letters and spaces, not uniform noise over the 95 characters.
        long letters = answer.message().content().chars().filter(c -> Character.isLetter(c) || c == ' ').count();
        assertTrue(letters >= 24 * 0.6, answer.message().content());
    }

    @Test
    void theSameSeedGivesTheSameTextAndAnotherSeedAnother() {
        String a = last(harness.stream("chat", chat("The kernel", 40, 1))).message().content();
        String b = last(harness.stream("chat", chat("The kernel", 40, 1))).message().content();
        String c = last(harness.stream("chat", chat("The kernel", 40, 2))).message().content();
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void anUnknownModelAndFillInTheMiddleFailClearly() {
        var unknown = assertThrows(CallFailedException.class, () -> harness.stream("chat", LanguageModelProtocol.toJson(
                new ChatRequest("gpt-4o", List.of(Message.user("hi")), null))));
        assertEquals(ErrorCode.INVALID_INPUT, unknown.code());
        assertTrue(unknown.getMessage().contains("no model 'gpt-4o'"), unknown.getMessage());
        var fim = assertThrows(CallFailedException.class, () -> harness.stream("complete", JSON.createObjectNode().put("prefix", "a")));
        assertEquals(ErrorCode.UNKNOWN_CAPABILITY, fim.code());
    }

    private static Final last(List<JsonNode> chunks) {
        return LanguageModelProtocol.fromJson(chunks.get(chunks.size() - 1), Final.class);
    }
}
