package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    private final KernelNetwork network;
    private final KernelProcesses processes;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256), r -> {
        Thread t = new Thread(r, "kernel-broker");
        t.setDaemon(true);
        return t;
    });

    private final BrokeredHttp http;
    private final long requestBytesPerSecond;
    private final KernelTrace trace;

    KernelBroker(Kernel kernel, AuditLog audit, Path logsDir, dev.symphony.kernel.secrets.KernelSecrets secrets, long requestBytesPerSecond,
                 KernelTrace trace) {
        this.kernel = kernel;
        this.requestBytesPerSecond = requestBytesPerSecond;
        this.trace = trace;
        this.http = new BrokeredHttp(audit, secrets, BrokerHttpClient.standard(), trace);
        this.audit = audit;
        this.logsDir = logsDir;
        this.files = new KernelFiles(audit);
        this.network = new KernelNetwork(audit, KernelNetwork.MAX_BODY_BYTES, KernelNetwork.MAX_TIMEOUT);
        this.processes = new KernelProcesses(audit, this::log);
        pool.allowCoreThreadTimeOut(true);
    }

    Path logFile(String id) {
        return logsDir.resolve(id + ".log");
    }

    InboundHandler handlerFor(Player player, CompletableFuture<Void> hello) {
        HostQuota quota = new HostQuota(player.id(), System::nanoTime, requestBytesPerSecond);
        java.util.concurrent.atomic.AtomicBoolean throttled = new java.util.concurrent.atomic.AtomicBoolean();
        return new InboundHandler() {
            @Override
            public void onHello(Endpoint endpoint, Envelope message) {
                hello.complete(null);
            }

            @Override
            public void onRequest(Endpoint endpoint, Envelope request) {
                if (overByteRate(endpoint, request)) {
                    return;
                }
                String refused = quota.tryBroker();
                if (refused != null) {
                    endpoint.respondError(request.correlationId(), ErrorCode.BUSY.code(), refused);
                    return;
                }
                try {
                    pool.execute(() -> {
                        try {
                            serve(player, endpoint, request);
                        } finally {
                            quota.brokerDone();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    quota.brokerDone();
                    endpoint.respondError(request.correlationId(), ErrorCode.BUSY.code(), "the kernel broker is busy");
                }
            }

            @Override
            public void onStreamRequest(Endpoint endpoint, Envelope request) {
                if (overByteRate(endpoint, request)) {
                    return;
                }
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
                Acting acting;
                try {
                    acting = acting(player, r);
                } catch (CallFailedException e) {
                    endpoint.respondError(request.correlationId(), e.code().code(), e.getMessage());
                    return;
                }
                http.start(acting, endpoint, request, h);
            }

            /** Refuses (undecoded) a request over the host's bytes a second; the refusals audited once a second at most. */
            private boolean overByteRate(Endpoint endpoint, Envelope request) {
                String refused = quota.admitRequest(request.payload().length);
                if (refused == null) {
                    return false;
                }
                endpoint.respondError(request.correlationId(), ErrorCode.LIMIT_EXCEEDED.code(), refused);
                long count = quota.refusedRequestsToReport();
                if (count > 0) {
                    audit.record("kernel", "bus.quota", player.id(), false, "refused " + count + " requests: " + refused);
                    log(player.id(), "refused " + count + " requests over its bus quota of " + quota.describeRequestRate());
                }
                return true;
            }

            @Override
            public void onCancel(Endpoint endpoint, long correlationId) {
                http.cancel(endpoint, correlationId);
            }

            @Override
            public boolean admitEvent(Endpoint endpoint, int payloadLength) {
                if (quota.admitEvent(payloadLength)) {
                    return true;
                }
                long dropped = quota.droppedToReport(); // the flood is not even copied out of the queue; one entry a second at most
                if (dropped > 0) {
                    audit.record("kernel", "event.quota", player.id(), false, "dropped " + dropped + " events over the quota of "
                            + quota.describe() + " (" + quota.dropped() + " in all)");
                    log(player.id(), "dropped " + dropped + " events over the quota of " + quota.describe());
                }
                if (quota.dropped() >= HostQuota.EVENTS_PER_SECOND && throttled.compareAndSet(false, true)) {
                    throttle(endpoint); // a second's worth dropped: not a burst, a flood
                }
                return false;
            }

            /**
             * The host floods past its quota: it runs on, at the lowest CPU priority, and its channel is read on a pump
             * thread of its own at that priority too, so that draining the flood no longer takes the shared pump's
             * thread and a core from the other hosts' round trips (not on the bus pump: it starts chrt).
             */
            private void throttle(Endpoint endpoint) {
                HostProcess h = player.host();
                if (h == null || h.endpoint != endpoint) {
                    return;
                }
                CompletableFuture<String> drain = new CompletableFuture<>();
                kernel.bus().isolate(endpoint, "flood-" + h.process.pid(), () -> drain.complete(FloodThrottle.lowerCurrentThread()));
                CompletableFuture.runAsync(() -> {
                    String done = FloodThrottle.lowerPriority(h.process.toHandle()) + "; its channel is read on a thread of its"
                            + " own: " + drain.completeOnTimeout("that thread did not start", 5, java.util.concurrent.TimeUnit.SECONDS).join();
                    audit.record("kernel", "event.flood", player.id(), false, "flooding the bus past its quota of "
                            + quota.describe() + ": " + done);
                    log(player.id(), "flooding the bus past its quota of " + quota.describe() + ": " + done);
                });
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
                } else if (LogProtocol.TRACE_EVENT.equals(e.kind())) {
                    if (trace != KernelTrace.NONE && e.data() != null) { // the host's marks, when the kernel asked for them
                        e.data().fields().forEachRemaining(m -> trace.mark(m.getKey(), m.getValue().asLong()));
                    }
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
            Acting acting = acting(p, r);
            JsonNode result = switch (r.op()) {
                case BrokerProtocol.FILES_READ -> files.read(acting, a.path("path").asText());
                case BrokerProtocol.FILES_WRITE -> files.write(acting, a.path("path").asText(), a.path("text").asText());
                case BrokerProtocol.FILES_LIST -> files.list(acting, a.path("path").asText());
                case BrokerProtocol.NETWORK_FETCH -> network.fetch(acting, PayloadCodec.json().treeToValue(a, NetworkProtocol.Fetch.class));
                case BrokerProtocol.PROCESS_RUN -> processes.run(acting, PayloadCodec.json().treeToValue(a, ProcessProtocol.Run.class));
                case BrokerProtocol.SETTINGS_GET -> JsonNodeFactory.instance.objectNode()
                        .set("value", kernel.extensionSetting(p, a.path("key").asText()));
                case BrokerProtocol.SETTINGS_GET_MANY -> settings(p, a.path("keys"));
                case BrokerProtocol.EXTENSION_CALL -> kernel.callFromExtension(acting,
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

    /** {@link BrokerProtocol#SETTINGS_GET_MANY}: each key resolved as {@code settings.get} resolves it, in one answer. */
    private JsonNode settings(Player p, JsonNode keys) {
        if (!keys.isArray() || keys.size() > 64) {
            throw new CallFailedException(ErrorCode.INVALID_INPUT, BrokerProtocol.SETTINGS_GET_MANY
                    + " takes 'keys', an array of at most 64 setting names");
        }
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        keys.forEach(k -> values.set(k.asText(), kernel.extensionSetting(p, k.asText())));
        return JsonNodeFactory.instance.objectNode().set("values", values);
    }

    /** Who the request acts for; a delegation token that is not a call to this host in flight is refused and audited. */
    private Acting acting(Player p, BrokerProtocol.Request r) {
        try {
            return kernel.acting(p, r.onBehalfOf());
        } catch (CallFailedException e) {
            audit.record(p.id(), r.op(), "on behalf of an unknown call", false, e.getMessage());
            throw e;
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
        processes.close();
    }
}
