package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instrument calls through the pool manager: the model is loaded (warm-up) before its first call, once;
 * the cost a call reports (per call + per token) is what the run pays.
 */
class ModelWarmUpTest {
    static final String TWO_CALLS = """
        {"formatVersion":1,"name":"warm","nodes":[
          {"id":"a","type":"call","extension":"test.lm","capability":"gen","input":{"text":"one"}},
          {"id":"b","type":"call","extension":"test.lm","capability":"gen","input":{"text":"two"}}],
         "connections":[{"from":"a","to":"b"}]}""";
    static final String TEXT = "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}}";

    @Test
    void theFirstCallWaitsForTheModelToLoadAndLaterCallsFindItWarm(@TempDir Path dir) throws Exception {
        try (Harness h = new Harness(dir)) {
            long[] warmAt = {0};
            h.ops.add("instrument", "test.lm", "gen", TEXT, TEXT, 5, 0, in -> {
                assertTrue(warmAt[0] != 0 && System.nanoTime() >= warmAt[0], "called before its model was warm");
                return in;
            });
            h.ops.warmUps.put("test.lm/gen", () -> CompletableFuture.supplyAsync(() -> {
                warmAt[0] = System.nanoTime();
                return null;
            }, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS)));
            RunResult r = h.run(TWO_CALLS);
            assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
            assertEquals(List.of("test.lm/gen"), h.ops.warmUpsAsked, "loaded once: the second call found the model warm");
            assertEquals(2, h.ops.calls.size(), h.ops.calls.toString());
        }
    }

    @Test
    void aFailedLoadFailsTheNodeWithItsReasonAndTheNextRunLoadsAgain(@TempDir Path dir) throws Exception {
        try (Harness h = new Harness(dir)) {
            h.ops.add("instrument", "test.lm", "gen", TEXT, TEXT, 5, 0, in -> in);
            h.ops.warmUps.put("test.lm/gen", () -> CompletableFuture.failedFuture(new IllegalStateException("weights missing")));
            RunResult failed = h.run(TWO_CALLS);
            assertEquals(RunStatus.FAILED, failed.status());
            assertTrue(failed.error().contains("loading the model of test.lm/gen failed: weights missing"), failed.error());
            assertTrue(h.ops.calls.stream().noneMatch(c -> c.startsWith("test.lm/gen")), "never called without its model");

            h.ops.warmUps.remove("test.lm/gen");
            h.ops.warmUpsAsked.clear();
            RunResult ok = h.run(TWO_CALLS);
            assertEquals(RunStatus.SUCCEEDED, ok.status(), ok.error());
            assertEquals(List.of("test.lm/gen"), h.ops.warmUpsAsked, "a failed model is loaded again when needed");
        }
    }

    @Test
    void theRunPaysWhatACallReportsPerTokenNotOnlyTheDeclaredPricePerCall(@TempDir Path dir) throws Exception {
        try (Harness h = new Harness(dir)) {
            // priced per token, so its input must take maxTokens (the conductor bounds the call with it under a budget)
            String bounded = "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"},\"maxTokens\":{\"type\":\"integer\"}}}";
            h.ops.add("instrument", "test.lm", "gen", bounded, TEXT, 5, 0.5, in -> in);
            h.ops.usage.put("test.lm/gen", new TestOperators.Usage(10, 0.01)); // each call: 0.5 + 10 × 0.01 = 0.6
            RunResult r = h.run(TWO_CALLS.replace("\"name\":\"warm\",", "\"name\":\"warm\",\"limits\":{\"budget\":1.0},"));
            assertEquals(RunStatus.FAILED, r.status(), "two calls at 0.6 do not fit a budget of 1.0 (two at 0.5 would)");
            assertTrue(r.error().contains("budget"), r.error());
            assertEquals(1, h.ops.calls.size(), h.ops.calls.toString());
            assertEquals(0.6, h.ofType("node.finished").get(0).path("cost").asDouble(), 1e-9, h.events.toString());
        }
    }

    @Test
    void runsOfOneProcessShareOnePoolSoASecondRunFindsTheModelWarm(@TempDir Path dir) throws Exception {
        try (Harness h = new Harness(dir)) {
            h.ops.add("instrument", "test.lm", "gen", TEXT, TEXT, 5, 0, in -> in);
            Conductor conductor = new Conductor(h.context()); // one process: one context, one pool manager
            for (int i = 0; i < 2; i++) {
                RunResult r = conductor.start(h.melody(TWO_CALLS), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
                assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
            }
            assertEquals(List.of("test.lm/gen"), h.ops.warmUpsAsked, "loaded once for both runs");
            assertEquals(4, h.ops.calls.size(), h.ops.calls.toString());
            assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("pool-housekeeping")),
                    "the pool's housekeeping runs");
        }
    }
}
