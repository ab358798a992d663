package dev.symphony.samples.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.CompleteRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.LanguageModelProtocol.Usage;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.samples.broker.BrokerHttpClient;
import dev.symphony.samples.broker.LocalServer;
import dev.symphony.samples.broker.ProviderEndpoint;
import dev.symphony.samples.broker.ProviderFailures;
import dev.symphony.sdk.api.TokenSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code complete} capability: text for the caret between a prefix and a suffix. Where the server is llama.cpp's
 * (its {@code /infill} beside the OpenAI root {@code …/v1}) and its model has fill-in-the-middle tokens, the server
 * builds the FIM prompt from both sides; otherwise (HTTP 404, or 501 "not supported" for a model without those
 * tokens, remembered per server for the host's life) the OpenAI {@code /completions} endpoint continues the prefix
 * alone. Both stream server-sent events through {@link BrokerHttpClient} (the kernel's HTTP; a cancel closes the
 * connection), parsed by langchain4j's SSE parser. The OpenAI protocol module has no FIM call, hence the JSON here.
 */
final class FillInTheMiddle {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Servers (their /infill URL) that answered that they cannot fill in the middle. */
    private static final Set<String> NO_INFILL = ConcurrentHashMap.newKeySet();

    private FillInTheMiddle() {
    }

    static Final complete(CompleteRequest request, TokenSink out, CallContext context) {
        if (request.prefix() == null) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "complete needs a prefix");
        }
        ProviderEndpoint endpoint = OpenAiCompatibleModel.endpoint(context);
        BrokerHttpClient http = new BrokerHttpClient(context.services().http(), endpoint.apiKeySecret(),
                OpenAiCompatibleModel.KEY_HEADERS, endpoint.timeout(), context::cancelled);
        Sampling s = request.sampling() == null ? Sampling.defaults() : request.sampling();
        String suffix = request.suffix() == null ? "" : request.suffix();
        String infill = endpoint.baseUrl().endsWith("/v1") ? endpoint.baseUrl().substring(0, endpoint.baseUrl().length() - 3) + "/infill" : null;
        if (infill != null && !NO_INFILL.contains(infill)) {
            ObjectNode body = JSON.createObjectNode().put("input_prefix", request.prefix()).put("input_suffix", suffix)
                    .put("stream", true).put("cache_prompt", true);
            sampling(body, s, "n_predict");
            try {
                return stream(http, infill, body, out, context, endpoint, true);
            } catch (ExtensionException e) {
                if (!(e.getCause() instanceof HttpException h) || !(h.statusCode() == 404 || h.statusCode() == 501)) {
                    throw e;
                }
                NO_INFILL.add(infill);
            }
        }
        ObjectNode body = JSON.createObjectNode().put("model", LocalServer.modelFor(endpoint, request.model(), context)).put("prompt", request.prefix()).put("stream", true);
        body.putObject("stream_options").put("include_usage", true); // the usage arrives with the last event
        sampling(body, s, "max_tokens");
        return stream(http, endpoint.baseUrl() + "/completions", body, out, context, endpoint, false);
    }

    private static void sampling(ObjectNode body, Sampling s, String maxTokens) {
        if (s.maxTokens() != null) {
            body.put(maxTokens, s.maxTokens());
        }
        if (s.temperature() != null) {
            body.put("temperature", s.temperature());
        }
        if (s.topP() != null) {
            body.put("top_p", s.topP());
        }
        if (s.seed() != null) {
            body.put("seed", s.seed());
        }
        if (s.stop() != null && !s.stop().isEmpty()) {
            body.set("stop", JSON.valueToTree(s.stop()));
        }
    }

    /** llama.cpp's events carry {@code content} (and {@code stop}, timings); OpenAI's {@code choices[0].text}, then [DONE]. */
    private static Final stream(BrokerHttpClient http, String url, ObjectNode body, TokenSink out, CallContext context,
                                ProviderEndpoint endpoint, boolean llama) {
        HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url(url).addHeader("Content-Type", "application/json")
                .body(body.toString()).build();
        StringBuilder text = new StringBuilder();
        long[] usage = {0, 0};
        FinishReason[] finish = {FinishReason.STOP};
        Throwable[] failure = {null};
        http.execute(request, new DefaultServerSentEventParser(), new ServerSentEventListener() {
            @Override
            public void onEvent(ServerSentEvent event) {
                if (failure[0] != null || event.data() == null || event.data().isBlank() || "[DONE]".equals(event.data().strip())) {
                    return;
                }
                JsonNode data;
                try {
                    data = JSON.readTree(event.data());
                } catch (java.io.IOException e) {
                    failure[0] = new ExtensionException(ErrorCode.EXTENSION_ERROR, url + " sent an event that is not JSON: " + abbreviate(event.data()));
                    return;
                }
                String piece = llama ? data.path("content").asText("") : data.path("choices").path(0).path("text").asText("");
                if (!piece.isEmpty()) {
                    text.append(piece);
                    out.token(piece);
                }
                if (llama && data.path("stop").asBoolean(false)) {
                    usage[0] = data.path("tokens_evaluated").asLong(0);
                    usage[1] = data.path("tokens_predicted").asLong(0);
                    finish[0] = "limit".equals(data.path("stop_type").asText()) ? FinishReason.LENGTH : FinishReason.STOP;
                } else if (!llama && data.path("choices").path(0).path("finish_reason").isTextual()) {
                    finish[0] = "length".equals(data.path("choices").path(0).path("finish_reason").asText()) ? FinishReason.LENGTH : FinishReason.STOP;
                }
                if (!llama && data.path("usage").isObject()) {
                    usage[0] = data.path("usage").path("prompt_tokens").asLong(0);
                    usage[1] = data.path("usage").path("completion_tokens").asLong(0);
                }
            }

            @Override
            public void onError(Throwable error) {
                failure[0] = error;
            }
        });
        if (out.cancelled() || context.cancelled()) {
            throw new ExtensionException(ErrorCode.CANCELLED, "cancelled");
        }
        if (failure[0] != null) {
            ExtensionException e = ProviderFailures.failure(failure[0], endpoint.baseUrl());
            throw failure[0] instanceof HttpException h ? new ExtensionException(e.code(), e.getMessage(), h) : e;
        }
        return new Final(OpenAiCompatibleModel.SERVER_MODEL, new Message("assistant", text.toString()),
                new Usage(usage[0], usage[1] > 0 ? usage[1] : 0), finish[0]);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
