package dev.symphony.sdk;

import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.protocol.ModelProtocol;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.Instrument;
import dev.symphony.sdk.internal.ModelWarmUps;
import dev.symphony.sdk.services.KernelServices;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The host's warm-up rule: once per capability, shared by concurrent first calls, retried after a failure. */
class ModelWarmUpsTest {
    private final List<ModelProtocol.State> states = new CopyOnWriteArrayList<>();
    private final ModelWarmUps warmUps = new ModelWarmUps(states::add);
    private final AtomicInteger runs = new AtomicInteger();

    /** A model whose warm-up takes {@code ms} and fails while {@code failures} is positive. */
    private Instrument model(long ms, AtomicInteger failures) {
        return new Instrument() {
            @Override
            public void warmUp(CallContext context) throws Exception {
                runs.incrementAndGet();
                Thread.sleep(ms);
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("no weights at /models/m.bin");
                }
            }

            @Override
            public void generate(com.fasterxml.jackson.databind.JsonNode input, dev.symphony.sdk.api.TokenSink out,
                                 CallContext context) {
            }
        };
    }

    private static CallContext context(String capability) {
        return new CallContext() {
            public String extensionId() {
                return "test.ext";
            }

            public String capability() {
                return capability;
            }

            public boolean cancelled() {
                return Thread.currentThread().isInterrupted();
            }

            public KernelServices services() {
                return null;
            }
        };
    }

    private List<String> stateNames() {
        return states.stream().map(ModelProtocol.State::state).toList();
    }

    @Test
    void concurrentFirstCallsShareOneWarmUp() throws Exception {
        Instrument m = model(200, new AtomicInteger());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return warmUps.ensureWarm("m", m, context("m"));
            }));
        }
        go.countDown();
        List<Long> loadMs = new ArrayList<>();
        for (Future<Long> f : calls) {
            loadMs.add(f.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, runs.get(), "one warm-up for six concurrent first calls");
        assertEquals(List.of("LOADING", "WARM"), stateNames());
        assertTrue(loadMs.get(0) >= 200, "the load time is the warm-up's: " + loadMs);
        assertTrue(loadMs.stream().allMatch(loadMs.get(0)::equals), "every caller saw the same warm-up: " + loadMs);
        assertTrue(warmUps.isWarm("m"));
        warmUps.ensureWarm("m", m, context("m"));
        assertEquals(1, runs.get(), "a warm model is not warmed again");
        assertFalse(warmUps.isWarm("other"), "warmth is per capability");
    }

    @Test
    void aFailedWarmUpFailsItsCallersWithItsMessageAndIsRetriedByTheNextCall() throws Exception {
        Instrument m = model(50, new AtomicInteger(1));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(pool.submit(() -> warmUps.ensureWarm("m", m, context("m"))));
        }
        for (Future<Long> f : calls) {
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            ExtensionException x = assertInstanceOf(ExtensionException.class, e.getCause());
            assertEquals(ErrorCode.EXTENSION_ERROR, x.code());
            assertEquals("the warm-up of 'm' failed: no weights at /models/m.bin", x.getMessage());
        }
        pool.shutdown();
        assertEquals(1, runs.get(), "callers waiting for a failing warm-up do not start their own");
        assertEquals(List.of("LOADING", "FAILED"), stateNames());
        assertEquals("no weights at /models/m.bin", states.get(1).message());
        assertFalse(warmUps.isWarm("m"));

        assertTrue(warmUps.ensureWarm("m", m, context("m")) >= 50, "the next call warms it again");
        assertEquals(2, runs.get());
        assertEquals(List.of("LOADING", "FAILED", "LOADING", "WARM"), stateNames());
    }

    @Test
    void aWaiterThatIsCancelledStopsWaitingWithCancelled() throws Exception {
        Instrument m = model(2_000, new AtomicInteger());
        Thread owner = new Thread(() -> warmUps.ensureWarm("m", m, context("m")));
        owner.start();
        while (states.isEmpty()) {
            Thread.sleep(5);
        }
        Thread.currentThread().interrupt(); // as the host does for a cancelled call
        ExtensionException e = assertThrows(ExtensionException.class, () -> warmUps.ensureWarm("m", m, context("m")));
        assertTrue(Thread.interrupted());
        assertEquals(ErrorCode.CANCELLED, e.code());
        owner.join();
        assertTrue(warmUps.isWarm("m"), "the warm-up itself went on for the others");
    }
}
