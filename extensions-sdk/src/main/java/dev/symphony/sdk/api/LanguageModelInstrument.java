package dev.symphony.sdk.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.llm.LanguageModelProtocol;

/** One capability of a {@link LanguageModel} as an {@link Instrument}: its answer is the stream's last chunk. */
final class LanguageModelInstrument implements Instrument {
    @FunctionalInterface
    interface Body {
        Object run(JsonNode input, TokenSink out, CallContext context) throws Exception;
    }

    private final LanguageModel model;
    private final Body body;

    LanguageModelInstrument(LanguageModel model, Body body) {
        this.model = model;
        this.body = body;
    }

    @Override
    public void generate(JsonNode input, TokenSink out, CallContext context) throws Exception {
        out.emit(LanguageModelProtocol.toJson(body.run(input, out, context)));
    }

    @Override
    public void warmUp(CallContext context) throws Exception {
        model.warmUp(context);
    }
}
