package dev.symphony.samples.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.EmbedRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Embeddings;
import dev.symphony.contract.llm.LanguageModelProtocol.Feature;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.LanguageModelProtocol.Usage;
import dev.symphony.samples.broker.BrokerHttpClient;
import dev.symphony.samples.broker.LocalServer;
import dev.symphony.samples.broker.ProviderEndpoint;
import dev.symphony.samples.broker.ProviderFailures;
import dev.symphony.samples.broker.SharedModel;
import dev.symphony.samples.broker.StreamedChat;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.LanguageModel;
import dev.symphony.sdk.api.TokenSink;
import java.util.List;
import java.util.Set;

/**
 * The uniform model contract over Ollama's native API by langchain4j's Ollama module: {@code /api/chat} streamed
 * (newline-delimited JSON, parsed by the library), {@code /api/embed}, {@code /api/tags}. The catalogue id
 * {@value LocalServer#SERVER_MODEL} is the {@code model} setting on the Ollama of this machine (local: free); an
 * installed model can be named as listed. Each chat asks Ollama to keep the model loaded for {@code keepAliveSeconds}.
 */
final class OllamaLanguageModel implements LanguageModel {
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:11434";
    private static final Set<String> KEY_HEADERS = Set.of("Authorization");
    private static final String KEEP_ALIVE = "keepAliveSeconds";

    /** The chat model, built once per server and timeout (the model name and keep-alive go with each request). */
    private final SharedModel<OllamaStreamingChatModel> chats = new SharedModel<>(c -> OllamaStreamingChatModel.builder()
            .baseUrl(c.baseUrl()).timeout(c.timeout()).httpClientBuilder(c.httpClient(KEY_HEADERS)).build());

    /** The embedding model, built once per server, timeout and model name (langchain4j's takes the name when built). */
    private final SharedModel<OllamaEmbeddingModel> embedders = SharedModel.perModelName((c, name) -> OllamaEmbeddingModel.builder()
            .baseUrl(c.baseUrl()).maxRetries(0).modelName(name).timeout(c.timeout()).httpClientBuilder(c.httpClient(KEY_HEADERS)).build());
    /** The installed models' list, built once per server and timeout. */
    private final SharedModel<OllamaModels> catalogues = new SharedModel<>(c -> OllamaModels.builder()
            .baseUrl(c.baseUrl()).timeout(c.timeout()).httpClientBuilder(c.httpClient(KEY_HEADERS)).build());

    /** How many chat models were built so far (one per change of the settings they are built from). */
    long chatModelsBuilt() {
        return chats.builds();
    }

    /** How many embedding models and model lists were built so far, together. */
    long otherModelsBuilt() {
        return embedders.builds() + catalogues.builds();
    }

    @Override
    public Catalogue models() {
        return new Catalogue(List.of(new ModelInfo(LocalServer.SERVER_MODEL,
                "the model of the Ollama on this machine (settings baseUrl, model); local: free", 0,
                List.of(Feature.CHAT, Feature.EMBEDDINGS), false)));
    }

    static ProviderEndpoint endpoint(CallContext context) {
        return ProviderEndpoint.of(context, DEFAULT_BASE_URL, "llama3.2", null, KEEP_ALIVE);
    }

    @Override
    public Final chat(ChatRequest request, TokenSink out, CallContext context) throws Exception {
        ProviderEndpoint endpoint = endpoint(context);
        String model = LocalServer.modelFor(endpoint, request.model(), context);
        OllamaStreamingChatModel chat = chats.model(endpoint);
        Sampling s = request.sampling() == null ? Sampling.defaults() : request.sampling();
        OllamaChatRequestParameters parameters = OllamaChatRequestParameters.builder()
                .overrideWith(StreamedChat.parameters(s, model).build())
                .seed(s.seed() == null ? null : (int) (long) s.seed()).keepAlive(keepAliveSeconds(endpoint)).build();
        return StreamedChat.run(chat, request, parameters, out, context,
                request.model() == null ? LocalServer.SERVER_MODEL : request.model(), endpoint.baseUrl());
    }

    private static int keepAliveSeconds(ProviderEndpoint endpoint) {
        JsonNode v = endpoint.setting(KEEP_ALIVE);
        return v != null && v.canConvertToInt() ? v.asInt() : 300;
    }

    @Override
    public Embeddings embed(EmbedRequest request, CallContext context) {
        if (request.inputs() == null || request.inputs().isEmpty()) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "embed needs at least one input");
        }
        ProviderEndpoint endpoint = endpoint(context);
        OllamaEmbeddingModel embedder = embedders.model(endpoint, LocalServer.modelFor(endpoint, request.model(), context));
        Response<List<Embedding>> response;
        try {
            response = BrokerHttpClient.during(context, () -> embedder.embedAll(request.inputs().stream().map(TextSegment::from).toList()));
        } catch (RuntimeException e) {
            throw ProviderFailures.failure(e, endpoint.baseUrl());
        }
        TokenUsage usage = response.tokenUsage();
        Integer input = usage == null ? null : usage.inputTokenCount();
        return new Embeddings(request.model() == null ? LocalServer.SERVER_MODEL : request.model(),
                response.content().stream().map(Embedding::vector).toList(), new Usage(input == null ? 0 : input, 0));
    }

    /** The installed models ({@code /api/tags}), by langchain4j's {@link OllamaModels}. */
    Catalogue listModels(CallContext context) {
        ProviderEndpoint endpoint = endpoint(context);
        OllamaModels catalogue = catalogues.model(endpoint);
        List<OllamaModel> listed;
        try {
            listed = BrokerHttpClient.during(context, () -> catalogue.availableModels().content());
        } catch (RuntimeException e) {
            throw ProviderFailures.failure(e, endpoint.baseUrl());
        }
        return new Catalogue(listed.stream().map(m -> new ModelInfo(m.getName(), m.getName()
                + (m.getDetails() == null || m.getDetails().getParameterSize() == null ? "" : " (" + m.getDetails().getParameterSize() + ")"),
                0, List.of(Feature.CHAT), false)).toList());
    }
}
