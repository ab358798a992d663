package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.NodeSpec;
import dev.symphony.conductor.melody.CapabilitySpec;
import dev.symphony.conductor.melody.ErrorStrategy;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.MelodySchema;
import dev.symphony.conductor.melody.Problem;
import dev.symphony.conductor.melody.expr.Expr;
import dev.symphony.conductor.melody.expr.Template;
import dev.symphony.contract.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one call node on a worker thread with its error strategy: each candidate (the policy's choice first,
 * then Maestro's other providers) gets {@code 1 + retry.count} attempts with exponential backoff and the
 * retry's changed parameters; then {@code onError.fallback}; then it gives up ({@code then} is applied by the
 * run: fail, skip, halt, or compensate the finished nodes — {@link Compensation}). A {@code forEach} node does this per item
 * (multiple instances). Each attempt is bounded by the node's timeout and must pass the quality gate.
 */
final class NodeCall {
    record Outcome(JsonNode output, String producer, double cost, Float score) {
    }

    private final CallServices run;
    private final MelodyNode node;
    private final String name;
    private final Expr.Scope scope;
    private final List<CapabilitySpec> candidates;
    private final ExecutorService calls;
    private final JsonNode editedInput;
    private java.math.BigDecimal cost = Money.ZERO;

    NodeCall(CallServices services, CallSpec spec, ExecutorService calls) {
        this.run = services;
        this.node = spec.node();
        this.name = spec.name();
        this.scope = spec.scope();
        this.candidates = spec.candidates();
        this.editedInput = spec.input();
        this.calls = calls;
    }

    Outcome execute() throws NodeFailure, InterruptedException {
        if (node.call().forEach() == null) {
            return one(scope, "");
        }
        JsonNode items = Expr.parse(node.call().forEach()).eval(scope);
        if (!items.isArray()) {
            throw new NodeFailure("forEach must give an array, got " + dev.symphony.conductor.melody.expr.Values.describe(items));
        }
        // WCP14: the instances run concurrently, at most the run's concurrency limit at once; outputs keep item order.
        java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(Math.max(1, run.maxConcurrency()));
        List<Future<Outcome>> instances = new ArrayList<>();
        try {
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                int index = i;
                Expr.Scope itemScope = root -> root.equals("item") ? item
                        : root.equals("index") ? JsonNodeFactory.instance.numberNode(index) : scope.apply(root);
                permits.acquire();
                instances.add(calls.submit(() -> {
                    try {
                        Outcome o = one(itemScope, "[" + index + "]");
                        run.events().emit(new RunEvent.NodeProgress(name, index, null,
                                "instance " + (index + 1) + " of " + items.size() + " finished"));
                        return o;
                    } finally {
                        permits.release();
                    }
                }));
            }
            ArrayNode outputs = JsonNodeFactory.instance.arrayNode();
            Outcome last = null;
            for (Future<Outcome> f : instances) {
                last = f.get();
                outputs.add(last.output());
            }
            return new Outcome(outputs, last == null ? "conductor" : last.producer(), cost().doubleValue(), last == null ? null : last.score());
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof NodeFailure f) {
                throw f;
            }
            throw new NodeFailure(String.valueOf(e.getCause().getMessage()), e.getCause());
        } finally {
            instances.forEach(f -> f.cancel(true)); // a failed or cancelled node stops its other instances
        }
    }

    private synchronized void addCost(java.math.BigDecimal c) {
        cost = cost.add(c);
    }

    private synchronized java.math.BigDecimal cost() {
        return cost;
    }

    private Outcome one(Expr.Scope s, String instance) throws NodeFailure, InterruptedException {
        JsonNode input = editedInput != null ? editedInput : Template.render(node.call().input(), s);
        ErrorStrategy strategy = node.errorStrategy();
        ErrorStrategy.Retry retry = strategy.retry();
        int attempts = 1 + retry.count();
        String lastError = "no capability to call";
        int attemptNo = 0;
        for (int c = 0; c < candidates.size(); c++) {
            CapabilitySpec spec = candidates.get(c);
            int tries = c == 0 ? attempts : 1;
            for (int k = 0; k < tries; k++) {
                attemptNo++;
                JsonNode in = k == 0 ? input : merge(input, Template.render(retry.input(), s));
                try {
                    return attempt(spec, in);
                } catch (NodeFailure e) {
                    lastError = e.getMessage();
                }
                long backoff = k + 1 < tries ? retry.backoffMs(k) : 0;
                boolean more = k + 1 < tries || c + 1 < candidates.size() || strategy.fallback() != null;
                if (more) {
                    run.events().emit(new RunEvent.NodeRetried(name, attemptNo + 1, lastError + instance, backoff,
                            k + 1 < tries ? "retry" : c + 1 < candidates.size()
                                    ? "maestro: next provider " + candidates.get(c + 1).key() : "fallback"));
                }
                if (backoff > 0) {
                    run.sleeper().sleep(backoff);
                }
            }
        }
        ErrorStrategy.Fallback fb = strategy.fallback();
        if (fb != null) {
            attemptNo++;
            List<CapabilitySpec> specs = fb.extension() != null
                    ? run.capabilities().find(fb.extension(), fb.capability()).map(List::of).orElse(List.of())
                    : run.capabilities().offering(fb.capability(), null);
            JsonNode in = fb.input() != null ? Template.render(fb.input(), s) : input;
            for (CapabilitySpec spec : specs) {
                try {
                    return attempt(spec, in);
                } catch (NodeFailure e) {
                    lastError = "fallback " + spec.key() + ": " + e.getMessage();
                }
            }
            if (specs.isEmpty()) {
                lastError = "fallback " + fb.capability() + ": not installed";
            }
        }
        throw new NodeFailure(lastError + instance);
    }

    private Outcome attempt(CapabilitySpec spec, JsonNode input) throws NodeFailure, InterruptedException {
        JsonNode output;
        if (run.preview()) {
            output = node.call().preview() != null ? node.call().preview() : PreviewData.mock(spec.outputSchema(), node.id());
            return new Outcome(output, spec.key(), cost().doubleValue(), gate(output));
        }
        long timeoutMs = node.timeoutMs(spec.timeoutMs() > 0 ? spec.timeoutMs() : 30_000);
        int slot = "instrument".equals(spec.kind()) ? slot(spec, timeoutMs) : -1;
        CallBudget.Reservation reserved;
        try {
            reserved = CallBudget.reserve(spec, input, run.sharedBudget(), run.stats().estimates);
        } catch (NodeFailure refused) {
            if (slot >= 0) {
                run.stats().slots.release(slot, true);
            }
            throw refused;
        }
        JsonNode in = reserved.input();
        double charged = spec.costPerCall(); // what an attempt that fails or times out costs
        long started = run.clock().time();
        Future<Reply> f = calls.submit(() -> run.capabilities().invoke(spec, in, Duration.ofMillis(timeoutMs)));
        boolean answered = false; // the model answered (the pool's health); ok: and the answer passed the gate
        boolean ok = false;
        boolean interrupted = false;
        long tokens = 0;
        Float score;
        try {
            Reply done = f.get(timeoutMs, TimeUnit.MILLISECONDS);
            output = done.output();
            tokens = done.tokens();
            charged = Math.max(spec.costPerCall(), done.cost()); // what the call reports it cost
            if (output == null) {
                throw new NodeFailure(spec.key() + " returned nothing");
            }
            answered = true;
            score = gate(output);
            ok = true;
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new NodeFailure(spec.key() + " timed out after " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            f.cancel(true);
            interrupted = true;
            throw e;
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new NodeFailure(spec.key() + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
        } finally {
            run.sharedBudget().settle(reserved.cost(), charged); // the reservation becomes what it really cost
            addCost(Money.of(charged));
            if (slot >= 0) {
                run.stats().slots.release(slot, tokens, answered);
            }
            if (!interrupted) { // a cancelled call says nothing about its Instrument
                run.stats().slots.recordCall(spec, run.clock().time() - started, ok, charged, tokens);
            }
        }
        return new Outcome(output, spec.key(), cost().doubleValue(), score);
    }

    /** Waits for a model slot of an Instrument (bounded by the call's timeout); a budget refusal fails the attempt. */
    private int slot(CapabilitySpec spec, long timeoutMs) throws NodeFailure, InterruptedException {
        long deadline = run.clock().time() + timeoutMs;
        while (true) {
            ModelSlots.Grant grant = run.stats().slots.tryAcquire(spec, run.stats().account, run.sharedBudget().left(), run.capabilities());
            int slot = grant.slot();
            if (slot >= 0) {
                return awaitWarm(grant, spec, deadline, timeoutMs);
            }
            if (!ModelSlots.isWait(slot)) {
                throw new NodeFailure("the pool manager refused a model slot: " + run.stats().slots.refusal());
            }
            if (run.clock().time() > deadline) {
                throw new NodeFailure("no model slot for " + spec.key() + " within " + timeoutMs + " ms: " + run.stats().slots.refusal());
            }
            run.sleeper().sleep(5);
        }
    }

    /**
     * Waits (within the call's timeout) until the slot's model has loaded. A failed load has revoked
     * the slot already; on a timeout or interrupt the slot is given back here.
     */
    private int awaitWarm(ModelSlots.Grant grant, CapabilitySpec spec, long deadline, long timeoutMs)
            throws NodeFailure, InterruptedException {
        int slot = grant.slot();
        try {
            while (!run.stats().slots.isReady(slot, grant.task(), spec)) {
                if (run.clock().time() > deadline) {
                    run.stats().slots.release(slot, false);
                    throw new NodeFailure("the model of " + spec.key() + " did not load within " + timeoutMs + " ms");
                }
                run.sleeper().sleep(5);
            }
            return slot;
        } catch (InterruptedException e) {
            run.stats().slots.release(slot, false);
            throw e;
        }
    }

    /** The quality gate: schema validity, then the score against minScore. Returns the score, if any. */
    private Float gate(JsonNode output) throws NodeFailure {
        NodeSpec.Gate g = node.call().gate();
        if (g == null) {
            return null;
        }
        if (g.schema() != null) {
            List<Problem> problems = MelodySchema.problems(MelodySchema.compile(g.schema()), output, "$");
            if (!problems.isEmpty()) {
                throw new NodeFailure("quality gate: output does not match the gate's schema: " + problems);
            }
        }
        if (g.score() == null) {
            return null;
        }
        JsonNode v = Expr.parse(g.score()).eval(root -> root.equals("output") ? output : scope.apply(root));
        if (!v.isNumber()) {
            throw new NodeFailure("quality gate: score is not a number: " + v);
        }
        float score = (float) Math.max(0, Math.min(1, v.doubleValue()));
        double min = g.minScore();
        if (score < min) {
            throw new NodeFailure("quality gate: score " + score + " is below minScore " + min);
        }
        return score;
    }

    private static JsonNode merge(JsonNode base, JsonNode overrides) {
        if (!base.isObject() || overrides == null || !overrides.isObject()) {
            return base;
        }
        ObjectNode out = ((ObjectNode) base).deepCopy();
        out.setAll((ObjectNode) overrides);
        return out;
    }

    static List<CapabilitySpec> list(CapabilitySpec first, List<CapabilitySpec> all) {
        List<CapabilitySpec> out = new ArrayList<>();
        out.add(first);
        all.stream().filter(s -> !s.key().equals(first.key())).forEach(out::add);
        return out;
    }
}
