package dev.symphony.samples.tinylm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.TokenSink;
import dev.symphony.sdk.services.KernelServices;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

/** The shipped model through the SDK's in-process harness, with the real manifest (schemas checked both ways). */
class TinyLmTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static LazyModel model;
    static ExtensionHarness harness;

    @BeforeAll
    static void start(@TempDir Path workspace) throws Exception {
        model = LazyModel.shipped();
        harness = new ExtensionHarness(Path.of("symphony-extension.json"), new TinyLm(model), workspace);
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    static ObjectNode input(String prompt, int maxTokens, double temperature, long seed) {
        return JSON.createObjectNode().put("prompt", prompt).put("maxTokens", maxTokens)
                .put("temperature", temperature).put("seed", seed);
    }

    static List<String> tokens(List<JsonNode> chunks) {
        List<String> out = new ArrayList<>();
        chunks.stream().filter(c -> c.has("token")).forEach(c -> out.add(c.get("token").asText()));
        return out;
    }

    @Test
    void generateStreamsOneTokenPerCharacterWithCountsAndCost() throws Exception {
        List<JsonNode> chunks = harness.stream("generate", input("The conductor ", 40, 0.8, 7));
        List<String> tokens = tokens(chunks);
        assertEquals(40, tokens.size(), chunks.toString());
        tokens.forEach(t -> assertEquals(1, t.length(), "one character per token: '" + t + "'"));
        JsonNode last = chunks.get(chunks.size() - 1);
        assertEquals(String.join("", tokens), last.path("text").asText());
        assertEquals(40, last.path("tokens").asInt());
        assertEquals("The conductor ".length(), last.path("promptTokens").asInt());
        assertEquals(40 * GenerateInstrument.COST_PER_TOKEN + GenerateInstrument.COST_PER_CALL, last.path("cost").asDouble(), 1e-12);
        assertEquals(7, last.path("seed").asLong());
    }

    @Test
    void aColdModelIsWarmedOnceBeforeTheFirstTokenAndReportsLoadingThenWarm(@TempDir Path workspace) throws Exception {
        try (LazyModel fresh = LazyModel.shipped()) {
            var cold = new ExtensionHarness(Path.of("symphony-extension.json"), new TinyLm(fresh), workspace);
            assertFalse(fresh.loaded(), "registration does not load the model");
            List<JsonNode> first = cold.stream("generate", input("x", 3, 0.8, 1));
            assertTrue(fresh.loaded());
            assertTrue(first.get(0).has("token"), "the stream is only tokens and the summary: " + first);
            var states = cold.modelStates();
            assertEquals(List.of("LOADING", "WARM"), states.stream().map(s -> s.state()).toList(), states.toString());
            assertEquals("generate", states.get(1).capability());
            assertTrue(states.get(1).loadMs() >= 0, states.toString());
            List<JsonNode> second = cold.stream("generate", input("x", 3, 0.8, 1));
            assertEquals(2, cold.modelStates().size(), "warm: no second warm-up " + cold.modelStates());
            assertEquals(tokens(first), tokens(second));
            // complete shares the loaded model: its warm-up is the capability's own, and costs nothing more
            long completeLoadMs = cold.warmUp("complete");
            assertTrue(completeLoadMs < fresh.loadMillis() + 1, completeLoadMs + " vs " + fresh.loadMillis());
        }
    }

    @Test
    void declaredCostIsTheManifests() {
        for (String name : List.of("generate", "complete")) {
            ExtensionManifest.Capability c = harness.manifest().capability(name).orElseThrow();
            assertEquals(GenerateInstrument.COST_PER_TOKEN, c.cost().perToken(), name);
            assertEquals(GenerateInstrument.COST_PER_CALL, c.cost().perCall(), name);
            assertTrue(c.latency().warmupMs() > 0, name + " declares its warm-up");
        }
        assertTrue(harness.manifest().description().startsWith("DEMO MODEL"), "plainly labelled a demo model");
    }

    @Test
    void sameSeedSameTextOtherSeedOtherText() throws Exception {
        String a = harness.call("generate", input("Melodies ", 60, 0.9, 42)).path("text").asText();
        String b = harness.call("generate", input("Melodies ", 60, 0.9, 42)).path("text").asText();
        String c = harness.call("generate", input("Melodies ", 60, 0.9, 43)).path("text").asText();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(60, a.length());
    }

    @Test
    void nonStreamingCallAnswersTextAndTokens() throws Exception {
        JsonNode out = harness.call("generate", input("", 25, 0.0, 1));
        assertEquals(25, out.path("tokens").asInt());
        assertEquals(25, out.path("text").asText().length());
        // temperature 0 is greedy: the seed does not matter
        assertEquals(out.path("text").asText(), harness.call("generate", input("", 25, 0.0, 99)).path("text").asText());
    }

    @Test
    void looksLikeItsTrainingText() throws Exception {
        // A trained model writes mostly letters and spaces with words of plausible length; an untrained one
        // (near uniform over 116 characters, 56 of them letters or space) writes about half punctuation, digits, symbols.
        String text = harness.call("generate", input("The ", 600, 0.7, 5)).path("text").asText();
        long letters = text.chars().filter(ch -> Character.isLetter(ch) || ch == ' ').count();
        assertTrue(letters > 0.75 * text.length(), "letters and spaces " + letters + "/" + text.length() + ": " + text);
        String[] words = text.trim().split("\\s+");
        double mean = text.replaceAll("\\s+", "").length() / (double) words.length;
        assertTrue(mean > 2.5 && mean < 9, "mean word length " + mean + ": " + text);
    }

    @Test
    void completeStopsAtTheEndOfASentence() throws Exception {
        JsonNode out = harness.call("complete", input("The kernel ", 400, 0.7, 3));
        String text = out.path("text").asText();
        char last = text.charAt(text.length() - 1);
        assertTrue(text.length() == 400 || (text.length() >= GenerateInstrument.MIN_SENTENCE_TOKENS && ".!?\n".indexOf(last) >= 0), text);
        assertEquals(text.length(), out.path("tokens").asInt());
    }

    @Test
    void cancellationStopsTheStreamBetweenTokens() throws Exception {
        List<String> seen = new ArrayList<>();
        TokenSink sink = new TokenSink() {
            @Override
            public void token(String text) {
                seen.add(text);
            }

            @Override
            public void emit(JsonNode chunk) {
            }

            @Override
            public boolean cancelled() {
                return seen.size() >= 5;
            }
        };
        var instrument = new GenerateInstrument(model, false);
        ExtensionException e = assertThrows(ExtensionException.class,
                () -> instrument.generate(input("abc", 1000, 0.8, 1), sink, context()));
        assertEquals(ErrorCode.CANCELLED, e.code());
        assertEquals(5, seen.size(), "no token after the cancellation was seen");
    }

    @Test
    void inputOutsideTheSchemaIsRefused() {
        ExtensionException e = assertThrows(ExtensionException.class,
                () -> harness.call("generate", input("x", 2001, 0.8, 1)));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
    }

    static CallContext context() {
        return new CallContext() {
            @Override
            public String extensionId() {
                return "dev.symphony.samples.tiny-lm";
            }

            @Override
            public String capability() {
                return "generate";
            }

            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public KernelServices services() {
                return null;
            }
        };
    }
}
