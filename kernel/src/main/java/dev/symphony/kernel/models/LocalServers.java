package dev.symphony.kernel.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Looks for model servers on this machine — Ollama on {@code 127.0.0.1:11434} ({@code GET /api/tags}), an
 * OpenAI-compatible server (llama.cpp's llama-server, LM Studio) on {@code 127.0.0.1:8080} and {@code :1234}
 * ({@code GET /v1/models}) — only when the user agreed ({@link FirstRun}, the Models page's button). Loopback only,
 * no proxy, a short timeout per port, all ports at once; an answer that is not the expected JSON is not a server.
 */
public final class LocalServers {
    /** What kind of server answered, and the Instrument that speaks to it. */
    public enum Kind {
        OLLAMA("dev.symphony.samples.ollama", "/api/tags"),
        OPENAI_COMPATIBLE("dev.symphony.samples.openai-compatible", "/v1/models");

        public final String instrument;
        final String listPath;

        Kind(String instrument, String listPath) {
            this.instrument = instrument;
            this.listPath = listPath;
        }
    }

    /** A server found: its kind, the base URL its Instrument's {@code baseUrl} setting takes, the models it listed. */
    public record Found(Kind kind, String baseUrl, List<String> models) {
        /** The settings that make this server the chat model: the Instrument's base URL and model, and {@code models.chat}. */
        public List<String[]> settings() {
            List<String[]> out = new ArrayList<>();
            out.add(new String[] {kind.instrument + ".baseUrl", baseUrl});
            if (!models.isEmpty()) {
                out.add(new String[] {kind.instrument + ".model", models.get(0)});
            }
            out.add(new String[] {"models.chat", kind.instrument + "/server"});
            return out;
        }
    }

    /** The places looked at, in the order offered. */
    public static final List<Candidate> DEFAULTS = List.of(
            new Candidate(Kind.OLLAMA, 11434), new Candidate(Kind.OPENAI_COMPATIBLE, 8080), new Candidate(Kind.OPENAI_COMPATIBLE, 1234));

    public record Candidate(Kind kind, int port) {
        public String baseUrl() {
            return "http://127.0.0.1:" + port + (kind == Kind.OLLAMA ? "" : "/v1");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final Duration timeout;

    public LocalServers(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .proxy(java.net.ProxySelector.of(null)).build();
    }

    /** Every candidate that answers as its kind, in {@code candidates}' order. */
    public List<Found> probe(List<Candidate> candidates) {
        List<CompletableFuture<Optional<Found>>> asks = candidates.stream()
                .map(c -> CompletableFuture.supplyAsync(() -> probe(c))).toList();
        return asks.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
    }

    /** One candidate: its model list, or empty when nothing (or something else) answers. */
    public Optional<Found> probe(Candidate c) {
        URI uri = URI.create("http://127.0.0.1:" + c.port() + c.kind().listPath);
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || r.body().length > (4 << 20)) {
                return Optional.empty();
            }
            return models(c.kind(), JSON.readTree(r.body())).map(models -> new Found(c.kind(), c.baseUrl(), models));
        } catch (IOException e) {
            return Optional.empty(); // refused, timed out, not JSON: no server of this kind here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Ollama's {@code models[].name}, OpenAI's {@code data[].id}; empty when the JSON is not that shape. */
    static Optional<List<String>> models(Kind kind, JsonNode body) {
        JsonNode list = kind == Kind.OLLAMA ? body.path("models") : body.path("data");
        if (!list.isArray()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (JsonNode m : list) {
            JsonNode name = kind == Kind.OLLAMA ? m.path("name") : m.path("id");
            if (name.isTextual() && !name.asText().isBlank() && name.asText().length() <= 200) {
                names.add(name.asText());
            }
        }
        return Optional.of(names);
    }
}
