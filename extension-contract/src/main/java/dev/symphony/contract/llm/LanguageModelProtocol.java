package dev.symphony.contract.llm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * What a language-model Instrument offers, as capabilities of its extension (JSON in, JSON out, over the kernel's
 * one call/stream entry point):
 *
 * <pre>
 * {@value #MODELS}    operator              {}                 -> {@link Catalogue}
 * {@value #CHAT}      instrument, streaming {@link ChatRequest}      -> {"token": text}* then {@link Final}
 * {@value #COMPLETE}  instrument, streaming {@link CompleteRequest}  -> {"token": text}* then {@link Final} (fill in the middle)
 * {@value #EMBED}     instrument, streaming {@link EmbedRequest}     -> one {@link Embeddings}
 * </pre>
 *
 * A stream's last chunk is the {@link Final} (it has {@code finishReason}; a token chunk never does). Token counts
 * are the model's own tokenizer's. Prices come from the {@link PriceTable}, not from the extension.
 */
public final class LanguageModelProtocol {
    public static final String MODELS = "models";
    public static final String CHAT = "chat";
    public static final String COMPLETE = "complete";
    public static final String EMBED = "embed";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LanguageModelProtocol() {
    }

    /** A record above as JSON (absent optional fields left out). */
    public static ObjectNode toJson(Object record) {
        return JSON.valueToTree(record);
    }

    /** JSON as one of the records above; a value of the wrong shape is an {@link IllegalArgumentException} naming it. */
    public static <T> T fromJson(JsonNode json, Class<T> type) {
        try {
            return JSON.treeToValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** One chat message; {@code role} is {@code system}, {@code user} or {@code assistant}. */
    public record Message(String role, String content) {
        public static Message user(String content) {
            return new Message("user", content);
        }
    }

    /** Sampling parameters; null means the model's default. {@code seed} makes a sampled answer repeatable. */
    public record Sampling(Integer maxTokens, Double temperature, Double topP, Long seed, List<String> stop) {
        public static Sampling defaults() {
            return new Sampling(null, null, null, null, null);
        }
    }

    /** {@code model} is an id from the Instrument's {@link Catalogue}; null means its first model. */
    public record ChatRequest(String model, List<Message> messages, Sampling sampling) {
    }

    /** Fill in the middle: the text before and after the cursor. */
    public record CompleteRequest(String model, String prefix, String suffix, Sampling sampling) {
    }

    public record EmbedRequest(String model, List<String> inputs) {
    }

    /** Input (prompt) and output (generated) tokens of one request. */
    public record Usage(long inputTokens, long outputTokens) {
    }

    /** Why generation ended. */
    public enum FinishReason {
        /** The model ended its answer, or a stop sequence was reached. */
        STOP,
        /** {@code maxTokens} or the context was exhausted. */
        LENGTH;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The last chunk of a {@link #CHAT} or {@link #COMPLETE} stream: the whole answer, its usage and why it ended. */
    public record Final(String model, Message message, Usage usage, FinishReason finishReason) {
        /** A stream chunk is the final one when it has a finish reason. */
        public static boolean isFinal(JsonNode chunk) {
            return chunk.hasNonNull("finishReason");
        }
    }

    public record Embeddings(String model, List<float[]> vectors, Usage usage) {
    }

    /** What a model can do, beside chat. */
    public enum Feature {
        CHAT, FILL_IN_THE_MIDDLE, EMBEDDINGS, TOOLS;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One model an Instrument serves. {@code demo} marks a model that is not an assistant (the project's demo
     * model): callers say so when it answers. The price is not here: it is the {@link PriceTable}'s.
     */
    public record ModelInfo(String id, String displayName, int contextLength, List<Feature> features, boolean demo) {
    }

    /** The answer of {@link #MODELS}. */
    public record Catalogue(List<ModelInfo> models) {
    }
}
