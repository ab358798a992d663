package dev.symphony.conductor.policy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A policy that loads in the background (DJL's engine takes seconds to start cold) and answers with a
 * heuristic until it is ready. Every decision handed to the heuristic is counted in {@link #fallbacks()}:
 * before the learned policy is loaded, if loading failed, or if it produced a non-finite score.
 */
public final class LazyPolicy implements SchedulingPolicy {
    private final String name;
    private final SchedulingPolicy fallback;
    private final CompletableFuture<SchedulingPolicy> loading;
    private final AtomicLong fallbacks = new AtomicLong();

    private LazyPolicy(String name, SchedulingPolicy fallback, CompletableFuture<SchedulingPolicy> loading) {
        this.name = name;
        this.fallback = fallback;
        this.loading = loading;
    }

    /** Starts {@code loader} on a daemon thread of its own, off the caller's (startup) path. */
    public static LazyPolicy startLoading(String name, SchedulingPolicy fallback, Callable<SchedulingPolicy> loader) {
        CompletableFuture<SchedulingPolicy> future = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                future.complete(loader.call());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "policy-loader-" + name);
        t.setDaemon(true);
        t.start();
        return new LazyPolicy(name, fallback, future);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void score(Decision decision, float[] scores) {
        SchedulingPolicy learned = loading.isDone() && !loading.isCompletedExceptionally() ? loading.join() : null;
        if (learned != null) {
            learned.score(decision, scores);
            if (allFinite(scores, decision.count())) {
                return;
            }
        }
        fallbacks.incrementAndGet();
        fallback.score(decision, scores);
    }

    private static boolean allFinite(float[] scores, int count) {
        for (int i = 0; i < count; i++) {
            if (!Float.isFinite(scores[i])) {
                return false;
            }
        }
        return true;
    }

    /** Waits up to {@code timeout} for the learned policy; true when it is ready to answer. */
    public boolean awaitReady(Duration timeout) {
        try {
            loading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isReady() {
        return loading.isDone() && !loading.isCompletedExceptionally();
    }

    /** Why loading failed, if it did. */
    public Optional<Throwable> loadFailure() {
        if (!loading.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            loading.join();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** The learned policy once loaded. */
    public Optional<SchedulingPolicy> learned() {
        return isReady() ? Optional.of(loading.join()) : Optional.empty();
    }

    /** Decisions answered by the heuristic instead of the learned policy. */
    public long fallbacks() {
        return fallbacks.get();
    }

    public void resetFallbacks() {
        fallbacks.set(0);
    }
}
