package dev.symphony.sdk.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.CompleteRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.EmbedRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Embeddings;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;

/**
 * A language-model Instrument, written against the uniform contract ({@link LanguageModelProtocol}) instead of raw
 * JSON. {@link #register} turns one into the capabilities {@code models}, {@code chat}, {@code complete} and
 * {@code embed}, which the extension's manifest declares like any others (operator; streaming instruments).
 * {@link #chat} and {@link #complete} send each token through {@link TokenSink#token} as it is produced and return
 * the {@link Final} answer, which the stream carries as its last chunk. Check {@link CallContext#cancelled()} (or
 * {@link TokenSink#cancelled()}) between tokens.
 */
public interface LanguageModel {
    /** The models this Instrument serves, read once at registration (no model is loaded to answer it). */
    Catalogue models();

    Final chat(ChatRequest request, TokenSink out, CallContext context) throws Exception;

    /** Fill in the middle; models without it fail with UNKNOWN_CAPABILITY. */
    default Final complete(CompleteRequest request, TokenSink out, CallContext context) throws Exception {
        throw new ExtensionException(ErrorCode.UNKNOWN_CAPABILITY, context.extensionId() + " does not fill in the middle");
    }

    default Embeddings embed(EmbedRequest request, CallContext context) throws Exception {
        throw new ExtensionException(ErrorCode.UNKNOWN_CAPABILITY, context.extensionId() + " does not make embeddings");
    }

    /** Loads the default model (the host's Loading → Warm, see {@link Instrument#warmUp}). */
    default void warmUp(CallContext context) throws Exception {
    }

    /**
     * Registers {@code model} as the four capabilities of the contract. The catalogue is read here, once: the
     * {@code models} Operator answers on the host's bus thread, which must not spend its heartbeat budget on
     * first-use costs (class loading, JSON binding) of a cold host.
     */
    static Capabilities register(Capabilities capabilities, LanguageModel model) {
        JsonNode catalogue = LanguageModelProtocol.toJson(model.models());
        return capabilities
                .operator(LanguageModelProtocol.MODELS, (input, context) -> catalogue.deepCopy())
                .instrument(LanguageModelProtocol.CHAT, new LanguageModelInstrument(model, (input, out, context) ->
                        model.chat(read(input, ChatRequest.class), out, context)))
                .instrument(LanguageModelProtocol.COMPLETE, new LanguageModelInstrument(model, (input, out, context) ->
                        model.complete(read(input, CompleteRequest.class), out, context)))
                .instrument(LanguageModelProtocol.EMBED, new LanguageModelInstrument(model, (input, out, context) ->
                        model.embed(read(input, EmbedRequest.class), context)));
    }

    private static <T> T read(JsonNode input, Class<T> type) {
        try {
            return LanguageModelProtocol.fromJson(input, type);
        } catch (IllegalArgumentException e) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, e.getMessage(), e);
        }
    }
}
