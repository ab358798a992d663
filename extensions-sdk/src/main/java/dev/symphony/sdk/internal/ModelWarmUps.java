package dev.symphony.sdk.internal;

import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.protocol.ModelProtocol;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.Instrument;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The host's side of an Instrument's Loading → Warm: {@link Instrument#warmUp} runs once per capability,
 * before its first call or when the kernel asks. Whoever comes first runs it on its own thread; calls that
 * arrive meanwhile wait for that same warm-up. A failed warm-up fails every call that waited for it, and
 * the next call tries again. Each transition is reported to {@code states} (the host sends it to the kernel
 * as a one-way event; the test harness records it).
 */
public final class ModelWarmUps {
    private final ConcurrentHashMap<String, CompletableFuture<Long>> warmUps = new ConcurrentHashMap<>();
    private final Consumer<ModelProtocol.State> states;

    public ModelWarmUps(Consumer<ModelProtocol.State> states) {
        this.states = states;
    }

    /**
     * Returns once {@code capability}'s model is warm: at once when it already is, else after running or
     * waiting for its warm-up. Returns the warm-up's duration in ms. Throws the warm-up's failure
     * (an {@link ExtensionException} naming the capability) or, when the waiting thread is interrupted
     * (cancelled call), a CANCELLED one.
     */
    public long ensureWarm(String capability, Instrument instrument, CallContext context) throws ExtensionException {
        CompletableFuture<Long> warm = warmUps.get(capability);
        if (warm != null && warm.isDone() && !warm.isCompletedExceptionally()) {
            return warm.join();
        }
        CompletableFuture<Long> mine = new CompletableFuture<>();
        CompletableFuture<Long> current = warmUps.compute(capability, (k, old) ->
                old == null || old.isCompletedExceptionally() ? mine : old);
        if (current == mine) {
            run(capability, instrument, context, mine);
        }
        try {
            return current.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtensionException(ErrorCode.CANCELLED, "cancelled while waiting for the warm-up of '" + capability + "'");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof ExtensionException x ? x
                    : new ExtensionException(ErrorCode.EXTENSION_ERROR, String.valueOf(cause));
        }
    }

    /** True once {@code capability}'s model is warm. */
    public boolean isWarm(String capability) {
        CompletableFuture<Long> warm = warmUps.get(capability);
        return warm != null && warm.isDone() && !warm.isCompletedExceptionally();
    }

    private void run(String capability, Instrument instrument, CallContext context, CompletableFuture<Long> result) {
        states.accept(new ModelProtocol.State(capability, ModelProtocol.LOADING, -1, null));
        long started = System.nanoTime();
        try {
            instrument.warmUp(context);
            long ms = (System.nanoTime() - started) / 1_000_000;
            states.accept(new ModelProtocol.State(capability, ModelProtocol.WARM, ms, null));
            result.complete(ms);
        } catch (Throwable e) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            String why = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            boolean cancelled = context.cancelled() || e instanceof InterruptedException;
            states.accept(new ModelProtocol.State(capability, ModelProtocol.FAILED, ms, cancelled ? "cancelled: " + why : why));
            ErrorCode code = cancelled ? ErrorCode.CANCELLED : e instanceof ExtensionException x ? x.code() : ErrorCode.EXTENSION_ERROR;
            // the failure stays in the map (completed exceptionally) until the next caller replaces it: a retry
            result.completeExceptionally(new ExtensionException(code, "the warm-up of '" + capability + "' failed: " + why, e));
            if (e instanceof Error error && !(e instanceof LinkageError)) {
                throw error;
            }
        }
    }
}
