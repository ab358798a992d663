package dev.symphony.samples.openai;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.CompleteRequest;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The uniform model contract over an OpenAI-compatible server, by langchain4j's OpenAI module: chat streamed token
 * by token (the library parses the server-sent events and the JSON), fill in the middle ({@link FillInTheMiddle}),
 * embeddings, the server's model list. The server
 * is the extension's settings' ({@link ProviderEndpoint}). The model id {@value LocalServer#SERVER_MODEL} means "the
 * model a server on this machine serves" (the {@code model} setting, which llama.cpp's server ignores): local, so
 * free in the price table, and refused for a base URL elsewhere. OpenAI's models are listed by their own ids, which
 * the price table prices.
 */
final class OpenAiCompatibleModel implements LanguageModel {
    static final String SERVER_MODEL = LocalServer.SERVER_MODEL;
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080/v1";
    static final Set<String> KEY_HEADERS = Set.of("Authorization");
    /** OpenAI's models the shipped price table prices: context length and what each does. */
    private static final List<ModelInfo> OPENAI = List.of(
            new ModelInfo("gpt-4o-mini", "OpenAI GPT-4o mini", 128_000, List.of(Feature.CHAT, Feature.TOOLS), false),
            new ModelInfo("gpt-4o", "OpenAI GPT-4o", 128_000, List.of(Feature.CHAT, Feature.TOOLS), false),
            new ModelInfo("gpt-4.1-mini", "OpenAI GPT-4.1 mini", 1_047_576, List.of(Feature.CHAT, Feature.TOOLS), false),
            new ModelInfo("gpt-4.1", "OpenAI GPT-4.1", 1_047_576, List.of(Feature.CHAT, Feature.TOOLS), false),
            new ModelInfo("text-embedding-3-small", "OpenAI text-embedding-3-small", 8_191, List.of(Feature.EMBEDDINGS), false));

    /** The chat model, built once per server, secret and timeout (the model name goes with each request). */
    private final SharedModel<OpenAiStreamingChatModel> chats = new SharedModel<>(c -> OpenAiStreamingChatModel.builder()
            .baseUrl(c.baseUrl()).apiKey(ProviderEndpoint.NO_KEY).httpClientBuilder(c.httpClient(KEY_HEADERS)).build());

    /** The embedding model, built once per server, secret, timeout and model name (langchain4j's takes the name when built). */
    private final SharedModel<OpenAiEmbeddingModel> embedders = SharedModel.perModelName((c, name) -> OpenAiEmbeddingModel.builder()
            .baseUrl(c.baseUrl()).apiKey(ProviderEndpoint.NO_KEY).modelName(name).httpClientBuilder(c.httpClient(KEY_HEADERS)).build());
    /** The server's model list, built once per server, secret and timeout. */
    private final SharedModel<OpenAiModelCatalog> catalogues = new SharedModel<>(c -> OpenAiModelCatalog.builder()
            .baseUrl(c.baseUrl()).apiKey(ProviderEndpoint.NO_KEY).httpClientBuilder(c.httpClient(KEY_HEADERS)).build());

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
        List<ModelInfo> models = new ArrayList<>();
        models.add(new ModelInfo(SERVER_MODEL, "the model of the OpenAI-compatible server on this machine (settings baseUrl, model); local: free",
                0, List.of(Feature.CHAT, Feature.TOOLS, Feature.FILL_IN_THE_MIDDLE, Feature.EMBEDDINGS), false));
        models.addAll(OPENAI);
        return new Catalogue(models);
    }

    static ProviderEndpoint endpoint(CallContext context) {
        return ProviderEndpoint.of(context, DEFAULT_BASE_URL, "default", null);
    }

    @Override
    public Final chat(ChatRequest request, TokenSink out, CallContext context) throws Exception {
        ProviderEndpoint endpoint = endpoint(context);
        String model = LocalServer.modelFor(endpoint, request.model(), context);
        OpenAiStreamingChatModel chat = chats.model(endpoint);
        context.services().broker().trace("host.modelBuilt", System.nanoTime());
        Sampling s = request.sampling() == null ? Sampling.defaults() : request.sampling();
        OpenAiChatRequestParameters parameters = OpenAiChatRequestParameters.builder()
                .overrideWith(StreamedChat.parameters(s, model).build())
                .seed(s.seed() == null ? null : (int) (long) s.seed()).build();
        return StreamedChat.run(chat, request, parameters, out, context,
                request.model() == null ? SERVER_MODEL : request.model(), endpoint.baseUrl());
    }

    /** Fill in the middle ({@link FillInTheMiddle}: llama.cpp's /infill, else the prefix continued by /completions). */
    @Override
    public Final complete(CompleteRequest request, TokenSink out, CallContext context) {
        return FillInTheMiddle.complete(request, out, context);
    }

    @Override
    public Embeddings embed(EmbedRequest request, CallContext context) {
        if (request.inputs() == null || request.inputs().isEmpty()) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "embed needs at least one input");
        }
        ProviderEndpoint endpoint = endpoint(context);
        OpenAiEmbeddingModel embedder = embedders.model(endpoint, LocalServer.modelFor(endpoint, request.model(), context));
        Response<List<Embedding>> response;
        try {
            response = BrokerHttpClient.during(context, () -> embedder.embedAll(request.inputs().stream().map(TextSegment::from).toList()));
        } catch (RuntimeException e) {
            throw ProviderFailures.failure(e, endpoint.baseUrl());
        }
        List<float[]> vectors = response.content().stream().map(Embedding::vector).toList();
        TokenUsage usage = response.tokenUsage();
        Integer input = usage == null ? null : usage.inputTokenCount();
        return new Embeddings(request.model() == null ? SERVER_MODEL : request.model(), vectors, new Usage(input == null ? 0 : input, 0));
    }

    /** The server's {@code /models}, by langchain4j's OpenAI model catalogue. */
    Catalogue listModels(CallContext context) {
        ProviderEndpoint endpoint = endpoint(context);
        OpenAiModelCatalog catalogue = catalogues.model(endpoint);
        List<ModelDescription> listed;
        try {
            listed = BrokerHttpClient.during(context, catalogue::listModels);
        } catch (RuntimeException e) {
            throw ProviderFailures.failure(e, endpoint.baseUrl());
        }
        return LocalServer.catalogue(listed, List.of(Feature.CHAT));
    }
}
