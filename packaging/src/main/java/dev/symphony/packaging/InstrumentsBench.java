package dev.symphony.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Feature;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.LanguageModelProtocol.Usage;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.extensions.KernelStream;
import dev.symphony.kernel.models.Budget;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import dev.symphony.kernel.models.ModelRouter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code symphony bench instruments [--quick]}: a real llama.cpp server ({@code --threads 1}, the demo GGUF; built
 * into the cache first when it is empty) measured directly and through Symphony (kernel → openai-compatible host →
 * brokered HTTP), both through the same relay ({@link FaultProxy}, which timestamps the server's first byte and a
 * client's close). Prints one JSON line: {@code firstTokenOverheadP50Ms}/{@code P99Ms} (the server's first byte →
 * the first token event at the caller, minus the same for the direct client), {@code throughputRatio} (tokens/s
 * through Symphony ÷ direct), {@code cancelP99Ms} (close of the caller's stream → the relay sees the connection
 * closed), {@code routerDecisionP99Us} (the router's own work per request, in process), and the load average at start
 * and end with {@code quietMachine} (both below 0.5; else stderr says the figures are not results).
 */
final class InstrumentsBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTRUMENT = "dev.symphony.samples.openai-compatible";
    private static final int TOKENS = 64;
    /** The load average below which figures are results (the project's rule for ratios and performance figures). */
    static final double QUIET = 0.5;

    private InstrumentsBench() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        if (args.length > (quick ? 1 : 0)) {
            err.println("usage: symphony bench instruments [--quick]");
            return SymphonyMain.USAGE;
        }
        int n = quick ? 20 : 200;
        Path repo = BenchCommand.repoRoot();
        Path work = Files.createTempDirectory("symphony-bench-instruments");
        ObjectNode result = JSON.createObjectNode().put("loadAverageAtStart", loadAverage());
        try (LlamaServer server = LlamaServer.start(repo, LlamaServer.build(repo), work);
             FaultProxy relay = new FaultProxy(server.port)) {
            String base = "http://127.0.0.1:" + relay.port() + "/v1";
            LatencySplit directSplit = new LatencySplit("relay.firstContent", "caller.token");
            LatencySplit directRequest = new LatencySplit(REQUEST_POINTS);
            double[] direct = direct(base, n, relay, directSplit, directRequest);
            System.setProperty("symphony.home", work.resolve("home").toString());
            Files.createDirectories(work.resolve("home/config"));
            Files.writeString(work.resolve("home/config/settings.json"),
                    JSON.createObjectNode().put(INSTRUMENT + ".baseUrl", base).toString());
            LatencySplit[] tracing = {new LatencySplit(FIRST_TOKEN_POINTS)};
            try (Kernel kernel = Kernel.start(KernelContext.standard().trace((point, nanos) -> tracing[0].mark(point, nanos)))) {
                LatencySplit brokeredSplit = tracing[0];
                LatencySplit brokeredRequest = new LatencySplit(BROKERED_REQUEST_POINTS);
                double[] brokered = brokered(kernel, n, relay, brokeredSplit, brokeredRequest);
                long[] overhead = new long[n];
                for (int i = 0; i < n; i++) {
                    overhead[i] = (long) (brokered[i] - direct[i]);
                }
                Arrays.sort(overhead);
                result.put("requests", n).put("tokensPerRequest", TOKENS);
                result.put("firstTokenOverheadP50Ms", ms(overhead[n / 2]));
                result.put("firstTokenOverheadP99Ms", ms(overhead[(int) (n * 0.99)]));
                result.put("throughputRatio", Math.round(brokered[n] / direct[n] * 1000) / 1000.0);
                LatencySplit cancelSplit = new LatencySplit(CANCEL_POINTS);
                tracing[0] = cancelSplit;
                result.put("cancelP99Ms", ms(cancel(kernel, quick ? 10 : 100, relay, cancelSplit)));
                result.set("firstTokenSplitP50Us", brokeredSplit.json(JSON));
                result.set("directFirstTokenSplitP50Us", directSplit.json(JSON));
                result.set("cancelSplitP50Us", cancelSplit.json(JSON));
                result.set("requestSplitP50Us", brokeredRequest.json(JSON));
                result.set("directRequestSplitP50Us", directRequest.json(JSON));
            }
        }
        result.put("routerDecisionP99Us", routerDecisionP99Us(quick ? 20_000 : 200_000));
        result.put("loadAverageAtEnd", loadAverage());
        boolean quiet = result.get("loadAverageAtStart").asDouble() < QUIET && result.get("loadAverageAtEnd").asDouble() < QUIET;
        result.put("quietMachine", quiet);
        out.println(result);
        if (!quiet) {
            err.println("symphony bench instruments: load average " + result.get("loadAverageAtStart") + " at start, "
                    + result.get("loadAverageAtEnd") + " at end (a quiet machine is below " + QUIET + "): these figures are not results");
        }
        return 0;
    }

    private static String body(boolean stream) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}],\"max_tokens\":" + TOKENS + ",\"seed\":1,\"stream\":" + stream + "}";
    }

    /**
     * The points a first token passes through Symphony, in order ({@link LatencySplit}): the relay forwards the
     * server's first text delta, the broker reads it from the socket and appends it to the host's queue, the host's
     * HTTP stream hands it to langchain4j, the Instrument emits its token chunk, the host appends it to the kernel's
     * queue (the frame's stamp), the kernel reads it off the queue, the caller takes it and has decoded it.
     */
    private static final String[] FIRST_TOKEN_POINTS = {"relay.firstContent", "broker.firstBodyRead", "broker.firstBodySent",
            "host.httpFirstBody", "host.firstChunk", "bus.chunkSent", "kernel.chunkRead", "caller.chunkTaken", "caller.token"};
    /**
     * A whole request's points (where the throughput goes): the caller starts, the relay accepts the connection, sees
     * the server's first byte, its first text delta, its last byte; the caller's first token, its end.
     */
    private static final String[] REQUEST_POINTS = {"caller.start", "relay.accepted", "relay.firstByte", "relay.firstContent",
            "caller.token", "relay.end", "caller.end"};
    /**
     * The same through Symphony, its setup split: the host's worker begins the call, the Instrument has its settings,
     * has langchain4j's model (built once per settings), asks for its HTTP exchange (langchain4j built the request and
     * its JSON), the kernel's broker has the request, hands it to the JDK's client (which connects).
     */
    private static final String[] BROKERED_REQUEST_POINTS = {"caller.start", "host.callStart", "host.settingsRead", "host.modelBuilt",
            "host.httpOpen", "broker.start", "broker.send", "relay.accepted", "relay.firstByte", "relay.firstContent", "caller.token",
            "relay.end", "caller.end"};
    /**
     * A cancel's points: the caller closes its stream, the kernel's cancel reaches the host, the extension closes its
     * HTTP stream, that close reaches the broker, the broker has closed the connection, the relay sees it closed.
     */
    private static final String[] CANCEL_POINTS = {"caller.close", "host.cancel", "host.httpCancel", "broker.cancel", "broker.closed",
            "relay.closed"};

    /** One streamed request; calls {@code token} at each token event as it arrives; returns the stamps it took itself. */
    @FunctionalInterface
    private interface Streamed {
        Map<String, Long> run(Runnable token) throws Exception;
    }

    /**
     * {@code n} requests after 5 warm-ups. Per request: nanoseconds from the server's first byte (at the relay) to
     * the first token event at the caller; element n: tokens/s over all requests.
     */
    private static double[] measure(int n, FaultProxy relay, Streamed request, LatencySplit split, LatencySplit whole) throws Exception {
        double[] first = new double[n + 1];
        long tokens = 0;
        long total = 0;
        for (int i = -5; i < n; i++) {
            split.clearMarks();
            long start = System.nanoTime();
            long[] firstToken = {0};
            long[] seen = {0};
            Map<String, Long> stamps = request.run(() -> {
                if (firstToken[0] == 0) {
                    firstToken[0] = System.nanoTime();
                }
                seen[0]++;
            });
            long end = System.nanoTime();
            split.awaitMark("host.firstChunk", 2000); // the host reports its marks after its stream's end (untimed)
            if (i >= 0) {
                first[i] = firstToken[0] - relay.lastFirstByteNanos();
                tokens += seen[0];
                total += end - start;
                Map<String, Long> all = new java.util.HashMap<>(stamps);
                all.put("relay.firstContent", relay.lastFirstContentNanos());
                all.put("caller.token", firstToken[0]);
                split.endRun(all);
                Map<String, Long> stamped = new java.util.HashMap<>(split.marks()); // the kernel's and the host's setup marks
                stamped.putAll(Map.of("caller.start", start, "relay.accepted", relay.lastAcceptedNanos(), "relay.firstByte",
                        relay.lastFirstByteNanos(), "relay.firstContent", relay.lastFirstContentNanos(), "caller.token", firstToken[0],
                        "relay.end", relay.lastResponseEndNanos(), "caller.end", end));
                whole.endRun(stamped);
            }
        }
        first[n] = tokens / (total / 1e9);
        return first;
    }

    /** The server called directly (through the relay only): its server-sent events read line by line. */
    private static double[] direct(String base, int n, FaultProxy relay, LatencySplit split, LatencySplit whole) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // as the broker's client: no h2c upgrade attempt
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/chat/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(true))).build();
        return measure(n, relay, token -> {
            HttpResponse<java.io.InputStream> r = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("data: {") && line.contains("\"content\":\"")) {
                        token.run();
                    }
                }
            }
            return Map.of();
        }, split, whole);
    }

    /** Through Symphony: the kernel's stream from the openai-compatible Instrument. */
    private static double[] brokered(Kernel kernel, int n, FaultProxy relay, LatencySplit split, LatencySplit whole) throws Exception {
        JsonNode input = LanguageModelProtocol.toJson(new ChatRequest(null, List.of(Message.user("hello")),
                new Sampling(TOKENS, null, null, 1L, null)));
        return measure(n, relay, token -> {
            long[] bus;
            try (KernelStream s = kernel.stream(new CapabilityCall("bench", INSTRUMENT, LanguageModelProtocol.CHAT, input, Duration.ofSeconds(60)))) {
                for (JsonNode chunk; (chunk = s.next()) != null; ) {
                    if (chunk.has("token")) {
                        token.run();
                    }
                }
                bus = s.firstChunkNanos();
            }
            return Map.of("bus.chunkSent", bus[0], "kernel.chunkRead", bus[1], "caller.chunkTaken", bus[2]);
        }, split, whole);
    }

    /** p99 of: the caller closes its stream after the first token → the relay sees the kernel close the connection. */
    private static long cancel(Kernel kernel, int n, FaultProxy relay, LatencySplit split) throws Exception {
        JsonNode input = LanguageModelProtocol.toJson(new ChatRequest(null, List.of(Message.user("hello")),
                new Sampling(2000, null, null, 1L, null)));
        long[] ns = new long[n];
        relay.stallAfterEvents(3); // past the role-only first chunk: the caller has a token when the stall begins
        try {
            for (int i = 0; i < n; i++) {
                relay.resetClientClosed();
                split.clearMarks();
                KernelStream s = kernel.stream(new CapabilityCall("bench", INSTRUMENT, LanguageModelProtocol.CHAT, input, Duration.ofSeconds(60)));
                s.next();
                long closed = System.nanoTime();
                s.close();
                if (!relay.awaitClientClosed(10)) {
                    throw new IllegalStateException("the connection was not closed within 10 s of the cancel");
                }
                ns[i] = relay.lastClientClosedNanos() - closed;
                split.awaitMark("host.cancel", 2000); // the host reports its marks after the stream's end
                split.endRun(Map.of("caller.close", closed, "relay.closed", relay.lastClientClosedNanos()));
            }
        } finally {
            relay.relay();
        }
        Arrays.sort(ns);
        return ns[(int) (n * 0.99)];
    }

    /** The router's own work: a two-model chain, budgets set, a model that answers at once. */
    static double routerDecisionP99Us(int n) {
        ServedModel primary = new ServedModel("bench", new ModelInfo("gpt-4o-mini", "gpt-4o-mini", 128_000, List.of(Feature.CHAT), false));
        ServedModel fallback = new ServedModel("bench", new ModelInfo("symphony-demo-bigram", "demo", 2048, List.of(Feature.CHAT), true));
        Final answer = new Final("gpt-4o-mini", new Message("assistant", "x"), new Usage(3, 1), FinishReason.STOP);
        ModelRouter router = new ModelRouter(new ModelRouter.Endpoint() {
            @Override
            public Final chat(ServedModel model, ChatRequest request, Duration timeout, java.util.function.Consumer<String> onToken) {
                onToken.accept("x");
                return answer;
            }

            @Override
            public void cancel() {
            }
        }, PriceTable.shipped(), 1.0, List.of(new Budget("per-day", 1e9, 0)), Duration.ofSeconds(60), Duration.ofSeconds(30), System::nanoTime);
        ChatRequest request = new ChatRequest(null, List.of(Message.user("hello")), new Sampling(16, null, null, null, null));
        long[] ns = new long[n];
        for (int i = -n; i < n; i++) {
            long s = System.nanoTime();
            router.chat(List.of(primary, fallback), request, t -> { });
            if (i >= 0) {
                ns[i] = System.nanoTime() - s;
            }
        }
        Arrays.sort(ns);
        return Math.round(ns[(int) (n * 0.99)] / 100.0) / 10.0;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    private static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }
}
