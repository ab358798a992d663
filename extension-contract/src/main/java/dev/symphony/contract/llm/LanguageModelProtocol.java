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

    /**
     * One chat message; {@code role} is {@code system}, {@code user}, {@code assistant} or {@code tool}. An assistant
     * message may carry {@code toolCalls} (the model asks the caller to run tools); a {@code tool} message is one
     * tool's result, {@code toolCallId} naming the call it answers.
     */
    public record Message(String role, String content, List<ToolCall> toolCalls, String toolCallId) {
        public Message(String role, String content) {
            this(role, content, null, null);
        }

        public static Message user(String content) {
            return new Message("user", content);
        }

        /** The result of the tool call {@code callId}. */
        public static Message toolResult(String callId, String content) {
            return new Message("tool", content, null, callId);
        }
    }

    /**
     * A tool the model may call: its name, what it does, and its parameters as a JSON Schema object (the OpenAI
     * function-calling shape, which llama.cpp, vLLM and OpenAI accept).
     */
    public record ToolSpec(String name, String description, JsonNode parameters) {
    }

    /** One call of a tool the model made: the caller runs it and answers with {@link Message#toolResult}. */
    public record ToolCall(String id, String name, JsonNode arguments) {
    }

    /** Sampling parameters; null means the model's default. {@code seed} makes a sampled answer repeatable. */
    public record Sampling(Integer maxTokens, Double temperature, Double topP, Long seed, List<String> stop) {
        public static Sampling defaults() {
            return new Sampling(null, null, null, null, null);
        }
    }

    /**
     * {@code model} is an id from the Instrument's {@link Catalogue}; null means its first model. {@code tools}
     * (optional) are the tools the model may call; a model without {@link Feature#TOOLS} ignores them.
     * {@code toolChoice} (optional, with tools): {@code auto} (the default: the model chooses), {@code required} (the
     * answer must call a tool; OpenAI's and llama-server's {@code tool_choice}, Anthropic's {@code any}) or
     * {@code none} (it must not).
     */
    public record ChatRequest(String model, List<Message> messages, Sampling sampling, List<ToolSpec> tools, String toolChoice) {
        /** The values {@code toolChoice} may take (null means {@code auto}). */
        public static final List<String> TOOL_CHOICES = List.of("auto", "required", "none");

        public ChatRequest(String model, List<Message> messages, Sampling sampling, List<ToolSpec> tools) {
            this(model, messages, sampling, tools, null);
        }

        public ChatRequest(String model, List<Message> messages, Sampling sampling) {
            this(model, messages, sampling, null, null);
        }

        /** This request for another model or sampling, the same messages, tools and tool choice. */
        public ChatRequest with(String otherModel, Sampling otherSampling) {
            return new ChatRequest(otherModel, messages, otherSampling, tools, toolChoice);
        }
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
        LENGTH,
        /** The model asks for tools to be run: the final message carries its {@code toolCalls}. */
        TOOL_CALLS;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static FinishReason of(String wire) {
            for (FinishReason r : values()) {
                if (r.wire().equals(wire)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown finishReason '" + wire + "'; one of stop, length, tool_calls");
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
