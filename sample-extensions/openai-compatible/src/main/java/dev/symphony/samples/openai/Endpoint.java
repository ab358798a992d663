package dev.symphony.samples.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import java.net.URI;
import java.time.Duration;

/**
 * The server one request goes to, from the extension's settings ({@code EXTENSION_ID.KEY} in the user's
 * settings.json): {@code baseUrl} (default {@value #DEFAULT_BASE_URL}, llama.cpp's server), {@code model} (sent as
 * the request's model name), {@code apiKeySecret} (a secret the manifest grants for the host; the kernel adds it),
 * {@code timeoutMs} (the whole exchange).
 */
record Endpoint(String baseUrl, String modelName, String apiKeySecret, Duration timeout) {
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080/v1";
    /** langchain4j requires a key; this placeholder is dropped by {@link BrokerHttpClient} before the request leaves. */
    static final String NO_KEY = "added-by-the-kernel";

    static Endpoint of(CallContext context) {
        String baseUrl = text(context, "baseUrl", DEFAULT_BASE_URL);
        try {
            URI uri = new URI(baseUrl);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new java.net.URISyntaxException(baseUrl, "not an http(s) URL with a host");
            }
        } catch (java.net.URISyntaxException e) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "setting " + context.extensionId() + ".baseUrl: " + e.getMessage());
        }
        JsonNode timeout = context.services().settings().get("timeoutMs");
        return new Endpoint(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                text(context, "model", "default"), text(context, "apiKeySecret", null),
                Duration.ofMillis(timeout.canConvertToLong() && timeout.asLong() > 0 ? timeout.asLong() : 120_000));
    }

    private static String text(CallContext context, String key, String fallback) {
        JsonNode v = context.services().settings().get(key);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : fallback;
    }

    /** The request's model: the setting's name for {@value OpenAiCompatibleModel#SERVER_MODEL} or none, else as given. */
    String model(String requested) {
        return requested == null || requested.equals(OpenAiCompatibleModel.SERVER_MODEL) ? modelName : requested;
    }

    HttpClientBuilder httpClient(CallContext context) {
        return BrokerHttpClient.builder(context.services().http(), apiKeySecret, timeout, context::cancelled);
    }
}
