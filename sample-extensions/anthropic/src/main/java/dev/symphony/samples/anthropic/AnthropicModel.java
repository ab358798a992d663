package dev.symphony.samples.anthropic;

import dev.langchain4j.model.anthropic.AnthropicModelCatalog;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Feature;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.samples.broker.BrokerHttpClient;
import dev.symphony.samples.broker.LocalServer;
import dev.symphony.samples.broker.ProviderEndpoint;
import dev.symphony.samples.broker.ProviderFailures;
import dev.symphony.samples.broker.SharedModel;
import dev.symphony.samples.broker.StreamedChat;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.LanguageModel;
import dev.symphony.sdk.api.TokenSink;
import java.util.List;
import java.util.Set;

/**
 * The uniform model contract over Anthropic's Messages API by langchain4j's Anthropic module: chat streamed (the
 * library parses Anthropic's typed server-sent events), the model list ({@code GET /v1/models}). The key is the
 * secret {@code ANTHROPIC_API_KEY}, which the kernel adds as {@code x-api-key} for {@code api.anthropic.com} only;
 * the placeholder langchain4j insists on is dropped before the request leaves. No embeddings, no fill in the middle:
 * Anthropic offers neither.
 */
final class AnthropicModel implements LanguageModel {
    static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1";
    static final String SECRET = "ANTHROPIC_API_KEY";
    private static final Set<String> KEY_HEADERS = Set.of("x-api-key", "Authorization");
    /** Anthropic's models the shipped price table prices (the first answers a request naming none). */
    static final List<ModelInfo> MODELS = List.of(
            new ModelInfo("claude-3-5-haiku-latest", "Claude 3.5 Haiku", 200_000, List.of(Feature.CHAT, Feature.TOOLS), false),
            new ModelInfo("claude-sonnet-4-0", "Claude Sonnet 4", 200_000, List.of(Feature.CHAT, Feature.TOOLS), false),
            new ModelInfo("claude-opus-4-0", "Claude Opus 4", 200_000, List.of(Feature.CHAT, Feature.TOOLS), false));

    /** The chat model, built once per server, secret and timeout (the model name goes with each request). */
    private final SharedModel<AnthropicStreamingChatModel> chats = new SharedModel<>(c -> AnthropicStreamingChatModel.builder()
            .baseUrl(c.baseUrl()).apiKey(ProviderEndpoint.NO_KEY).timeout(c.timeout()).httpClientBuilder(c.httpClient(KEY_HEADERS)).build());

    /** Anthropic's model list, built once per server, secret and timeout. */
    private final SharedModel<AnthropicModelCatalog> catalogues = new SharedModel<>(c -> AnthropicModelCatalog.builder()
            .baseUrl(c.baseUrl()).apiKey(ProviderEndpoint.NO_KEY).httpClientBuilder(c.httpClient(KEY_HEADERS)).build());

    /** How many chat models were built so far (one per change of the settings they are built from). */
    long chatModelsBuilt() {
        return chats.builds();
    }

    /** How many model lists were built so far. */
    long cataloguesBuilt() {
        return catalogues.builds();
    }

    @Override
    public Catalogue models() {
        return new Catalogue(MODELS);
    }

    static ProviderEndpoint endpoint(CallContext context) {
        return ProviderEndpoint.of(context, DEFAULT_BASE_URL, MODELS.get(0).id(), SECRET);
    }

    @Override
    public Final chat(ChatRequest request, TokenSink out, CallContext context) throws Exception {
        ProviderEndpoint endpoint = endpoint(context);
        String model = request.model() == null ? MODELS.get(0).id() : request.model();
        return StreamedChat.run(chats.model(endpoint), request, StreamedChat.parameters(request.sampling(), model).build(), out,
                context, model, endpoint.baseUrl());
    }

    /** Anthropic's {@code /v1/models}, by langchain4j's Anthropic model catalogue. */
    Catalogue listModels(CallContext context) {
        ProviderEndpoint endpoint = endpoint(context);
        AnthropicModelCatalog catalogue = catalogues.model(endpoint);
        List<ModelDescription> listed;
        try {
            listed = BrokerHttpClient.during(context, catalogue::listModels);
        } catch (RuntimeException e) {
            throw ProviderFailures.failure(e, endpoint.baseUrl());
        }
        return LocalServer.catalogue(listed, List.of(Feature.CHAT, Feature.TOOLS));
    }
}
