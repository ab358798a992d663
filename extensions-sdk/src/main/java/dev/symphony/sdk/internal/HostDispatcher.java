package dev.symphony.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.ipc.api.BusException;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.Envelope;
import dev.symphony.contract.ErrorCode;
import dev.symphony.ipc.api.InboundHandler;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.ipc.api.StreamWriter;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.protocol.CallProtocol;
import dev.symphony.contract.protocol.LogProtocol;
import dev.symphony.contract.protocol.ModelProtocol;
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
 * An Instrument capability is warmed ({@link ModelWarmUps}) before its first call, or when the kernel
 * sends an {@link CallProtocol.Invoke} with {@code warmUp}; its unary answer is a
 * {@link ModelProtocol.Result} carrying the tokens and the declared cost.
 */
final class HostDispatcher implements InboundHandler {
    private final ExtensionManifest manifest;
    private final CapabilityRegistry registry;
    private final KernelServices services;
    private final ExecutorService workers;
    private final Runnable onShutdown;
    private final ConcurrentHashMap<Long, Call> running = new ConcurrentHashMap<>();
    private final ModelWarmUps warmUps;

    HostDispatcher(ExtensionManifest manifest, CapabilityRegistry registry, KernelServices services,
                   ExecutorService workers, Runnable onShutdown) {
        this.manifest = manifest;
        this.registry = registry;
        this.services = services;
        this.workers = workers;
        this.onShutdown = onShutdown;
        this.warmUps = new ModelWarmUps(state -> services.broker().event(new LogProtocol.HostEvent(
                ModelProtocol.EVENT_KIND, state.state().equals(ModelProtocol.FAILED) ? "error" : "info",
                state.capability() + " " + state.state(), PayloadCodec.json().valueToTree(state))));
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
            endpoint.respondError(request.correlationId(), ErrorCode.UNKNOWN_CAPABILITY.code(),
                    manifest.id() + " has no capability '" + invoke.capability() + "'");
            return;
        }
        Call call = new Call(invoke.capability());
        if (impl instanceof Instrument instrument) {
            running.put(request.correlationId(), call);
            submit(endpoint, request, () -> {
                call.thread = Thread.currentThread();
                try {
                    if (invoke.warmUp()) {
                        long ms = warmUps.ensureWarm(invoke.capability(), instrument, call);
                        endpoint.respond(request.correlationId(), PayloadCodec.encode(
                                new ModelProtocol.State(invoke.capability(), ModelProtocol.WARM, ms, null)));
                    } else {
                        warmUps.ensureWarm(invoke.capability(), instrument, call);
                        Invocation.Counters counters = new Invocation.Counters();
                        JsonNode out = Invocation.invoke(impl, invoke.input(), call, null, counters);
                        endpoint.respond(request.correlationId(), PayloadCodec.encode(
                                new ModelProtocol.Result(out, counters.tokens, cost(invoke.capability(), counters))));
                    }
                } catch (Exception e) {
                    fail(endpoint, request.correlationId(), call.cancelled ? new ExtensionException(ErrorCode.CANCELLED,
                            String.valueOf(e.getMessage())) : e);
                } finally {
                    call.thread = null;
                    running.remove(request.correlationId());
                    Thread.interrupted();
                }
            });
        } else if (invoke.warmUp()) {
            endpoint.respondError(request.correlationId(), ErrorCode.INVALID_INPUT.code(), manifest.id() + "/" + invoke.capability()
                    + " is not an Instrument: it has no model to warm up");
        } else {
            running.put(request.correlationId(), call);
            try {
                JsonNode out = Invocation.invoke(impl, invoke.input(), call, null, new Invocation.Counters());
                endpoint.respond(request.correlationId(), PayloadCodec.encode(out));
            } catch (Exception e) {
                fail(endpoint, request.correlationId(), e);
            } finally {
                running.remove(request.correlationId());
            }
        }
    }

    /** The declared cost of a call: perCall + perToken × tokens (0 when the manifest declares none). */
    private double cost(String capability, Invocation.Counters counters) {
        return manifest.capability(capability).map(c -> c.cost().perCall() + c.cost().perToken() * counters.tokens).orElse(0.0);
    }

    @Override
    public void onStreamRequest(Endpoint endpoint, Envelope request) {
        CallProtocol.Invoke invoke = PayloadCodec.decode(request.payload(), CallProtocol.Invoke.class);
        Object impl = registry.get(invoke.capability());
        if (impl == null) {
            endpoint.respondError(request.correlationId(), ErrorCode.UNKNOWN_CAPABILITY.code(),
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
                if (impl instanceof Instrument instrument) {
                    warmUps.ensureWarm(invoke.capability(), instrument, call);
                }
                Invocation.invoke(impl, invoke.input(), call, chunk -> writer.write(PayloadCodec.encode(chunk)), counters);
                writer.end(PayloadCodec.encode(new CallProtocol.StreamSummary(counters.chunks, counters.tokens,
                        cost(invoke.capability(), counters))));
            } catch (BusException e) {
                writer.fail(e.status(), e.getMessage());
            } catch (Exception e) {
                writer.fail((call.cancelled ? ErrorCode.CANCELLED : codeOf(e)).code(), String.valueOf(e.getMessage()));
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
            endpoint.respondError(request.correlationId(), ErrorCode.BUSY.code(), manifest.id() + " is busy");
        }
    }

    /** Waits up to {@code millis} for running calls to end (cancelled ones unwind before the extension is deactivated). */
    void awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
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

    /** The kernel is stopping this host: every running call is cancelled (as by CANCEL), then the host exits. */
    @Override
    public void onShutdown(Endpoint endpoint) {
        for (Long id : running.keySet()) {
            onCancel(endpoint, id);
        }
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
        endpoint.respondError(correlationId, codeOf(e).code(), message);
    }
}
