package dev.symphony.samples.localgguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.TokenSink;
import dev.symphony.sdk.services.KernelServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancellation of one {@link GgufLanguageModel} (a user's file; llama.cpp real, the caller a test double): a caller that
 * gives up after N tokens gets no token more and a CANCELLED failure, and the model answers the next request whole.
 */
class GgufLanguageModelCancelTest {
    @Test
    void aCancelStopsTheStreamAtOnceAndTheNextRequestIsWhole(@TempDir Path dir) throws Exception {
        Path file = Files.copy(LocalGguf.demoModelFile(), dir.resolve("mine.gguf"));
        try (GgufLanguageModel model = new GgufLanguageModel(new GgufLanguageModel.Entry("mine", "mine", file, false, 2048, 1, "a test"))) {
            Caller giveUpAfter5 = new Caller(5);
            ChatRequest request = new ChatRequest(null, List.of(Message.user("hello")), new Sampling(500, 0.8, null, 1L, null));
            var e = assertThrows(ExtensionException.class, () -> model.chat(request, giveUpAfter5, giveUpAfter5));
            assertEquals(ErrorCode.CANCELLED, e.code());
            assertEquals(5, giveUpAfter5.tokens.size(), e.getMessage());
            assertTrue(e.getMessage().contains("after 5 tokens"), e.getMessage());

            Caller patient = new Caller(Integer.MAX_VALUE);
            Final answer = model.chat(request.with(null, new Sampling(30, 0.8, null, 1L, null)), patient, patient);
            assertEquals(30, patient.tokens.size());
            assertEquals(30, answer.usage().outputTokens());
            assertEquals(String.join("", patient.tokens), answer.message().content());
        }
    }

    /** A caller that cancels once it holds {@code limit} tokens. */
    private static final class Caller implements TokenSink, CallContext {
        final List<String> tokens = new ArrayList<>();
        final int limit;

        Caller(int limit) {
            this.limit = limit;
        }

        @Override
        public void token(String text) {
            tokens.add(text);
        }

        @Override
        public void emit(JsonNode chunk) {
        }

        @Override
        public boolean cancelled() {
            return tokens.size() >= limit;
        }

        @Override
        public String extensionId() {
            return "dev.symphony.samples.local-gguf";
        }

        @Override
        public String capability() {
            return "chat";
        }

        @Override
        public KernelServices services() {
            throw new UnsupportedOperationException("not used by one model");
        }
    }
}
