package dev.symphony.samples.tinylm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.contract.ErrorCode;
import dev.symphony.samples.tinylm.model.CharLm;
import dev.symphony.samples.tinylm.model.CharVocabulary;
import dev.symphony.samples.tinylm.model.Sampler;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.Instrument;
import dev.symphony.sdk.api.TokenSink;

/**
 * Generates text after a prompt, one character per token, each sent through the sink as soon as it is sampled.
 * Cancellation is checked before every token (the stream then fails with CANCELLED). The model is loaded by
 * {@link #warmUp}, which the SDK host runs before the first call (and reports to the kernel as LOADING → WARM);
 * a stream is only tokens, ending with {@code {"text","tokens","promptTokens","cost","seed"}}. Cost = {@link #COST_PER_CALL} + {@link #COST_PER_TOKEN}
 * × generated tokens, the same figures the manifest declares (a test keeps them equal).
 */
public final class GenerateInstrument implements Instrument {
    public static final double COST_PER_CALL = 0;
    public static final double COST_PER_TOKEN = 0.00001;
    /** {@code complete} stops at the end of a sentence once it has produced this many tokens. */
    static final int MIN_SENTENCE_TOKENS = 8;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final LazyModel model;
    private final boolean stopAtSentenceEnd;

    public GenerateInstrument(LazyModel model, boolean stopAtSentenceEnd) {
        this.model = model;
        this.stopAtSentenceEnd = stopAtSentenceEnd;
    }

    @Override
    public void warmUp(CallContext context) throws Exception {
        model.get();
    }

    @Override
    public void generate(JsonNode input, TokenSink out, CallContext context) throws Exception {
        String prompt = input.path("prompt").asText("");
        int maxTokens = input.path("maxTokens").asInt(200);
        double temperature = input.path("temperature").asDouble(0.8);
        long seed = input.hasNonNull("seed") ? input.get("seed").asLong() : System.nanoTime();
        CharLm lm = model.get(); // warm already when called through a host; loads here for direct callers
        CharVocabulary vocabulary = lm.vocabulary();
        float[] state = lm.newState();
        // An empty prompt starts at a line start, where the training text has the most variety.
        float[] logits = lm.feed(vocabulary.encode(prompt.isEmpty() ? "\n" : prompt), state);
        Sampler sampler = new Sampler(temperature, seed);
        StringBuilder text = new StringBuilder();
        int tokens = 0;
        while (tokens < maxTokens) {
            if (out.cancelled() || context.cancelled()) {
                throw new ExtensionException(ErrorCode.CANCELLED, "cancelled after " + tokens + " tokens");
            }
            int id = sampler.next(logits);
            char c = vocabulary.character(id);
            text.append(c);
            tokens++;
            out.token(String.valueOf(c));
            if (stopAtSentenceEnd && tokens >= MIN_SENTENCE_TOKENS && (c == '.' || c == '!' || c == '?' || c == '\n')) {
                break;
            }
            if (tokens < maxTokens) {
                logits = lm.feed(new int[] {id}, state);
            }
        }
        out.emit(NODES.objectNode().put("text", text.toString()).put("tokens", tokens)
                .put("promptTokens", prompt.length()).put("cost", cost(tokens)).put("seed", seed));
    }

    public static double cost(long tokens) {
        return COST_PER_CALL + COST_PER_TOKEN * tokens;
    }
}
