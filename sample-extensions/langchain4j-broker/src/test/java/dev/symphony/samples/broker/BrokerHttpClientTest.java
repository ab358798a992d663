package dev.symphony.samples.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.services.BrokeredRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request langchain4j builds, as the broker carries it; the failures the router classifies. */
class BrokerHttpClientTest {
    @Test
    void theKeyLangchain4jAddsIsDroppedAndTheKernelsSecretNamedInstead() {
        HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url("https://api.openai.com/v1/chat/completions")
                .addHeader("Authorization", "Bearer " + ProviderEndpoint.NO_KEY).addHeader("Content-Type", "application/json").addHeader("x-api-key", ProviderEndpoint.NO_KEY)
                .body("{\"stream\":true}").build();
        BrokeredRequest r = new BrokerHttpClient(null, "OPENAI_API_KEY", java.util.Set.of("Authorization", "X-Api-Key"), Duration.ofSeconds(5), () -> false).toBrokered(request);
        assertEquals("POST", r.method());
        assertFalse(r.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("authorization") || h.equalsIgnoreCase("x-api-key")),
                r.headers().toString());
        assertEquals(List.of("application/json"), r.headers().get("Content-Type"));
        assertEquals(List.of("OPENAI_API_KEY"), r.secrets());
        assertEquals("{\"stream\":true}", new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Duration.ofSeconds(5), r.timeout());
        assertTrue(r.maxResponseBytes() > 0);

        BrokeredRequest local = new BrokerHttpClient(null, null, java.util.Set.of("authorization"), Duration.ofSeconds(5), () -> false).toBrokered(request);
        assertTrue(local.secrets().isEmpty());
    }

    /** A shared model's client holds no call: an exchange outside one fails naming the fix rather than using another's cancel. */
    @Test
    void aSharedModelsClientOutsideACallFailsNamingWhatToWrapItIn() {
        HttpRequest request = HttpRequest.builder().method(HttpMethod.GET).url("http://127.0.0.1:1/v1/models").build();
        var client = BrokerHttpClient.builderForEachCall(null, java.util.Set.of("authorization"), Duration.ofSeconds(5)).build();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> client.execute(request));
        assertTrue(e.getMessage().contains("BrokerHttpClient.during(context"), e.getMessage());
    }

    @Test
    void statusesBecomeTheCodesTheRouterFallsBackOn() {
        String e = "http://127.0.0.1:8080/v1";
        assertEquals(ErrorCode.BUSY, ProviderFailures.failure(new HttpException(429, "slow down"), e).code());
        assertEquals(ErrorCode.BUSY, ProviderFailures.failure(new RuntimeException(new HttpException(503, "loading")), e).code());
        assertEquals(ErrorCode.EXTENSION_ERROR, ProviderFailures.failure(new HttpException(500, "boom"), e).code());
        var tooLong = ProviderFailures.failure(new HttpException(400, "the request exceeds the available context size"), e);
        assertEquals(ErrorCode.INVALID_INPUT, tooLong.code());
        assertTrue(tooLong.getMessage().contains("HTTP 400") && tooLong.getMessage().contains("context"), tooLong.getMessage());
        assertEquals(ErrorCode.BUSY, ProviderFailures.failure(new HttpException(529, "{\"type\":\"overloaded_error\"}"), e).code());
    }
}
