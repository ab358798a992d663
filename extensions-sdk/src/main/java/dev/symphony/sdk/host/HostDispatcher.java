package dev.symphony.sdk.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.ipc.api.CallFailedException;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.Envelope;
import dev.symphony.ipc.api.ErrorCode;
import dev.symphony.ipc.api.InboundHandler;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.ipc.api.StreamWriter;
import dev.symphony.ipc.manifest.ExtensionManifest;
import dev.symphony.ipc.protocol.CallProtocol;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.Instrument;
import dev.symphony.sdk.services.KernelServices;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Serves the kernel's calls. Operators and Addons run right here on the bus thread (short, like a
 * UI event loop: a handler that never returns stops the heartbeats, and the supervisor restarts the
 * host as hung). Instruments and all streams run on the worker pool, report chunks through a
 * credit-limited {@link StreamWriter}, and see cancellation through their {@link CallContext}.
 */
final class HostDispatcher implements InboundHandler {
    private final ExtensionManifest manifest;
    private final CapabilityRegistry registry;
    private final KernelServices services;
    private final ExecutorService workers;
    private final Runnable onShutdown;
    private final ConcurrentHashMap<Long, Call> running = new ConcurrentHashMap<>();

    HostDispatcher(ExtensionManifest manifest, CapabilityRegistry registry, KernelServices services,
                   ExecutorService workers, Runnable onShutdown) {
        this.manifest = manifest;
        this.registry = registry;
        this.services = services;
        this.workers = workers;
        this.onShutdown = onShutdown;
    }

    private final class Call implements CallContext {
        final String capability;
        volatile boolean cancelled;
        volatile Thread thread;

        Call(String capability) {
            this.capability = capability;
        }

        @Override
        public String extensionId() {
            return manifest.id();
        }

        @Override
        public String capability() {
            return capability;
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public KernelServices services() {
            return services;
        }
    }

    @Override
    public void onRequest(Endpoint endpoint, Envelope request) {
        CallProtocol.Invoke invoke = PayloadCodec.decode(request.payload(), CallProtocol.Invoke.class);
        Object impl = registry.get(invoke.capability());
        if (impl == null) {
            endpoint.respondError(request.correlationId(), ErrorCode.UNKNOWN_CAPABILITY,
                    manifest.id() + " has no capability '" + invoke.capability() + "'");
            return;
        }
        Call call = new Call(invoke.capability());
        if (impl instanceof Instrument) {
            submit(endpoint, request, () -> {
                call.thread = Thread.currentThread();
                try {
                    respond(endpoint, request, call, impl, invoke.input());
                } finally {
                    call.thread = null;
                    Thread.interrupted();
                }
            });
        } else {
            respond(endpoint, request, call, impl, invoke.input());
        }
    }

    private void respond(Endpoint endpoint, Envelope request, Call call, Object impl, JsonNode input) {
        running.put(request.correlationId(), call);
        try {
            JsonNode out = Invocation.invoke(impl, input, call, null, new Invocation.Counters());
            endpoint.respond(request.correlationId(), PayloadCodec.encode(out));
        } catch (Exception e) {
            fail(endpoint, request.correlationId(), e);
        } finally {
            running.remove(request.correlationId());
        }
    }

    @Override
    public void onStreamRequest(Endpoint endpoint, Envelope request) {
        CallProtocol.Invoke invoke = PayloadCodec.decode(request.payload(), CallProtocol.Invoke.class);
        Object impl = registry.get(invoke.capability());
        if (impl == null) {
            endpoint.respondError(request.correlationId(), ErrorCode.UNKNOWN_CAPABILITY,
                    manifest.id() + " has no capability '" + invoke.capability() + "'");
            return;
        }
        StreamWriter writer = endpoint.streamWriter(request);
        Call call = new Call(invoke.capability());
        running.put(request.correlationId(), call);
        submit(endpoint, request, () -> {
            call.thread = Thread.currentThread();
            Invocation.Counters counters = new Invocation.Counters();
            try {
                Invocation.invoke(impl, invoke.input(), call, chunk -> writer.write(PayloadCodec.encode(chunk)), counters);
                double cost = manifest.capability(invoke.capability())
                        .map(c -> c.cost().perCall() + c.cost().perToken() * counters.tokens).orElse(0.0);
                writer.end(PayloadCodec.encode(new CallProtocol.StreamSummary(counters.chunks, counters.tokens, cost)));
            } catch (CallFailedException e) {
                writer.fail(e.code(), e.getMessage());
            } catch (Exception e) {
                writer.fail(call.cancelled ? ErrorCode.CANCELLED : codeOf(e), String.valueOf(e.getMessage()));
            } finally {
                call.thread = null;
                running.remove(request.correlationId());
                Thread.interrupted();
            }
        });
    }

    private void submit(Endpoint endpoint, Envelope request, Runnable work) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException e) {
            running.remove(request.correlationId());
            endpoint.respondError(request.correlationId(), ErrorCode.BUSY, manifest.id() + " is busy");
        }
    }

    /** Calls are running on worker threads (the kernel then expects heartbeats). */
    boolean busy() {
        return !running.isEmpty();
    }

    @Override
    public void onCancel(Endpoint endpoint, long correlationId) {
        Call call = running.get(correlationId);
        if (call != null) {
            call.cancelled = true;
            Thread t = call.thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    @Override
    public void onShutdown(Endpoint endpoint) {
        onShutdown.run();
    }

    @Override
    public void onPeerClosed(Endpoint endpoint) {
        onShutdown.run();
    }

    private static ErrorCode codeOf(Exception e) {
        return e instanceof ExtensionException x ? x.code() : ErrorCode.EXTENSION_ERROR;
    }

    private static void fail(Endpoint endpoint, long correlationId, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        endpoint.respondError(correlationId, codeOf(e), message);
    }
}
