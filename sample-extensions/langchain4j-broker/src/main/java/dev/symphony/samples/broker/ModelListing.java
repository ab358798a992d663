package dev.symphony.samples.broker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.Instrument;
import dev.symphony.sdk.api.TokenSink;

/**
 * The capability {@value #CAPABILITY}: the models the configured server offers right now ({@code /v1/models},
 * Ollama's tags), asked for through the broker. An Instrument, not an Operator like {@code models}, because it waits
 * for a server and Operators answer on the host's bus thread; its one chunk is a {@link Catalogue}.
 */
public final class ModelListing {
    public static final String CAPABILITY = "list-models";

    /** Asks the server for its models. */
    @FunctionalInterface
    public interface Lister {
        Catalogue list(CallContext context) throws Exception;
    }

    private ModelListing() {
    }

    /** Registers {@value #CAPABILITY} (the manifest declares it: a streaming instrument). */
    public static Capabilities register(Capabilities capabilities, Lister lister) {
        return capabilities.instrument(CAPABILITY, new Instrument() {
            @Override
            public void generate(JsonNode input, TokenSink out, CallContext context) throws Exception {
                out.emit(LanguageModelProtocol.toJson(lister.list(context)));
            }
        });
    }
}
