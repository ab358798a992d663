package dev.symphony.sdk.internal;

import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.protocol.CallProtocol;
import dev.symphony.contract.protocol.LogProtocol;
import dev.symphony.contract.protocol.ModelProtocol;
import dev.symphony.ipc.api.BusException;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.Envelope;
import dev.symphony.ipc.api.InboundHandler;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.ipc.api.StreamWriter;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.services.KernelServices;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * The bus side of the host: decodes the kernel's requests, hands them to the {@link CapabilityDispatcher}
 * and encodes its answers. Operators and Addons run right here on the bus thread (short, like a UI event
 * loop: a handler that never returns stops the heartbeats, and the supervisor restarts the host as hung).
 * Instruments, warm-ups and all streams run on the worker pool, report chunks through a credit-limited
 * {@link StreamWriter}, and see cancellation through their {@link CallContext}.
 */
final class HostDispatcher implements InboundHandler {
    private final ExtensionManifest manifest;
    private final CapabilityDispatcher dispatcher;
    private final ExecutorService workers;
    private final Runnable onShutdown;
    private final HostTrace trace;

    HostDispatcher(ExtensionManifest manifest, CapabilityRegistry registry, KernelServices services,
                   ExecutorService workers, Runnable onShutdown, HostTrace trace) {
        this.manifest = manifest;
        this.trace = trace;
        this.workers = workers;
        this.onShutdown = onShutdown;
        this.dispatcher = new CapabilityDispatcher(manifest, registry, services, state -> services.broker().event(
                new LogProtocol.HostEvent(ModelProtocol.EVENT_KIND, state.state().equals(ModelProtocol.FAILED) ? "error" : "info",
                        state.capability() + " " + state.state(), PayloadCodec.json().valueToTree(state))));
    }

    @Override
    public void onRequest(Endpoint endpoint, Envelope request) {
        CallProtocol.Invoke invoke = PayloadCodec.decode(request.payload(), CallProtocol.Invoke.class);
        boolean worker = dispatcher.needsWorker(invoke, false);
        CapabilityDispatcher.Call call = dispatcher.begin(request.correlationId(), invoke.capability(), worker);
        Runnable work = () -> {
            try {
                endpoint.respond(request.correlationId(), PayloadCodec.encode(dispatcher.answer(call, invoke)));
            } catch (ExtensionException e) {
                endpoint.respondError(request.correlationId(), e.code().code(), e.getMessage());
            } catch (RuntimeException e) { // an answer that cannot be encoded
                endpoint.respondError(request.correlationId(), ErrorCode.EXTENSION_ERROR.code(), String.valueOf(e));
            }
        };
        if (worker) {
            submit(endpoint, request, call, work);
        } else {
            work.run();
        }
    }

    @Override
    public void onStreamRequest(Endpoint endpoint, Envelope request) {
        CallProtocol.Invoke invoke = PayloadCodec.decode(request.payload(), CallProtocol.Invoke.class);
        StreamWriter writer = endpoint.streamWriter(request);
        CapabilityDispatcher.Call call = dispatcher.begin(request.correlationId(), invoke.capability(), true);
        submit(endpoint, request, call, () -> {
            trace.mark("host.callStart", System.nanoTime());
            boolean[] first = {true};
            try {
                writer.end(PayloadCodec.encode(dispatcher.stream(call, invoke, chunk -> {
                    if (first[0]) {
                        first[0] = false;
                        trace.mark("host.firstChunk", System.nanoTime());
                    }
                    try {
                        writer.write(PayloadCodec.encode(chunk));
                    } catch (BusException e) { // the receiver gave up, or the channel closed
                        throw new ExtensionException(ErrorCode.ofCode(e.status()), e.getMessage());
                    }
                })));
            } catch (ExtensionException e) {
                writer.fail(e.code().code(), e.getMessage());
            } catch (RuntimeException e) { // a chunk or summary that cannot be encoded
                writer.fail(ErrorCode.EXTENSION_ERROR.code(), String.valueOf(e));
            } finally {
                trace.flush(endpoint); // after the stream's last frame: the marks never delay it
            }
        });
    }

    private void submit(Endpoint endpoint, Envelope request, CapabilityDispatcher.Call call, Runnable work) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException e) {
            dispatcher.abandon(call);
            endpoint.respondError(request.correlationId(), ErrorCode.BUSY.code(), manifest.id() + " is busy");
        }
    }

    /** Waits up to {@code millis} for running calls to end (cancelled ones unwind before the extension is deactivated). */
    void awaitIdle(long millis) throws InterruptedException {
        dispatcher.awaitIdle(millis);
    }

    /** Calls are running (the kernel then expects heartbeats). */
    boolean busy() {
        return dispatcher.busy();
    }

    @Override
    public void onCancel(Endpoint endpoint, long correlationId) {
        trace.mark("host.cancel", System.nanoTime());
        dispatcher.cancel(correlationId);
    }

    /** The kernel is stopping this host: every running call is cancelled (as by CANCEL), then the host exits. */
    @Override
    public void onShutdown(Endpoint endpoint) {
        dispatcher.cancelAll();
        onShutdown.run();
    }

    @Override
    public void onPeerClosed(Endpoint endpoint) {
        onShutdown.run();
    }
}
