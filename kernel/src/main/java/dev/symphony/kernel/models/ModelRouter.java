package dev.symphony.kernel.models;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.contract.llm.LanguageModelProtocol.Usage;
import dev.symphony.contract.llm.PriceTable;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Chooses the endpoint behind a chat request and falls back along a chain: the role's model first, then each of
 * the fallbacks (settings {@code models.ROLE}, {@code models.fallback}; {@link RouterSettings}). A model is
 * skipped while its {@link CircuitBreaker} is open, and when the {@link Budget}s cannot cover the most it may
 * cost. An attempt that fails with a timeout (the per-request timeout), the endpoint busy (HTTP 429/503), its
 * host crashed or closed, a server error, a context-length error or a refused permission is recorded with its
 * cause and the next model is tried; a cancel ends the chain. When the failing model had already streamed tokens,
 * the {@link Listener} is told before the next model starts its answer from the beginning.
 */
public final class ModelRouter {
    /** One streamed chat attempt at a model (the kernel's {@link ChatCall} in the product). */
    public interface Endpoint {
        Final chat(ServedModel model, ChatRequest request, Duration timeout, java.util.function.Consumer<String> onToken);

        void cancel();
    }

    public interface Listener {
        void token(String text);

        /** {@code from} failed ({@code cause}) after {@code tokens} streamed tokens; {@code to} answers next. */
        default void fallback(ServedModel from, ServedModel to, String cause, int tokens) {
        }
    }

    /** One model tried, and how it ended ({@code "ok"} or the failure's cause). */
    public record Attempt(String model, String outcome) {
    }

    /** No model of the chain answered: the code of the last failure, and every attempt with its cause. */
    public static final class RoutingFailed extends CallFailedException {
        private static final long serialVersionUID = 1L;
        private final transient List<Attempt> attempts;

        RoutingFailed(ErrorCode code, List<Attempt> attempts, Throwable cause) {
            super(code, describe(attempts), cause);
            this.attempts = List.copyOf(attempts);
        }

        public List<Attempt> attempts() {
            return attempts;
        }
    }

    /** The answer, the model that gave it, what it was billed (null when its price is unknown) and every attempt. */
    public record Routed(ServedModel model, Final answer, Double cost, String currency, List<Attempt> attempts) {
    }

    static final int DEFAULT_MAX_TOKENS = 4096;
    private final Endpoint endpoint;
    private final PriceTable prices;
    private final double perRequest;
    private final List<Budget> budgets;
    private final Duration timeout;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final Duration coolDown;
    private volatile boolean cancelled;

    /**
     * @param perRequest the most one request may cost ({@code Double.POSITIVE_INFINITY}: no limit)
     * @param budgets    running budgets (a thread's, the day's) each request reserves from before it is sent
     */
    public ModelRouter(Endpoint endpoint, PriceTable prices, double perRequest, List<Budget> budgets, Duration timeout,
                       Duration coolDown, LongSupplier nanoClock) {
        this.endpoint = endpoint;
        this.prices = prices;
        this.perRequest = perRequest;
        this.budgets = List.copyOf(budgets);
        this.timeout = timeout;
        this.coolDown = coolDown;
        this.clock = nanoClock;
    }

    public CircuitBreaker breaker(ServedModel model) {
        return breakers.computeIfAbsent(model.qualifiedId(), k -> new CircuitBreaker(CircuitBreaker.DEFAULT_THRESHOLD, coolDown.toNanos(), clock));
    }

    /** Cancels the running attempt and the rest of the chain (any thread). */
    public void cancel() {
        cancelled = true;
        endpoint.cancel();
    }

    public Routed chat(List<ServedModel> chain, ChatRequest request, Listener listener) {
        if (chain.isEmpty()) {
            throw new CallFailedException(ErrorCode.INVALID_INPUT, "no model to route to (set models.chat or pass --model)");
        }
        List<Attempt> attempts = new ArrayList<>();
        ErrorCode last = null;
        for (int i = 0; i < chain.size(); i++) {
            if (cancelled) {
                throw new CallFailedException(ErrorCode.CANCELLED, "cancelled");
            }
            ServedModel model = chain.get(i);
            CircuitBreaker breaker = breaker(model);
            if (!breaker.tryAcquire()) {
                attempts.add(new Attempt(model.qualifiedId(), "circuit open after repeated failures"));
                continue;
            }
            Optional<PriceTable.Price> price = prices.price(model.instrument(), model.model().id());
            ChatRequest bounded = request;
            List<Budget.Reservation> held = new ArrayList<>();
            Usage reservedUsage = null;
            try {
                if (perRequest != Double.POSITIVE_INFINITY || budgets.stream().anyMatch(b -> b.limit() != Double.POSITIVE_INFINITY)) {
                    if (price.isEmpty()) {
                        throw new CallFailedException(ErrorCode.LIMIT_EXCEEDED, "its price is unknown (not in the price table) and a budget is set");
                    }
                    Sampling s = request.sampling() == null ? Sampling.defaults() : request.sampling();
                    int maxTokens = s.maxTokens() != null ? s.maxTokens()
                            : model.model().contextLength() > 0 ? model.model().contextLength() : DEFAULT_MAX_TOKENS;
                    bounded = request.with(request.model(), new Sampling(maxTokens, s.temperature(), s.topP(), s.seed(), s.stop()));
                    reservedUsage = new Usage(inputEstimate(request.messages()), maxTokens);
                    double most = price.get().cost(reservedUsage);
                    if (most > perRequest) {
                        throw new CallFailedException(ErrorCode.LIMIT_EXCEEDED, String.format(Locale.ROOT,
                                "the per-request budget is %.6f; this request may cost up to %.6f (its input and maxTokens at the price table's rates)",
                                perRequest, most));
                    }
                    for (Budget b : budgets) {
                        held.add(b.reserve(most));
                    }
                }
            } catch (CallFailedException e) {
                release(held, 0);
                breaker.release();
                attempts.add(new Attempt(model.qualifiedId(), "budget: " + e.getMessage()));
                continue;
            }
            int[] streamed = {0};
            try {
                Final answer = endpoint.chat(model, bounded, timeout, t -> {
                    streamed[0]++;
                    listener.token(t);
                });
                breaker.success();
                Usage billed = billed(request.messages(), streamed[0], answer.usage(), reservedUsage);
                Double cost = price.map(p -> p.cost(billed)).orElse(null);
                release(held, cost == null ? 0 : cost);
                attempts.add(new Attempt(model.qualifiedId(), "ok"));
                return new Routed(model, answer, cost, price.map(PriceTable.Price::currency).orElse(null), List.copyOf(attempts));
            } catch (CallFailedException e) {
                // a failed request is billed for what it streamed (the input, and the tokens that arrived)
                Usage partial = new Usage(inputEstimate(request.messages()), streamed[0]);
                release(held, price.map(p -> p.cost(partial)).orElse(0.0));
                if (e.code() == ErrorCode.CANCELLED || cancelled) {
                    breaker.release();
                    throw e;
                }
                String cause = cause(e);
                if (!fallsBack(e)) {
                    breaker.release();
                    attempts.add(new Attempt(model.qualifiedId(), cause));
                    throw new RoutingFailed(e.code(), attempts, e);
                }
                breaker.failure();
                last = e.code();
                attempts.add(new Attempt(model.qualifiedId(), cause));
                if (i + 1 < chain.size()) {
                    listener.fallback(model, chain.get(i + 1), cause, streamed[0]);
                }
            }
        }
        throw new RoutingFailed(last == null ? ErrorCode.EXTENSION_ERROR : last, attempts, null);
    }

    /** Failures the next model may not have: everything but a cancel and a request the model found bad. */
    static boolean fallsBack(CallFailedException e) {
        return switch (e.code()) {
            case CANCELLED -> false;
            case INVALID_INPUT -> String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("context");
            default -> true;
        };
    }

    static String cause(CallFailedException e) {
        return e.code().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage();
    }

    private static String describe(List<Attempt> attempts) {
        StringBuilder b = new StringBuilder("no model answered");
        for (Attempt a : attempts) {
            b.append("; ").append(a.model()).append(": ").append(a.outcome());
        }
        return b.toString();
    }

    private static void release(List<Budget.Reservation> held, double cost) {
        for (Budget.Reservation r : held) {
            owner(r).settle(r, cost);
        }
    }

    private static Budget owner(Budget.Reservation r) {
        return r.budget();
    }

    /**
     * The kernel's own conservative input count: a UTF-8 byte is at most one token for the byte-level tokenizers
     * of today's models, plus 8 tokens per message for the chat template.
     */
    static long inputEstimate(List<Message> messages) {
        long n = 0;
        for (Message m : messages) {
            n += 8 + (m.content() == null ? 0 : m.content().getBytes(StandardCharsets.UTF_8).length);
            if (m.toolCalls() != null) { // the calls the model made are input again in the next turn
                for (var call : m.toolCalls()) {
                    n += 8 + String.valueOf(call.name()).length() + String.valueOf(call.arguments()).getBytes(StandardCharsets.UTF_8).length;
                }
            }
        }
        return n;
    }

    /**
     * The larger of the kernel's count (its input estimate, the streamed chunks) and the model's report, never
     * more than was reserved (a report past it is the model's claim, not the kernel's bill).
     */
    static Usage billed(List<Message> messages, int streamedChunks, Usage reported, Usage reserved) {
        long in = Math.max(inputEstimate(messages), reported == null ? 0 : reported.inputTokens());
        long out = Math.max(streamedChunks, reported == null ? 0 : reported.outputTokens());
        if (reserved != null) {
            in = Math.min(in, reserved.inputTokens());
            out = Math.min(out, reserved.outputTokens());
        }
        return new Usage(in, out);
    }
}
