package dev.symphony.kernel.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Feature;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.LanguageModelProtocol.Usage;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The router under a randomized fault schedule of 10,000 requests of at most 4 tokens, on a simulated clock (the
 * Endpoint here is a test double of the model behind it: this is a unit test of the router alone; the real
 * servers are the packaging module's LlamaServerRouterIT). Seeded: {@code -Dsymphony.test.seed=N}.
 */
class ModelRouterPropertyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration COOL_DOWN = Duration.ofSeconds(5);
    private static final ServedModel PAID = model("cloud", "gpt-4o-mini");
    private static final ServedModel LOCAL = model("local", "symphony-demo-bigram");
    private static final ErrorCode[] FAULTS = {ErrorCode.TIMEOUT, ErrorCode.BUSY, ErrorCode.EXTENSION_ERROR, ErrorCode.CRASHED, ErrorCode.CLOSED};

    private long now;

    private static ServedModel model(String instrument, String id) {
        return new ServedModel(instrument, new ModelInfo(id, id, 8192, List.of(Feature.CHAT), false));
    }

    /** The simulated models: each request's outcome drawn from the seeded schedule; time passes on the simulated clock. */
    private final class Scheduled implements ModelRouter.Endpoint {
        final Random random;
        final Map<String, Double> faultRate = new HashMap<>();

        Scheduled(Random random) {
            this.random = random;
        }

        @Override
        public Final chat(ServedModel model, ChatRequest request, Duration timeout, Consumer<String> onToken) {
            int tokens = 1 + random.nextInt(4);
            for (int i = 0; i < tokens; i++) {
                now += 1_000_000L * random.nextInt(50);
                if (random.nextDouble() < faultRate.getOrDefault(model.qualifiedId(), 0.0) / tokens) {
                    ErrorCode code = FAULTS[random.nextInt(FAULTS.length)];
                    if (code == ErrorCode.TIMEOUT) {
                        now += timeout.toNanos();
                    }
                    throw new CallFailedException(code, "scheduled " + code + " after " + i + " tokens");
                }
                onToken.accept("t");
            }
            // a hostile model may claim more than it streamed and more than maxTokens: the bill stays within the reservation
            long claimed = random.nextInt(10) == 0 ? 1_000_000 : tokens;
            return new Final(model.model().id(), new Message("assistant", "t".repeat(tokens)), new Usage(5, claimed), FinishReason.STOP);
        }

        @Override
        public void cancel() {
        }
    }

    @Test
    void noRequestOutlivesItsDeadlineEveryFailureNamesItsCauseCircuitsOpenAndRecoverAndNoBudgetIsOverspent() throws Exception {
        long seed = Long.getLong("symphony.test.seed", System.nanoTime());
        String again = "seed " + seed + " (rerun with -Dsymphony.test.seed=" + seed + ")";
        Random random = new Random(seed);
        PriceTable prices = PriceTable.shipped().withOverrides(new ObjectMapper().readTree(
                "{\"models\":{\"gpt-4o-mini\":{\"input\":150000,\"output\":600000,\"currency\":\"USD\"},"
                        + "\"symphony-demo-bigram\":{\"input\":0,\"output\":0,\"currency\":\"USD\"}}}"), "test");
        Budget perDay = new Budget("per-day", 20_000.0, 0);
        Scheduled endpoint = new Scheduled(random);
        ModelRouter router = new ModelRouter(endpoint, prices, 5.0, List.of(perDay), TIMEOUT, COOL_DOWN, () -> now);
        List<ServedModel> chain = List.of(PAID, LOCAL);
        int consecutive = 0;
        boolean sawOpen = false;
        boolean sawRecovery = false;
        double billed = 0;
        for (int n = 0; n < 10_000; n++) {
            if (n % 1_000 == 0) { // the fault schedule changes phase: calm, stormy, down
                endpoint.faultRate.put(PAID.qualifiedId(), new double[] {0.02, 0.4, 1.0}[random.nextInt(3)]);
                endpoint.faultRate.put(LOCAL.qualifiedId(), random.nextDouble() * 0.2);
            }
            now += 1_000_000L * random.nextInt(3_000);
            CircuitBreaker.State before = router.breaker(PAID).state();
            long start = now;
            ChatRequest request = new ChatRequest(null, List.of(Message.user("hi")), new Sampling(4, null, null, null, null));
            List<ModelRouter.Attempt> attempts;
            try {
                ModelRouter.Routed r = router.chat(chain, request, new ModelRouter.Listener() {
                    @Override
                    public void token(String text) {
                    }
                });
                attempts = r.attempts();
                if (r.cost() != null) {
                    assertTrue(r.cost() <= 5.0, again + ": request " + n + " cost " + r.cost() + ", over the per-request budget");
                    billed += r.cost();
                }
            } catch (ModelRouter.RoutingFailed e) {
                assertTrue(e.getMessage().startsWith("no model answered; "), again + ": " + e.getMessage());
                for (ServedModel m : chain) {
                    assertTrue(e.getMessage().contains(m.qualifiedId() + ": "), again + ": the failure names each model's cause: " + e.getMessage());
                }
                attempts = e.attempts();
            }
            assertTrue(now - start <= chain.size() * (TIMEOUT.toNanos() + 200_000_000L), again + ": request " + n + " outlived its deadline");
            // the paid model's circuit
            String first = attempts.get(0).outcome();
            if (before == CircuitBreaker.State.OPEN) {
                assertTrue(first.startsWith("circuit open"), again + ": an open circuit sent request " + n + ": " + first);
                sawOpen = true;
            }
            if (before == CircuitBreaker.State.HALF_OPEN && "ok".equals(first)) {
                assertEquals(CircuitBreaker.State.CLOSED, router.breaker(PAID).state(), again + ": the first good probe closes the circuit");
                sawRecovery = true;
            }
            if (!first.startsWith("circuit open") && !first.startsWith("budget")) {
                consecutive = "ok".equals(first) ? 0 : consecutive + 1;
                if (consecutive >= CircuitBreaker.DEFAULT_THRESHOLD) {
                    assertEquals(CircuitBreaker.State.OPEN, router.breaker(PAID).state(), again + ": " + consecutive + " consecutive failures");
                    consecutive = 0;
                }
            }
            if (router.breaker(PAID).state() != CircuitBreaker.State.CLOSED) {
                consecutive = 0;
            }
        }
        assertTrue(perDay.spent() <= perDay.limit() + 1e-9, again + ": overspent " + perDay.spent() + " of " + perDay.limit());
        assertTrue(billed <= perDay.limit() + 1e-9, again + ": billed " + billed);
        assertTrue(perDay.remaining() >= 0);
        assertTrue(sawOpen, again + ": the schedule never opened the circuit");
        assertTrue(sawRecovery, again + ": the circuit never recovered");
        assertFalse(perDay.remaining() > perDay.limit());
    }

    @Test
    void aCancelEndsTheChainAndAModelsBadRequestDoesNotFallBack() {
        ModelRouter.Endpoint failing = new ModelRouter.Endpoint() {
            @Override
            public Final chat(ServedModel model, ChatRequest request, Duration timeout, Consumer<String> onToken) {
                throw new CallFailedException(model == PAID ? ErrorCode.CANCELLED : ErrorCode.INVALID_INPUT, "bad");
            }

            @Override
            public void cancel() {
            }
        };
        ModelRouter router = new ModelRouter(failing, PriceTable.shipped(), Double.POSITIVE_INFINITY, List.of(), TIMEOUT, COOL_DOWN, () -> now);
        ChatRequest request = new ChatRequest(null, List.of(Message.user("hi")), null);
        try {
            router.chat(List.of(PAID, LOCAL), request, t -> { });
            fail("cancelled");
        } catch (CallFailedException e) {
            assertEquals(ErrorCode.CANCELLED, e.code());
        }
        try {
            router.chat(List.of(LOCAL, PAID), request, t -> { });
            fail("bad request");
        } catch (CallFailedException e) {
            assertEquals(ErrorCode.INVALID_INPUT, e.code());
            assertEquals("no model answered; local/symphony-demo-bigram: invalid_input: bad", e.getMessage());
        }
        assertTrue(ModelRouter.fallsBack(new CallFailedException(ErrorCode.INVALID_INPUT, "the prompt exceeds the context of 2048 tokens")));
    }
}
