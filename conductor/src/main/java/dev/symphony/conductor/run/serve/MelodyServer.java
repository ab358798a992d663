package dev.symphony.conductor.run.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.symphony.conductor.melody.Cron;
import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.run.Conductor;
import dev.symphony.conductor.run.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Fires the triggers of every valid Melody under a folder. Up to {@code maxRuns} runs go at once (more queue,
 * first come first served); they share the conductor's artifact store (one owner, this process: every access
 * is serialized by {@code RunArtifacts}), its pool-manager model slots and its arbitration engine, which
 * decide contested Instruments and resources between them. API: {@code POST /api/PATH} with {@code Authorization: Bearer
 * TOKEN} and a JSON object of inputs runs the Melody whose api trigger has that path and answers with the run's
 * result. Scheduled: every minute, Melodies whose cron matches. After each run: chained Melodies whose
 * {@code after} is that file (and whose {@code status} matches) and melody.finished triggers naming it.
 * file.saved: a file saved under the served folder whose path (relative, {@code /}-separated) matches the
 * trigger's {@code glob}; inputs {@code path} and {@code file}. extension.event: {@link #extensionEvent}, the hook
 * through which whoever receives extension hosts' one-way events hands them in; the payload's fields feed
 * same-named inputs.
 */
public final class MelodyServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Conductor conductor;
    private final MelodyReader reader;
    private final ApiToken token;
    private final PrintStream notices;
    private final List<Melody> melodies = new ArrayList<>();
    private final ExecutorService runs;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "melody-serve-cron"));
    private HttpServer http;
    private Path folder;
    private FileSavedWatcher files;
    /** Melody file + saved file pairs queued and not started yet: a burst of saves queues one run. */
    private final java.util.Set<String> queuedSaves = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public MelodyServer(Conductor conductor, MelodyReader reader, ApiToken token, PrintStream notices) {
        this(conductor, reader, token, notices, DEFAULT_MAX_RUNS);
    }

    /** Runs at once unless {@code --max-runs} says otherwise. */
    public static final int DEFAULT_MAX_RUNS = 2;

    public MelodyServer(Conductor conductor, MelodyReader reader, ApiToken token, PrintStream notices, int maxRuns) {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be at least 1, got " + maxRuns);
        }
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        this.runs = Executors.newFixedThreadPool(maxRuns, r -> daemon(r, "melody-serve-run-" + n.incrementAndGet()));
        this.conductor = conductor;
        this.reader = reader;
        this.token = token;
        this.notices = notices;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Loads every {@code *.melody.json} under {@code folder} (invalid ones are reported and left out). */
    public int load(Path folder) throws IOException {
        this.folder = folder;
        try (Stream<Path> files = Files.walk(folder, 4)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".melody.json")).sorted().toList()) {
                try {
                    melodies.add(reader.read(f));
                } catch (InvalidMelodyException e) {
                    notices.println("symphony serve: ignoring " + e.getMessage());
                }
            }
        }
        return melodies.size();
    }

    public List<Melody> melodies() {
        return List.copyOf(melodies);
    }

    /** Starts the API on 127.0.0.1:{@code port} (0 = any free port) and the minute clock; returns the port. */
    public int start(int port) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        http.createContext("/api/", this::api);
        http.setExecutor(Executors.newFixedThreadPool(2, r -> daemon(r, "melody-serve-http")));
        http.start();
        long delay = 60_000 - System.currentTimeMillis() % 60_000;
        clock.scheduleAtFixedRate(() -> tick(LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES)), delay, 60_000, TimeUnit.MILLISECONDS);
        if (folder != null && melodies.stream().anyMatch(m -> !triggers(m, "file.saved").isEmpty())) {
            files = new FileSavedWatcher(folder, this::saved);
        }
        return http.getAddress().getPort();
    }

    private static List<JsonNode> triggers(Melody m, String on) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode t : m.json().path("triggers")) {
            if (t.path("type").asText().equals("event") && t.path("on").asText().equals(on)) {
                out.add(t);
            }
        }
        return out;
    }

    /** A file under the served folder was saved: queues the Melodies whose file.saved glob matches its path. */
    void saved(String path, Path file) {
        for (Melody m : melodies) {
            for (JsonNode t : triggers(m, "file.saved")) {
                if (!java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + t.path("glob").asText())
                        .matches(Path.of(path))) {
                    continue;
                }
                String key = m.source() + "\n" + file;
                if (queuedSaves.add(key)) {
                    ObjectNode inputs = JsonNodeFactory.instance.objectNode().put("path", path).put("file", file.toString());
                    inputs.retain(m.nodes().stream().map(n -> n.id()).toList());
                    submit(m, inputs, "file.saved " + path, () -> queuedSaves.remove(key));
                }
            }
        }
    }

    /**
     * An extension's one-way event ({@code extension} id, {@code event} name, JSON payload) arrived: queues the
     * Melodies with a matching extension.event trigger; an object payload's fields feed same-named inputs.
     * Returns how many runs were queued. Thread-safe; the caller (the kernel's bus pump) is not blocked.
     */
    public int extensionEvent(String extension, String event, JsonNode payload) {
        conductor.inbox().deliver(extension + "/" + event, payload); // nodes of running runs that await it
        int queued = 0;
        for (Melody m : melodies) {
            for (JsonNode t : triggers(m, "extension.event")) {
                if (t.path("extension").asText().equals(extension) && t.path("event").asText().equals(event)) {
                    ObjectNode inputs = JsonNodeFactory.instance.objectNode();
                    if (payload != null && payload.isObject()) {
                        inputs.setAll((ObjectNode) payload.deepCopy());
                    }
                    inputs.retain(m.nodes().stream().map(n -> n.id()).toList());
                    submit(m, inputs, "extension.event " + extension + "/" + event);
                    queued++;
                }
            }
        }
        return queued;
    }

    /** Queues the Melodies whose scheduled trigger matches {@code minute}; the future ends after the last. */
    public Future<?> tick(LocalDateTime minute) {
        List<CompletableFuture<RunResult>> queued = new ArrayList<>();
        for (Melody m : melodies) {
            for (JsonNode t : m.json().path("triggers")) {
                if (t.path("type").asText().equals("scheduled") && Cron.matches(t.path("cron").asText(), minute)) {
                    queued.add(submit(m, JsonNodeFactory.instance.objectNode(), "scheduled " + t.path("cron").asText()));
                }
            }
        }
        return CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new));
    }

    /** Queues a run; after it ends, queues what is chained to it. */
    public CompletableFuture<RunResult> submit(Melody m, ObjectNode inputs, String why) {
        return submit(m, inputs, why, () -> { });
    }

    private CompletableFuture<RunResult> submit(Melody m, ObjectNode inputs, String why, Runnable starting) {
        return CompletableFuture.supplyAsync(() -> {
            starting.run();
            notices.println("symphony serve: running " + m.source() + " (" + why + ")");
            try {
                RunResult r = conductor.start(m, inputs, conductor.newRunId(), STARTED_BY);
                notices.println("symphony serve: run " + r.runId() + " " + r.status().jsonName());
                chain(m, r);
                return r;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("serve is stopping");
            }
        }, runs);
    }

    /** What serve records as the starter of its runs (so the next serve finds them if this process dies). */
    static final String STARTED_BY = "serve";

    /**
     * Resumes the runs a serve process started for Melodies under the served folder and did not finish because
     * it died (kill -9, a crash, power loss): their journals say running and no process holds them. Each is
     * queued like a new run (within {@code --max-runs}); what is chained to it runs after it. Returns how many.
     */
    public int reclaim() throws IOException {
        if (folder == null) {
            return 0;
        }
        java.util.Map<String, Path> abandoned = conductor.abandonedRuns(STARTED_BY, folder);
        abandoned.forEach((runId, file) -> {
            CompletableFuture.runAsync(() -> {
                notices.println("symphony serve: resuming run " + runId + " (the serve process running it ended before it did)");
                try {
                    RunResult r = conductor.resume(runId);
                    notices.println("symphony serve: run " + r.runId() + " " + r.status().jsonName());
                    melodies.stream().filter(m -> m.source() != null
                            && m.source().toAbsolutePath().normalize().equals(file)).findFirst().ifPresent(m -> chain(m, r));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) { // another serve took it first, the Melody no longer validates, the disk failed
                    notices.println("symphony serve: run " + runId + " not resumed: " + e.getMessage());
                }
            }, runs);
        });
        return abandoned.size();
    }

    private void chain(Melody finished, RunResult r) {
        Path file = finished.source() == null ? null : finished.source().toAbsolutePath().normalize();
        for (Melody m : melodies) {
            for (JsonNode t : m.json().path("triggers")) {
                String type = t.path("type").asText();
                String target = type.equals("chained") ? t.path("after").asText(null)
                        : type.equals("event") && t.path("on").asText().equals("melody.finished") ? t.path("melody").asText(null) : null;
                if (target == null || file == null || !m.baseDir().resolve(target).normalize().equals(file)) {
                    continue;
                }
                String status = t.path("status").asText(type.equals("chained") ? "succeeded" : "any");
                if (status.equals("any") || status.equals(r.status().jsonName())) {
                    ObjectNode inputs = JsonNodeFactory.instance.objectNode();
                    inputs.setAll(r.outputs()); // the finished run's outputs feed same-named inputs
                    inputs.retain(m.nodes().stream().map(n -> n.id()).toList());
                    submit(m, inputs, type + " after " + file.getFileName());
                }
            }
        }
    }

    private void api(HttpExchange x) throws IOException {
        try (x) {
            if (!token.accepts(x.getRequestHeaders().getFirst("Authorization"))) {
                reply(x, 401, error("missing or wrong bearer token (see the api-token file in the Symphony config folder)"));
                return;
            }
            if (!x.getRequestMethod().equals("POST")) {
                reply(x, 405, error("use POST"));
                return;
            }
            String path = x.getRequestURI().getPath().substring("/api".length());
            Melody target = null;
            for (Melody m : melodies) {
                for (JsonNode t : m.json().path("triggers")) {
                    if (t.path("type").asText().equals("api") && t.path("path").asText().equals(path)) {
                        target = m;
                    }
                }
            }
            if (target == null) {
                reply(x, 404, error("no Melody has an api trigger at " + path));
                return;
            }
            JsonNode body;
            try (InputStream in = x.getRequestBody()) {
                byte[] bytes = in.readNBytes(1 << 20);
                body = bytes.length == 0 ? JsonNodeFactory.instance.objectNode() : JSON.readTree(bytes);
            } catch (IOException e) {
                reply(x, 400, error("the body is not JSON: " + e.getMessage()));
                return;
            }
            if (!body.isObject()) {
                reply(x, 400, error("the body is a JSON object of inputs"));
                return;
            }
            RunResult r = submit(target, (ObjectNode) body, "api " + path).get();
            ObjectNode out = JsonNodeFactory.instance.objectNode().put("runId", r.runId()).put("status", r.status().jsonName());
            out.set("outputs", r.outputs());
            if (r.error() != null) {
                out.put("error", r.error());
            }
            reply(x, 200, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            reply(x, 500, error(String.valueOf(e.getCause())));
        }
    }

    private static ObjectNode error(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message);
    }

    private static void reply(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(bytes);
        }
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop(0);
        }
        clock.shutdownNow();
        runs.shutdownNow();
        if (files != null) {
            try {
                files.close();
            } catch (IOException e) {
                // closing: nothing left to watch
            }
        }
    }
}
