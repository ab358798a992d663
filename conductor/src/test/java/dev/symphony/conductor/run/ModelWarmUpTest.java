package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Instrument's model is loaded (warm-up) through the pool manager before its first call, once. */
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
}
