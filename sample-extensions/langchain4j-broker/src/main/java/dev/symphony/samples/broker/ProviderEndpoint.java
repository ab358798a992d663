package dev.symphony.samples.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server one request goes to, from the extension's settings ({@code EXTENSION_ID.KEY} in the user's
 * settings.json): {@code baseUrl}, {@code model} (the model name sent when the request names none),
 * {@code apiKeySecret} (a secret the manifest grants for the host; the kernel adds it), {@code timeoutMs} (the whole
 * exchange, default 120 s), and an Instrument's own keys ({@code extraKeys}, read in the same round trip).
 */
public record ProviderEndpoint(String baseUrl, String modelName, String apiKeySecret, Duration timeout, Map<String, JsonNode> settings) {
    /** langchain4j requires a key; this placeholder is dropped by {@link BrokerHttpClient} before the request leaves. */
    public static final String NO_KEY = "added-by-the-kernel";
    private static final List<String> KEYS = List.of("baseUrl", "model", "apiKeySecret", "timeoutMs");

    /** The endpoint the settings name, with the Instrument's defaults for what they leave out; a bad URL is INVALID_INPUT naming the setting. */
    public static ProviderEndpoint of(CallContext context, String defaultBaseUrl, String defaultModel, String defaultSecret,
                                      String... extraKeys) {
        // one bus round trip for them all, on every request (never cached: a change in settings.json reaches the next)
        List<String> keys = new ArrayList<>(KEYS);
        keys.addAll(List.of(extraKeys));
        Map<String, JsonNode> settings = context.services().settings().get(keys);
        context.services().broker().trace("host.settingsRead", System.nanoTime());
        String baseUrl = text(settings.get("baseUrl"), defaultBaseUrl);
        try {
            URI uri = new URI(baseUrl);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(baseUrl, "not an http(s) URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "setting " + context.extensionId() + ".baseUrl: " + e.getMessage());
        }
        JsonNode timeout = settings.get("timeoutMs");
        JsonNode secret = settings.get("apiKeySecret");
        return new ProviderEndpoint(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                text(settings.get("model"), defaultModel),
                secret != null && secret.isNull() ? null : text(secret, defaultSecret),
                Duration.ofMillis(timeout != null && timeout.canConvertToLong() && timeout.asLong() > 0 ? timeout.asLong() : 120_000),
                Map.copyOf(settings));
    }

    /** A setting read with the endpoint's ({@code extraKeys} of {@link #of}); a JSON null when unset and undeclared. */
    public JsonNode setting(String key) {
        return settings.getOrDefault(key, NullNode.getInstance());
    }

    private static String text(JsonNode v, String fallback) {
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : fallback;
    }

    /** The model name to send: {@code requested}, unless it is null or {@code alias}, which stand for the {@code model} setting. */
    public String model(String requested, String alias) {
        return requested == null || requested.equals(alias) ? modelName : requested;
    }

    /**
     * What a built langchain4j model is made of: the server, the name of the secret the kernel adds (never the key:
     * the extension does not hold it), the timeout. The model name and sampling go with each request.
     */
    public record Connection(String baseUrl, String apiKeySecret, Duration timeout) {
        /**
         * langchain4j's HTTP client for a model kept across calls: through the broker, the key headers dropped, each
         * exchange the running call's ({@link BrokerHttpClient#during}).
         */
        public HttpClientBuilder httpClient(Set<String> keyHeaders) {
            return BrokerHttpClient.builderForEachCall(apiKeySecret, keyHeaders, timeout);
        }
    }

    /** The settings a model is built from ({@link SharedModel}). */
    public Connection connection() {
        return new Connection(baseUrl, apiKeySecret, timeout);
    }
}
