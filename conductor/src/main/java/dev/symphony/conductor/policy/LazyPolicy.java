package dev.symphony.conductor.policy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A policy that loads in the background (DJL's engine takes seconds to start cold) and answers with a
 * heuristic until it is ready. Every decision handed to the heuristic is counted in {@link #fallbacks()}:
 * before the learned policy is loaded, if loading failed, or if it produced a non-finite score.
 * <p>The loading thread also takes the first passes over the deciding code off the run's thread: before loading it
 * scores a made-up decision with the heuristic (its classes loaded and linked, under this object's monitor, which
 * callers that decide hold too), and the learned policy, once loaded, scores a few before it answers. In a fresh
 * JVM those first passes cost a decision 1–2 ms (class loading, lambda linkage, the interpreter) against
 * ~0.1–0.3 ms afterwards (conductor/README.md, "Decision latency in real runs").
 */
public final class LazyPolicy implements SchedulingPolicy {
    private final String name;
    private final SchedulingPolicy fallback;
    private final CompletableFuture<SchedulingPolicy> loading = new CompletableFuture<>();
    private final Callable<SchedulingPolicy> loader;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicLong fallbacks = new AtomicLong();
    private volatile String decidedBy;

    private LazyPolicy(String name, SchedulingPolicy fallback, Callable<SchedulingPolicy> loader) {
        this.name = name;
        this.fallback = fallback;
        this.loader = loader;
    }

    /** Starts {@code loader} now on a daemon thread of its own, off the caller's (startup) path. */
    public static LazyPolicy startLoading(String name, SchedulingPolicy fallback, Callable<SchedulingPolicy> loader) {
        LazyPolicy p = new LazyPolicy(name, fallback, loader);
        p.start();
        return p;
    }

    /**
     * Starts {@code loader} (on its own daemon thread) at the first decision only: a command that never
     * schedules anything — an invalid Melody, a run of built-in nodes — never loads DJL's engine.
     */
    public static LazyPolicy onFirstUse(String name, SchedulingPolicy fallback, Callable<SchedulingPolicy> loader) {
        return new LazyPolicy(name, fallback, loader);
    }

    /** Starts loading unless it has started; returns at once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                synchronized (this) {
                    warmUp(fallback, 1);
                }
                SchedulingPolicy learned = loader.call();
                warmUp(learned, WARM_UP_PASSES); // not yet shared: no monitor needed
                loading.complete(learned);
            } catch (Throwable e) {
                loading.completeExceptionally(e);
            }
        }, "policy-loader-" + name);
        t.setDaemon(true);
        t.start();
    }

    /** Made-up decisions the learned policy scores before it answers: its code linked and run a few times. */
    static final int WARM_UP_PASSES = 20;

    /** Scores a made-up decision of a few candidates {@code passes} times; what it chooses is thrown away. */
    private static void warmUp(SchedulingPolicy policy, int passes) {
        Decision d = new Decision();
        for (int c = 0; c < 4; c++) {
            int o = d.add(c, 0, c);
            java.util.Arrays.fill(d.features(), o, o + CandidateFeatures.COUNT, 0.25f * c);
        }
        float[] scores = new float[d.count()];
        for (int i = 0; i < passes; i++) {
            policy.choose(d, scores);
            policy.choiceProbability(d, scores, 0);
        }
    }

    /** Whether loading has been started (by {@link #startLoading}, {@link #start} or a first decision). */
    public boolean started() {
        return started.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void score(Decision decision, float[] scores) {
        start();
        SchedulingPolicy learned = loading.isDone() && !loading.isCompletedExceptionally() ? loading.join() : null;
        if (learned != null) {
            learned.score(decision, scores);
            if (allFinite(scores, decision.count())) {
                decidedBy = learned.decidedBy();
                return;
            }
        }
        decidedBy = fallback.decidedBy();
        fallbacks.incrementAndGet();
        fallback.score(decision, scores);
    }

    /** The policy that answered the last decision: the learned one's name, or the fallback's. */
    @Override
    public String decidedBy() {
        String d = decidedBy;
        return d == null ? name : d;
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
        start();
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
