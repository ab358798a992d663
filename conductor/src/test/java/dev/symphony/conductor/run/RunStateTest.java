package dev.symphony.conductor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The run's state is one object owned by the run's thread: named operations, no change from another thread. */
class RunStateTest {

    @Test
    void anotherThreadCannotChangeIt() throws Exception {
        RunState state = new RunState();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                state.fail("from a worker");
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "worker-1");
        worker.start();
        worker.join();
        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
        assertTrue(thrown.get().getMessage().startsWith("a run's state changes only on its own thread ("), thrown.get().getMessage());
        assertTrue(thrown.get().getMessage().endsWith("), not on worker-1"), thrown.get().getMessage());
        assertTrue(state.going());
    }

    @Test
    void finishedOutputsKeepTheirOrderAndAWithdrawnCallIsInterrupted() throws ExecutionException, InterruptedException {
        RunState state = new RunState();
        state.finished(2, "b", "b", TextNode.valueOf("B"), 7, false);
        state.finished(0, "out", "out", TextNode.valueOf("O"), 8, true);
        assertEquals(List.of(2, 0), state.finishedOrder());
        assertEquals("O", state.runOutputs().path("out").asText());
        assertEquals(7L, state.artifactId("b"));
        state.replaced("b", "b", TextNode.valueOf("B"), 9);
        assertEquals(9L, state.artifactId("b"));
        CompletableFuture<Void> call = new CompletableFuture<>();
        state.started(3, call);
        assertTrue(state.withdraw(3));
        assertTrue(call.isCancelled());
        assertFalse(state.ended(3), "a withdrawn step's outcome is not used");
        assertEquals(1, state.halt(4));
        assertEquals(2, state.halt(4));
        state.resumeHalted(4);
        assertFalse(state.isHalted(4));
        assertEquals(2, state.halts(4), "each halt is a new question");
    }
}
