package dev.symphony.conductor.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LazyPolicyTest {
    /** A policy named {@code name} that scores with {@code score}. */
    private static SchedulingPolicy policy(String name, java.util.function.BiConsumer<Decision, float[]> score) {
        return new SchedulingPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void score(Decision d, float[] scores) {
                score.accept(d, scores);
            }
        };
    }

    /** Prefers the last candidate, the opposite of what the heuristic does on the decision below. */
    private static final SchedulingPolicy LEARNED = policy("learned", (d, scores) -> {
        for (int i = 0; i < d.count(); i++) {
            scores[i] = i;
        }
    });

    private static Decision decision() {
        Decision d = new Decision();
        d.features()[d.add(0, 0, 0) + CandidateFeatures.CRITICAL_TAIL] = 0.9f;
        d.features()[d.add(1, 0, 1) + CandidateFeatures.CRITICAL_TAIL] = 0.1f;
        return d;
    }

    @Test
    void answersWithTheHeuristicUntilLoadedAndCountsEveryFallback() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        LazyPolicy lazy = LazyPolicy.startLoading("rl", new HeuristicPolicy(), () -> {
            release.await();
            return LEARNED;
        });
        float[] scores = new float[2];
        assertEquals(0, lazy.choose(decision(), scores), "heuristic: longest tail first");
        assertEquals(0, lazy.choose(decision(), scores));
        assertEquals(2, lazy.fallbacks());
        assertFalse(lazy.isReady());
        release.countDown();
        assertTrue(lazy.awaitReady(Duration.ofSeconds(10)));
        assertEquals(1, lazy.choose(decision(), scores), "the learned policy answers once loaded");
        assertEquals(2, lazy.fallbacks());
    }

    @Test
    void aFailedLoadKeepsTheHeuristicAndSaysWhy() {
        LazyPolicy lazy = LazyPolicy.startLoading("rl", new HeuristicPolicy(), () -> {
            throw new java.io.IOException("no such policy file");
        });
        assertFalse(lazy.awaitReady(Duration.ofSeconds(10)));
        assertEquals("no such policy file", lazy.loadFailure().orElseThrow().getMessage());
        assertEquals(0, lazy.choose(decision(), new float[2]));
        assertEquals(1, lazy.fallbacks());
    }

    @Test
    void nonFiniteScoresAreHandedToTheHeuristic() {
        LazyPolicy lazy = LazyPolicy.startLoading("rl", new HeuristicPolicy(),
                () -> policy("broken", (d, scores) -> java.util.Arrays.fill(scores, 0, d.count(), Float.NaN)));
        assertTrue(lazy.awaitReady(Duration.ofSeconds(10)));
        assertEquals(0, lazy.choose(decision(), new float[2]));
        assertEquals(1, lazy.fallbacks());
    }

    @Test
    void onFirstUseLoadsNothingUntilTheFirstDecision() throws Exception {
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch firstDecided = new java.util.concurrent.CountDownLatch(1);
        LazyPolicy lazy = LazyPolicy.onFirstUse("rl", new HeuristicPolicy(), () -> {
            loads.incrementAndGet();
            try {
                firstDecided.await(10, java.util.concurrent.TimeUnit.SECONDS); // loading outlasts the first decision
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return LEARNED;
        });
        Thread.sleep(50);
        assertFalse(lazy.started());
        assertEquals(0, loads.get(), "nothing is loaded before a decision is asked for");
        assertEquals(0, lazy.choose(decision(), new float[2]), "the first decision goes to the heuristic");
        firstDecided.countDown();
        assertTrue(lazy.awaitReady(Duration.ofSeconds(10)));
        assertEquals(1, lazy.choose(decision(), new float[2]));
        assertEquals(1, loads.get());
    }

    @Test
    void theLearnedPolicyScoresMadeUpDecisionsBeforeItAnswersAndOneThatCannotScoreIsAFailedLoad() {
        java.util.List<Thread> scoredOn = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        LazyPolicy lazy = LazyPolicy.startLoading("rl", new HeuristicPolicy(), () -> policy("counting", (d, scores) -> {
            scoredOn.add(Thread.currentThread());
            LEARNED.score(d, scores);
        }));
        assertTrue(lazy.awaitReady(Duration.ofSeconds(10)));
        assertEquals(LazyPolicy.WARM_UP_PASSES, scoredOn.size(), "its first passes are taken before it answers");
        assertTrue(scoredOn.stream().allMatch(t -> t.getName().equals("policy-loader-rl")), "on the loading thread");
        assertEquals(1, lazy.choose(decision(), new float[2]));
        assertEquals(0, lazy.fallbacks());

        LazyPolicy throwing = LazyPolicy.startLoading("rl", new HeuristicPolicy(), () -> policy("throwing", (d, scores) -> {
            throw new IllegalStateException("weights do not fit the features");
        }));
        assertFalse(throwing.awaitReady(Duration.ofSeconds(10)));
        assertEquals("weights do not fit the features", throwing.loadFailure().orElseThrow().getMessage());
        assertEquals(0, throwing.choose(decision(), new float[2]), "the heuristic answers instead");
    }
}
