package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pause before a node, inspect, step, continue — without pausing unrelated branches. */
class StepDebuggerTest {
    private static final String FORK = "{\"formatVersion\":1,\"name\":\"d\",\"nodes\":["
            + "{\"id\":\"a\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"x\"}},"
            + "{\"id\":\"b\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"b got ${a.text}\"}},"
            + "{\"id\":\"c\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"c\"}},"
            + "{\"id\":\"d\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"${b.text}\"}}],"
            + "\"connections\":[{\"from\":\"a\",\"to\":\"b\"},{\"from\":\"a\",\"to\":\"c\"},{\"from\":\"b\",\"to\":\"d\"}]}";

    @Test
    void aBreakpointHoldsOnlyItsNodeAndStepAndContinueFinishTheRun(@TempDir Path dir) throws Exception {
        try (Harness h = new Harness(dir)) {
            StepDebugger debugger = new StepDebugger().breakBefore("b");
            CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Conductor(h.context().debugger(debugger)).start(h.melody(FORK), JsonNodeFactory.instance.objectNode());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(debugger.awaitHeld("b", 10_000));
            assertEquals("{\"text\":\"b got X\"}", debugger.held().get("b").toString(), "inspect the held node's input");
            assertEquals("{\"text\":\"X\"}", debugger.output("a").toString(), "inspect a finished node's output");
            // The unrelated branch c finishes while b is held.
            long deadline = System.currentTimeMillis() + 10_000;
            while (!h.finished().contains("c")) {
                assertTrue(System.currentTimeMillis() < deadline, h.events.toString());
                Thread.sleep(10);
            }
            assertTrue(!h.finished().contains("b"));
            debugger.breakAll();
            debugger.step("b");
            assertTrue(debugger.awaitHeld("d", 10_000), "after the step the next node pauses");
            assertEquals("{\"text\":\"b got X\"}", debugger.output("b").toString());
            debugger.continueAll();
            RunResult r = run.get(10, TimeUnit.SECONDS);
            assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
            assertEquals(List.of("a", "c", "b", "d"), h.finished());
            assertEquals(List.of("b", "d"), h.trace("node.paused"));
            h.assertEventsValid();
        }
    }
}
