package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.contract.CallFailedException;
import dev.symphony.ipc.api.BusException;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.Envelope;
import dev.symphony.contract.ErrorCode;
import dev.symphony.ipc.api.InboundHandler;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.CallProtocol;
import dev.symphony.contract.protocol.HttpProtocol;
import dev.symphony.contract.protocol.LogProtocol;
import dev.symphony.contract.protocol.ModelProtocol;
import dev.symphony.contract.protocol.NetworkProtocol;
import dev.symphony.contract.protocol.ProcessProtocol;
import dev.symphony.kernel.audit.AuditLog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Serves what hosts ask of the kernel: brokered files, network, processes, settings, calls to other
 * extensions, log lines and client-side denials. Requests run on a small pool, never on the bus
 * pump (a slow file or a nested extension call must not delay other hosts' heartbeats). Every
 * decision is audited.
 */
final class KernelBroker implements AutoCloseable {
    private final Kernel kernel;
    private final AuditLog audit;
    private final Path logsDir;
    private final KernelFiles files;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256), r -> {
        Thread t = new Thread(r, "kernel-broker");
        t.setDaemon(true);
        return t;
    });

    private final BrokeredHttp http;

    KernelBroker(Kernel kernel, AuditLog audit, Path logsDir, dev.symphony.kernel.secrets.KernelSecrets secrets) {
        this.kernel = kernel;
        this.http = new BrokeredHttp(audit, secrets, BrokerHttpClient.standard());
        this.audit = audit;
        this.logsDir = logsDir;
        this.files = new KernelFiles(audit);
        pool.allowCoreThreadTimeOut(true);
    }

    Path logFile(String id) {
        return logsDir.resolve(id + ".log");
    }

    InboundHandler handlerFor(Player player, CompletableFuture<Void> hello) {
        return new InboundHandler() {
            @Override
            public void onHello(Endpoint endpoint, Envelope message) {
                hello.complete(null);
            }

            @Override
            public void onRequest(Endpoint endpoint, Envelope request) {
                try {
                    pool.execute(() -> serve(player, endpoint, request));
                } catch (RejectedExecutionException e) {
                    endpoint.respondError(request.correlationId(), ErrorCode.BUSY.code(), "the kernel broker is busy");
                }
            }

            @Override
            public void onStreamRequest(Endpoint endpoint, Envelope request) {
                BrokerProtocol.Request r;
                HttpProtocol.Request h;
                try {
                    r = PayloadCodec.decode(request.payload(), BrokerProtocol.Request.class);
                    h = BrokerProtocol.NETWORK_HTTP.equals(r.op())
                            ? PayloadCodec.json().treeToValue(r.args(), HttpProtocol.Request.class) : null;
                } catch (IOException | RuntimeException bad) {
                    endpoint.respondError(request.correlationId(), ErrorCode.INVALID_INPUT.code(), "malformed stream request: " + bad.getMessage());
                    return;
                }
                if (h == null) {
                    endpoint.respondError(request.correlationId(), ErrorCode.INVALID_INPUT.code(), "no brokered stream " + r.op());
                    return;
                }
                http.start(player, endpoint, request, h);
            }

            @Override
            public void onCancel(Endpoint endpoint, long correlationId) {
                http.cancel(endpoint, correlationId);
            }

            @Override
            public void onEvent(Endpoint endpoint, Envelope event) {
                LogProtocol.HostEvent e = PayloadCodec.decode(event.payload(), LogProtocol.HostEvent.class);
                if (ModelProtocol.EVENT_KIND.equals(e.kind())) {
                    try {
                        kernel.modelEvent(player, PayloadCodec.json().treeToValue(e.data(), ModelProtocol.State.class));
                    } catch (java.io.IOException | IllegalArgumentException bad) {
                        log(player.id(), "malformed model event " + e.data() + ": " + bad.getMessage());
                    }
                    log(player.id(), "model " + e.message() + (e.data().path("loadMs").asLong(-1) >= 0
                            ? " (" + e.data().path("loadMs").asLong() + " ms)" : ""));
                } else if (LogProtocol.EXTENSION_EVENT.equals(e.kind())) {
                    audit.reported(player.id(), "event", e.message(), false);
                    kernel.extensionEvent(player.id(), e.message(), e.data());
                } else if ("denied".equals(e.kind())) {
                    audit.reported(player.id(), "denial", e.message(), true); // its SDK client refused a request
                } else {
                    log(player.id(), e.level() + " " + e.message());
                }
            }

            @Override
            public void onPeerClosed(Endpoint endpoint) {
                kernel.supervisor().channelClosed(player, endpoint);
            }
        };
    }

    private void serve(Player p, Endpoint endpoint, Envelope request) {
        try {
            BrokerProtocol.Request r = PayloadCodec.decode(request.payload(), BrokerProtocol.Request.class);
            JsonNode a = r.args();
            JsonNode result = switch (r.op()) {
                case BrokerProtocol.FILES_READ -> files.read(p, a.path("path").asText());
                case BrokerProtocol.FILES_WRITE -> files.write(p, a.path("path").asText(), a.path("text").asText());
                case BrokerProtocol.FILES_LIST -> files.list(p, a.path("path").asText());
                case BrokerProtocol.NETWORK_FETCH -> fetch(p, PayloadCodec.json().treeToValue(a, NetworkProtocol.Fetch.class));
                case BrokerProtocol.PROCESS_RUN -> run(p, PayloadCodec.json().treeToValue(a, ProcessProtocol.Run.class));
                case BrokerProtocol.SETTINGS_GET -> JsonNodeFactory.instance.objectNode()
                        .set("value", kernel.extensionSetting(p, a.path("key").asText()));
                case BrokerProtocol.EXTENSION_CALL -> kernel.callFromExtension(p,
                        PayloadCodec.json().treeToValue(a, CallProtocol.ExtensionCall.class));
                default -> throw new CallFailedException(ErrorCode.INVALID_INPUT, "unknown brokered operation " + r.op());
            };
            endpoint.respond(request.correlationId(), PayloadCodec.encode(result));
        } catch (CallFailedException e) {
            endpoint.respondError(request.correlationId(), e.code().code(), e.getMessage());
        } catch (BusException e) {
            endpoint.respondError(request.correlationId(), e.status(), e.getMessage());
        } catch (Exception e) {
            endpoint.respondError(request.correlationId(), ErrorCode.EXTENSION_ERROR.code(), String.valueOf(e));
        }
    }

    private JsonNode fetch(Player p, NetworkProtocol.Fetch f) throws IOException, InterruptedException {
        URI uri = URI.create(f.url());
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        boolean allowed = uri.getHost() != null && p.permissions.canConnect(uri.getHost(), port);
        audit.record(p.id(), BrokerProtocol.NETWORK_FETCH, f.url(), allowed, null);
        if (!allowed) {
            throw new CallFailedException(ErrorCode.PERMISSION_DENIED, f.url() + " is not a host the manifest of " + p.id() + " lists");
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(Math.max(1, f.timeoutMs()))).GET().build(), HttpResponse.BodyHandlers.ofString());
        return PayloadCodec.json().valueToTree(new NetworkProtocol.FetchResult(response.statusCode(), response.body()));
    }

    private JsonNode run(Player p, ProcessProtocol.Run r) throws IOException, InterruptedException {
        boolean allowed = p.permissions.canSpawnProcesses();
        audit.record(p.id(), BrokerProtocol.PROCESS_RUN, String.join(" ", r.command()), allowed, null);
        if (!allowed) {
            throw new CallFailedException(ErrorCode.PERMISSION_DENIED, p.id() + " may not start processes");
        }
        ProcessBuilder pb = new ProcessBuilder(r.command());
        HostEnvironment.apply(pb.environment(), System.getenv()); // the program gets no more of the IDE's secrets than the host
        if (r.workingDir() != null) {
            pb.directory(Path.of(r.workingDir()).toFile());
        }
        Process process = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> slurp(process.getInputStream()), pool);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> slurp(process.getErrorStream()), pool);
        if (!process.waitFor(Math.max(1, r.timeoutMs()), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new CallFailedException(ErrorCode.TIMEOUT, String.join(" ", r.command()) + " did not finish in time");
        }
        return PayloadCodec.json().valueToTree(new ProcessProtocol.RunResult(process.exitValue(), out.join(), err.join()));
    }

    private static String slurp(java.io.InputStream in) {
        try (in) {
            return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    void log(String id, String line) {
        try {
            Files.createDirectories(logsDir);
            Files.writeString(logFile(id), Instant.now() + " kernel: " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // logging must never fail a call
        }
    }

    @Override
    public void close() {
        http.close();
        pool.shutdownNow();
    }
}
