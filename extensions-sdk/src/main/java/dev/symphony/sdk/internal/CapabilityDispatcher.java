package dev.symphony.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.Reply;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.protocol.CallProtocol;
import dev.symphony.contract.protocol.ModelProtocol;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.Instrument;
import dev.symphony.sdk.services.KernelServices;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs the calls of one extension's capabilities, whatever carries them: the host's bus adapter
 * ({@link HostDispatcher}) and the in-process test harness ({@code sdk.testing.ExtensionHarness}) both
 * drive this class. It owns the rules a call follows inside the host: an Instrument is warmed
 * ({@link ModelWarmUps}) before its first call; a unary call answers a {@link Reply} (output, tokens,
 * declared cost) for every kind; a stream ends with a {@link CallProtocol.StreamSummary}; a cancelled
 * call fails with CANCELLED; anything else an extension throws fails with its {@link ExtensionException}'s
 * code, or EXTENSION_ERROR. Which thread a call runs on is the caller's decision ({@link #needsWorker}).
 */
public final class CapabilityDispatcher {
    private final ExtensionManifest manifest;
    private final CapabilityRegistry registry;
    private final KernelServices services;
    private final ModelWarmUps warmUps;
    private final ConcurrentHashMap<Long, Call> running = new ConcurrentHashMap<>();

    /** {@code modelStates} hears every warm-up transition (LOADING, WARM, FAILED). */
    public CapabilityDispatcher(ExtensionManifest manifest, CapabilityRegistry registry, KernelServices services,
                                Consumer<ModelProtocol.State> modelStates) {
        this.manifest = manifest;
        this.registry = registry;
        this.services = services;
        this.warmUps = new ModelWarmUps(modelStates);
    }

    /** One running call: its context, and what cancels it. */
    public final class Call implements CallContext {
        private final long id;
        private final String capability;
        private final boolean interruptible;
        private volatile boolean cancelled;
        private volatile Thread thread;

        private Call(long id, String capability, boolean interruptible) {
            this.id = id;
            this.capability = capability;
            this.interruptible = interruptible;
        }

        @Override
        public String extensionId() {
            return manifest.id();
        }

        @Override
        public String capability() {
            return capability;
        }

        /** Cancelled by the caller, or the calling thread was interrupted (a test's timeout). */
        @Override
        public boolean cancelled() {
            return cancelled || (Thread.currentThread() == thread && thread.isInterrupted());
        }

        @Override
        public KernelServices services() {
            return services;
        }
    }

    /**
     * Whether a call must leave the thread that received it: Instruments, warm-ups and streams may run
     * long; Operators and Addons are answered at once (like a UI event loop).
     */
    public boolean needsWorker(CallProtocol.Invoke invoke, boolean stream) {
        return stream || invoke.warmUp() || registry.get(invoke.capability()) instanceof Instrument
                || manifest.capability(invoke.capability()).map(CapabilityDispatcher::slow).orElse(false);
    }

    /** Above this declared p99 latency an Operator or Addon runs on a worker, so the bus thread keeps heartbeating. */
    public static final double BUS_THREAD_BUDGET_MS = 100;

    /** A capability whose manifest declares {@code latency.p99Ms} above {@link #BUS_THREAD_BUDGET_MS} (disk, a repository). */
    static boolean slow(ExtensionManifest.Capability c) {
        return c.latency() != null && c.latency().p99Ms() > BUS_THREAD_BUDGET_MS;
    }

    /**
     * Registers call {@code id} before it runs (so {@link #busy} sees calls still queued for a worker);
     * {@code interruptible}: {@link #cancel} may interrupt the thread that runs it (never a bus thread).
     */
    public Call begin(long id, String capability, boolean interruptible) {
        Call call = new Call(id, capability, interruptible);
        running.put(id, call);
        return call;
    }

    /** Forgets a call that will not run (no worker took it). */
    public void abandon(Call call) {
        running.remove(call.id);
    }

    /**
     * Answers a unary {@code invoke} on the calling thread: a {@link Reply}, or for a warm-up request the
     * model's {@link ModelProtocol.State} (WARM and its load time). Throws {@link ExtensionException}.
     */
    public Object answer(Call call, CallProtocol.Invoke invoke) {
        Object impl = implementation(call, invoke.capability());
        if (invoke.warmUp() && !(impl instanceof Instrument)) {
            running.remove(call.id);
            throw new ExtensionException(ErrorCode.INVALID_INPUT, manifest.id() + "/" + invoke.capability()
                    + " is not an Instrument: it has no model to warm up");
        }
        return run(call, invoke.onBehalfOf(), () -> {
            if (impl instanceof Instrument instrument) {
                long ms = warmUps.ensureWarm(invoke.capability(), instrument, call);
                if (invoke.warmUp()) {
                    return new ModelProtocol.State(invoke.capability(), ModelProtocol.WARM, ms, null);
                }
            }
            Invocation.Counters counters = new Invocation.Counters();
            JsonNode out = Invocation.invoke(impl, invoke.input(), call, null, counters);
            return new Reply(out, counters.tokens, cost(invoke.capability(), counters));
        });
    }

    /** Runs {@code invoke} as a stream on the calling thread: each chunk goes to {@code chunks}; returns the summary. */
    public CallProtocol.StreamSummary stream(Call call, CallProtocol.Invoke invoke, Consumer<JsonNode> chunks) {
        Object impl = implementation(call, invoke.capability());
        return run(call, invoke.onBehalfOf(), () -> {
            if (impl instanceof Instrument instrument) {
                warmUps.ensureWarm(invoke.capability(), instrument, call);
            }
            Invocation.Counters counters = new Invocation.Counters();
            Invocation.invoke(impl, invoke.input(), call, chunks, counters);
            return new CallProtocol.StreamSummary(counters.chunks, counters.tokens, cost(invoke.capability(), counters));
        });
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private <T> T run(Call call, String onBehalfOf, Work<T> work) {
        call.thread = Thread.currentThread();
        String outer = CallerScope.enter(onBehalfOf);
        try {
            return work.run();
        } catch (Exception e) {
            throw failure(call, e);
        } finally {
            CallerScope.leave(outer);
            call.thread = null;
            running.remove(call.id);
            if (call.interruptible) {
                Thread.interrupted(); // a cancel that came late must not reach the worker's next call
            }
        }
    }

    private Object implementation(Call call, String capability) {
        Object impl = registry.get(capability);
        if (impl == null) {
            running.remove(call.id);
            throw new ExtensionException(ErrorCode.UNKNOWN_CAPABILITY, manifest.id() + " has no capability '" + capability + "'");
        }
        return impl;
    }

    private static ExtensionException failure(Call call, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (call.cancelled) {
            return new ExtensionException(ErrorCode.CANCELLED, message, e);
        }
        return e instanceof ExtensionException x ? x : new ExtensionException(ErrorCode.EXTENSION_ERROR, message, e);
    }

    /** The declared cost of a call: perCall + perToken × tokens (0 when the manifest declares none). */
    private double cost(String capability, Invocation.Counters counters) {
        return manifest.capability(capability).map(ExtensionManifest.Capability::cost)
                .map(c -> c.perCall() + c.perToken() * counters.tokens).orElse(0.0);
    }

    /** Cancels call {@code id}: its context reports cancelled, and a worker running it is interrupted. */
    public void cancel(long id) {
        Call call = running.get(id);
        if (call != null) {
            call.cancelled = true;
            Thread t = call.thread;
            if (t != null && call.interruptible) {
                t.interrupt();
            }
        }
    }

    /** Cancels every running call (shutdown). */
    public void cancelAll() {
        running.keySet().forEach(this::cancel);
    }

    /** Calls are registered and not finished. */
    public boolean busy() {
        return !running.isEmpty();
    }

    /** Waits up to {@code millis} for running calls to end (cancelled ones unwind before the extension is deactivated). */
    public void awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
