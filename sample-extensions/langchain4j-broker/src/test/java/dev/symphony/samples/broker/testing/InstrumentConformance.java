package dev.symphony.samples.broker.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.samples.broker.ModelListing;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every model Instrument owes its callers (the kernel's router, {@code symphony ask}, the chat), checked the
 * same way for each: the manifest declares the contract's capabilities with the right kinds, the catalogue is well
 * formed, a chat stream is token chunks then one {@link Final} whose text is their concatenation with a usage and a
 * finish reason, a listing is a catalogue, and bad input fails as INVALID_INPUT naming it.
 */
public final class InstrumentConformance {
    private InstrumentConformance() {
    }

    /** The manifest side: {@code models} an operator, the rest streaming instruments. */
    public static void declaresTheContract(ExtensionHarness harness) {
        ExtensionManifest m = harness.manifest();
        assertEquals(ExtensionManifest.Kind.OPERATOR, m.capability(LanguageModelProtocol.MODELS).orElseThrow().kind());
        for (String name : List.of(LanguageModelProtocol.CHAT, LanguageModelProtocol.COMPLETE, LanguageModelProtocol.EMBED, ModelListing.CAPABILITY)) {
            var c = m.capability(name).orElseThrow(() -> new AssertionError(m.id() + " does not declare " + name));
            assertEquals(ExtensionManifest.Kind.INSTRUMENT, c.kind(), name);
            assertTrue(c.streaming(), name + " streams");
        }
    }

    /** The static catalogue: at least one model, ids unique and non-blank, lengths ≥ 0, at least one feature each. */
    public static Catalogue catalogue(ExtensionHarness harness) {
        Catalogue c = LanguageModelProtocol.fromJson(harness.call(LanguageModelProtocol.MODELS, JsonNodeFactory.instance.objectNode()), Catalogue.class);
        assertFalse(c.models().isEmpty(), "a model Instrument serves at least one model");
        wellFormed(c);
        return c;
    }

    /** {@code list-models}: one chunk, a well-formed catalogue (possibly empty: a server with nothing installed). */
    public static Catalogue listing(ExtensionHarness harness) {
        List<JsonNode> chunks = harness.stream(ModelListing.CAPABILITY, JsonNodeFactory.instance.objectNode());
        assertEquals(1, chunks.size(), chunks.toString());
        Catalogue c = LanguageModelProtocol.fromJson(chunks.get(0), Catalogue.class);
        wellFormed(c);
        return c;
    }

    private static void wellFormed(Catalogue c) {
        Set<String> ids = new HashSet<>();
        for (ModelInfo m : c.models()) {
            assertTrue(m.id() != null && !m.id().isBlank(), m.toString());
            assertTrue(ids.add(m.id()), "duplicate id " + m.id());
            assertTrue(m.contextLength() >= 0, m.toString());
            assertFalse(m.features() == null || m.features().isEmpty(), m.toString());
        }
    }

    /** A chat stream: tokens, then the final answer; returns it. */
    public static Final chat(ExtensionHarness harness, ChatRequest request) {
        List<JsonNode> chunks = harness.stream(LanguageModelProtocol.CHAT, LanguageModelProtocol.toJson(request));
        assertFalse(chunks.isEmpty());
        JsonNode last = chunks.get(chunks.size() - 1);
        assertTrue(Final.isFinal(last), "the last chunk is the final answer: " + last);
        List<JsonNode> tokens = chunks.subList(0, chunks.size() - 1);
        tokens.forEach(t -> assertTrue(t.has("token") && !Final.isFinal(t), "a token chunk: " + t));
        Final answer = LanguageModelProtocol.fromJson(last, Final.class);
        assertEquals(tokens.stream().map(t -> t.get("token").asText()).collect(Collectors.joining()), answer.message().content(),
                "the answer is the streamed tokens");
        assertEquals("assistant", answer.message().role());
        assertNotNull(answer.model());
        assertNotNull(answer.finishReason());
        assertTrue(answer.usage().inputTokens() >= 0 && answer.usage().outputTokens() >= 0, answer.usage().toString());
        return answer;
    }

    /** Bad input fails as INVALID_INPUT, naming what was wrong, before anything is sent. */
    public static void refusesBadInput(ExtensionHarness harness) {
        ExtensionException role = assertThrows(ExtensionException.class, () -> harness.stream(LanguageModelProtocol.CHAT,
                LanguageModelProtocol.toJson(new ChatRequest(null, List.of(new Message("wizard", "hi")), null))));
        assertEquals(ErrorCode.INVALID_INPUT, role.code(), role.getMessage());
        assertTrue(role.getMessage().contains("role"), "the message names the bad field: " + role.getMessage());
    }

    /** {@code capability} with {@code input} fails with {@code code}; returns the message. */
    public static String failsWith(ExtensionHarness harness, ErrorCode code, String capability, JsonNode input) {
        ExtensionException e = assertThrows(ExtensionException.class, () -> harness.stream(capability, input));
        assertEquals(code, e.code(), e.getMessage());
        return e.getMessage();
    }
}
