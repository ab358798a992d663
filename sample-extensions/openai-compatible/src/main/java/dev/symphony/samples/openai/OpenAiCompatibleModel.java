package dev.symphony.samples.openai;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
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
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.LanguageModelProtocol.Usage;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.LanguageModel;
import dev.symphony.sdk.api.TokenSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The uniform model contract over an OpenAI-compatible server, by langchain4j's OpenAI module: chat streamed token
 * by token (the library parses the server-sent events and the JSON), fill in the middle ({@link FillInTheMiddle}), embeddings. The server is the extension's
 * settings' ({@link Endpoint}); the model id {@value #SERVER_MODEL} means "the model the server serves" (the
 * {@code model} setting, which llama.cpp's server ignores and OpenAI requires).
 */
final class OpenAiCompatibleModel implements LanguageModel {
    static final String SERVER_MODEL = "server";

    @Override
    public Catalogue models() {
        return new Catalogue(List.of(new ModelInfo(SERVER_MODEL, "the model of the configured OpenAI-compatible server (settings baseUrl, model)",
                0, List.of(Feature.CHAT, Feature.FILL_IN_THE_MIDDLE, Feature.EMBEDDINGS), false)));
    }

    @Override
    public Final chat(ChatRequest request, TokenSink out, CallContext context) throws Exception {
        if (request.messages() == null || request.messages().isEmpty()) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "chat needs at least one message");
        }
        Endpoint endpoint = Endpoint.of(context);
        String model = endpoint.model(request.model());
        OpenAiStreamingChatModel chat = OpenAiStreamingChatModel.builder().baseUrl(endpoint.baseUrl())
                .apiKey(Endpoint.NO_KEY).modelName(model).httpClientBuilder(endpoint.httpClient(context)).build();
        Sampling s = request.sampling() == null ? Sampling.defaults() : request.sampling();
        OpenAiChatRequestParameters.Builder parameters = OpenAiChatRequestParameters.builder().modelName(model)
                .maxOutputTokens(s.maxTokens()).temperature(s.temperature()).topP(s.topP())
                .seed(s.seed() == null ? null : (int) (long) s.seed());
        if (s.stop() != null && !s.stop().isEmpty()) {
            parameters.stopSequences(s.stop());
        }
        dev.langchain4j.model.chat.request.ChatRequest lcRequest = dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(messages(request.messages())).parameters(parameters.build()).build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        int[] streamed = {0};
        chat.chat(lcRequest, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext handle) {
                if (out.cancelled() || context.cancelled()) {
                    handle.streamingHandle().cancel(); // the parser stops; BrokerHttpClient closes the stream: the kernel closes the connection
                    done.completeExceptionally(new ExtensionException(ErrorCode.CANCELLED, "cancelled after " + streamed[0] + " tokens"));
                    return;
                }
                if (!partial.text().isEmpty()) {
                    streamed[0]++;
                    out.token(partial.text());
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = await(done, endpoint);
        TokenUsage usage = response.tokenUsage();
        return new Final(SERVER_MODEL, new Message("assistant", response.aiMessage().text() == null ? "" : response.aiMessage().text()),
                new Usage(count(usage == null ? null : usage.inputTokenCount()), count(usage == null ? null : usage.outputTokenCount())),
                response.finishReason() == dev.langchain4j.model.output.FinishReason.LENGTH ? FinishReason.LENGTH : FinishReason.STOP);
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
        Endpoint endpoint = Endpoint.of(context);
        OpenAiEmbeddingModel embedder = OpenAiEmbeddingModel.builder().baseUrl(endpoint.baseUrl()).apiKey(Endpoint.NO_KEY)
                .modelName(endpoint.model(request.model())).httpClientBuilder(endpoint.httpClient(context)).build();
        Response<List<Embedding>> response;
        try {
            response = embedder.embedAll(request.inputs().stream().map(TextSegment::from).toList());
        } catch (RuntimeException e) {
            throw failure(e, endpoint);
        }
        List<float[]> vectors = response.content().stream().map(Embedding::vector).toList();
        TokenUsage usage = response.tokenUsage();
        return new Embeddings(SERVER_MODEL, vectors, new Usage(count(usage == null ? null : usage.inputTokenCount()), 0));
    }

    private static List<ChatMessage> messages(List<Message> messages) {
        List<ChatMessage> out = new ArrayList<>();
        for (Message m : messages) {
            String text = m.content() == null ? "" : m.content();
            out.add(switch (m.role() == null ? "user" : m.role()) {
                case "system" -> SystemMessage.from(text);
                case "assistant" -> AiMessage.from(text);
                case "user" -> UserMessage.from(text);
                default -> throw new ExtensionException(ErrorCode.INVALID_INPUT, "unknown message role '" + m.role()
                        + "'; roles: system, user, assistant");
            });
        }
        return out;
    }

    private static ChatResponse await(CompletableFuture<ChatResponse> done, Endpoint endpoint) throws InterruptedException {
        try {
            return done.get(); // BrokerHttpClient streams on this thread: the future is done when chat() returns
        } catch (ExecutionException e) {
            throw failure(e.getCause(), endpoint);
        }
    }

    /** A failure with the error code the router classifies by: BUSY for 429 and 503, TIMEOUT, CANCELLED, the server's status. */
    static ExtensionException failure(Throwable error, Endpoint endpoint) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof ExtensionException x) {
                return x;
            }
            if (t instanceof HttpException h) {
                ErrorCode code = h.statusCode() == 429 || h.statusCode() == 503 ? ErrorCode.BUSY
                        : h.statusCode() >= 400 && h.statusCode() < 500 ? ErrorCode.INVALID_INPUT : ErrorCode.EXTENSION_ERROR;
                return new ExtensionException(code, endpoint.baseUrl() + " answered HTTP " + h.statusCode() + ": " + abbreviate(h.getMessage()));
            }
            t = t.getCause();
        }
        return new ExtensionException(ErrorCode.EXTENSION_ERROR, endpoint.baseUrl() + ": " + abbreviate(String.valueOf(error)));
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static long count(Integer n) {
        return n == null ? 0 : n;
    }
}
