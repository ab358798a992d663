package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.contract.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** In-process Operators for executor tests (the CLI uses the kernel instead): each call is recorded. */
public final class TestOperators implements Capabilities {
    public interface Op {
        JsonNode apply(JsonNode input) throws Exception;
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final String EXT = "test.ops";
    private final Map<String, CapabilitySpec> specs = new LinkedHashMap<>();
    private final Map<String, Op> ops = new ConcurrentHashMap<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    /** Model loads by capability key (Instruments); absent = warm at once. */
    public final Map<String, java.util.function.Supplier<java.util.concurrent.CompletableFuture<?>>> warmUps = new ConcurrentHashMap<>();
    /** Tokens each call of a capability reports, and its price per token (Instruments); absent = none. */
    public record Usage(long tokens, double perToken) {}
    public final Map<String, Usage> usage = new ConcurrentHashMap<>();
    /** Tokens a call uses, from its input (instead of {@link Usage#tokens()}): for calls that use varying amounts. */
    public final Map<String, java.util.function.ToLongFunction<JsonNode>> tokensOf = new ConcurrentHashMap<>();
    /** Every warm-up asked for, by capability key, in order. */
    public final List<String> warmUpsAsked = new CopyOnWriteArrayList<>();

    public static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public TestOperators() {
        String text = "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}}";
        add(EXT, "echo", text, text, 1, 0, in -> in);
        add(EXT, "upper", text, text, 1, 0, in -> obj("text", in.path("text").asText().toUpperCase()));
        add(EXT, "words", text, "{\"type\":\"object\",\"properties\":{\"words\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"count\":{\"type\":\"integer\"}}}",
                1, 0, in -> {
                    var a = JsonNodeFactory.instance.arrayNode();
                    for (String w : in.path("text").asText().trim().split("\\s+")) {
                        if (!w.isEmpty()) {
                            a.add(w);
                        }
                    }
                    var o = JsonNodeFactory.instance.objectNode();
                    o.set("words", a);
                    o.put("count", a.size());
                    return o;
                });
        add(EXT, "sleep", "{\"type\":\"object\"}", text, 20, 0, in -> {
            Thread.sleep(in.path("ms").asLong(10));
            return obj("text", in.path("text").asText("slept"));
        });
        // Fails while failuresLeft[key] > 0, then echoes: retries and fallbacks.
        add(EXT, "flaky", "{\"type\":\"object\"}", text, 1, 0, in -> {
            AtomicInteger left = failuresLeft.computeIfAbsent(in.path("key").asText(""), k -> new AtomicInteger());
            if (left.getAndDecrement() > 0) {
                throw new IllegalStateException("flaky failure");
            }
            return obj("text", in.path("text").asText("ok"));
        });
        add(EXT, "fail", "{\"type\":\"object\"}", text, 1, 0, in -> {
            throw new IllegalStateException("always fails");
        });
        add("test.cheap", "summarize", text, text, 30, 0.1, in -> obj("text", "cheap:" + in.path("text").asText()));
        add("test.fast", "summarize", text, text, 5, 2, in -> obj("text", "fast:" + in.path("text").asText()));
    }

    static JsonNode obj(String k, String v) {
        return JsonNodeFactory.instance.objectNode().put(k, v);
    }

    public TestOperators add(String ext, String cap, String in, String out, double latencyMs, double cost, Op op) {
        return add("operator", ext, cap, in, out, latencyMs, cost, op);
    }

    public TestOperators add(String kind, String ext, String cap, String in, String out, double latencyMs, double cost, Op op) {
        specs.put(ext + "/" + cap, new CapabilitySpec(ext, cap, kind, json(in), json(out), cost, latencyMs, 10_000));
        ops.put(ext + "/" + cap, op);
        return this;
    }

    @Override
    public boolean hasExtension(String extension) {
        return specs.values().stream().anyMatch(s -> s.extension().equals(extension));
    }

    @Override
    public Optional<CapabilitySpec> find(String extension, String capability) {
        return Optional.ofNullable(specs.get(extension + "/" + capability)).map(this::priced);
    }

    /** The spec with the per-token price of its {@link #usage}, as a manifest would declare it. */
    private CapabilitySpec priced(CapabilitySpec s) {
        Usage u = usage.get(s.key());
        return u == null ? s : new CapabilitySpec(s.extension(), s.capability(), s.kind(), s.inputSchema(), s.outputSchema(),
                s.costPerCall(), s.latencyP50Ms(), s.timeoutMs(), u.perToken());
    }

    @Override
    public List<CapabilitySpec> offering(String capability, String kind) {
        List<CapabilitySpec> out = new ArrayList<>();
        specs.values().stream().filter(s -> s.capability().equals(capability)).map(this::priced).forEach(out::add);
        return out;
    }

    @Override
    public Reply invoke(CapabilitySpec spec, JsonNode input, Duration timeout) throws Exception {
        Usage u = usage.get(spec.key());
        JsonNode output = call(spec, input, timeout);
        if (u == null) {
            return new Reply(output, 0, spec.costPerCall());
        }
        var varying = tokensOf.get(spec.key());
        long tokens = varying != null ? varying.applyAsLong(input) : u.tokens();
        return new Reply(output, tokens, spec.costPerCall() + u.perToken() * tokens);
    }

    @Override
    public java.util.concurrent.CompletableFuture<?> warmUp(CapabilitySpec spec) {
        warmUpsAsked.add(spec.key());
        var load = warmUps.get(spec.key());
        return load == null ? Capabilities.super.warmUp(spec) : load.get();
    }

    @Override
    public JsonNode call(CapabilitySpec spec, JsonNode input, Duration timeout) throws Exception {
        calls.add(spec.key() + " " + input);
        return ops.get(spec.key()).apply(input);
    }
}
