package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.CapabilitySpec;
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
 * retry's changed parameters; then {@code onError.fallback}; then, for {@code then: compensate}, the
 * corrective node, whose output stands in for this one's. A {@code forEach} node does this per item
 * (multiple instances). Each attempt is bounded by the node's timeout and must pass the quality gate.
 */
final class NodeCall {
    record Outcome(JsonNode output, String producer, double cost, Float score) {
    }

    private final MelodyRun run;
    private final MelodyNode node;
    private final String name;
    private final Expr.Scope scope;
    private final List<CapabilitySpec> candidates;
    private final ExecutorService calls;
    private double cost;

    NodeCall(MelodyRun run, MelodyNode node, String name, Expr.Scope scope, List<CapabilitySpec> candidates,
             ExecutorService calls) {
        this.run = run;
        this.node = node;
        this.name = name;
        this.scope = scope;
        this.candidates = candidates;
        this.calls = calls;
    }

    Outcome execute() throws NodeFailure, InterruptedException {
        if (!node.json().has("forEach")) {
            return one(scope, "");
        }
        JsonNode items = Expr.parse(node.text("forEach")).eval(scope);
        if (!items.isArray()) {
            throw new NodeFailure("forEach must give an array, got " + dev.symphony.conductor.melody.expr.Values.describe(items));
        }
        ArrayNode outputs = JsonNodeFactory.instance.arrayNode();
        String producer = null;
        Float score = null;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            int index = i;
            Expr.Scope itemScope = root -> root.equals("item") ? item
                    : root.equals("index") ? JsonNodeFactory.instance.numberNode(index) : scope.apply(root);
            Outcome o = one(itemScope, "[" + i + "]");
            outputs.add(o.output());
            producer = o.producer();
            score = o.score();
            ObjectNode p = run.events.event("node.progress", name);
            p.put("message", "instance " + (i + 1) + " of " + items.size() + " finished");
            p.put("iteration", i);
            run.events.emit(p);
        }
        return new Outcome(outputs, producer == null ? "conductor" : producer, cost, score);
    }

    private Outcome one(Expr.Scope s, String instance) throws NodeFailure, InterruptedException {
        JsonNode input = Template.render(node.field("input"), s);
        JsonNode onError = node.onError();
        JsonNode retry = onError.path("retry");
        int attempts = 1 + retry.path("count").asInt(0);
        String lastError = "no capability to call";
        int attemptNo = 0;
        for (int c = 0; c < candidates.size(); c++) {
            CapabilitySpec spec = candidates.get(c);
            int tries = c == 0 ? attempts : 1;
            for (int k = 0; k < tries; k++) {
                attemptNo++;
                JsonNode in = k == 0 ? input : merge(input, Template.render(retry.get("input"), s));
                try {
                    return attempt(spec, in);
                } catch (NodeFailure e) {
                    lastError = e.getMessage();
                }
                long backoff = k + 1 < tries ? (long) (retry.path("backoffMs").asLong(0)
                        * Math.pow(retry.path("factor").asDouble(1), k)) : 0;
                boolean more = k + 1 < tries || c + 1 < candidates.size() || onError.has("fallback");
                if (more) {
                    ObjectNode r = run.events.event("node.retried", name);
                    r.put("attempt", attemptNo + 1).put("error", lastError + instance).put("backoffMs", backoff);
                    r.put("reason", k + 1 < tries ? "retry" : c + 1 < candidates.size()
                            ? "maestro: next provider " + candidates.get(c + 1).key() : "fallback");
                    run.events.emit(r);
                }
                if (backoff > 0) {
                    Thread.sleep(backoff);
                }
            }
        }
        JsonNode fb = onError.get("fallback");
        if (fb != null) {
            attemptNo++;
            String ext = fb.path("extension").asText(null);
            List<CapabilitySpec> specs = ext != null
                    ? run.context.capabilities().find(ext, fb.path("capability").asText()).map(List::of).orElse(List.of())
                    : run.context.capabilities().offering(fb.path("capability").asText(), null);
            JsonNode in = fb.has("input") ? Template.render(fb.get("input"), s) : input;
            for (CapabilitySpec spec : specs) {
                try {
                    return attempt(spec, in);
                } catch (NodeFailure e) {
                    lastError = "fallback " + spec.key() + ": " + e.getMessage();
                }
            }
            if (specs.isEmpty()) {
                lastError = "fallback " + fb.path("capability").asText() + ": not installed";
            }
        }
        if (onError.path("then").asText("fail").equals("compensate")) {
            return compensate(s, input, lastError);
        }
        throw new NodeFailure(lastError + instance);
    }

    private Outcome compensate(Expr.Scope s, JsonNode input, String error) throws NodeFailure, InterruptedException {
        String id = node.onError().path("compensate").asText();
        MelodyNode comp = run.plan.melody.node(id).orElseThrow();
        ObjectNode failed = JsonNodeFactory.instance.objectNode().put("node", node.id()).put("error", error);
        failed.set("input", input);
        Expr.Scope cs = root -> root.equals("error") ? JsonNodeFactory.instance.textNode(error)
                : root.equals("failed") ? failed : s.apply(root);
        ObjectNode r = run.events.event("node.retried", name);
        r.put("error", error).put("reason", "compensate with '" + id + "'");
        run.events.emit(r);
        List<CapabilitySpec> specs = run.candidates(comp);
        if (comp.type() != dev.symphony.conductor.melody.NodeType.CALL || specs.isEmpty()) {
            throw new NodeFailure(error + "; compensation '" + id + "' cannot run (not a call node with an installed capability)");
        }
        try {
            Outcome o = new NodeCall(run, comp, name, cs, specs, calls).one(cs, "");
            return new Outcome(o.output(), "compensate:" + id + ":" + o.producer(), cost, o.score());
        } catch (NodeFailure e) {
            throw new NodeFailure(error + "; compensation '" + id + "' failed too: " + e.getMessage());
        }
    }

    private Outcome attempt(CapabilitySpec spec, JsonNode input) throws NodeFailure, InterruptedException {
        JsonNode output;
        if (run.context.preview()) {
            output = node.json().has("preview") ? node.json().get("preview") : PreviewData.mock(spec.outputSchema(), node.id());
        } else {
            long timeoutMs = node.timeoutMs(spec.timeoutMs() > 0 ? spec.timeoutMs() : 30_000);
            int slot = "instrument".equals(spec.kind()) ? slot(spec, timeoutMs) : -1;
            if (!run.sharedBudget().tryCharge(spec.costPerCall())) {
                if (slot >= 0) {
                    run.slots().release(slot, true);
                }
                throw new NodeFailure("budget exhausted: " + spec.key() + " costs " + spec.costPerCall() + ", "
                        + run.budgetLeft() + " left");
            }
            cost += spec.costPerCall();
            Future<Reply> f = calls.submit(() -> run.context.capabilities().invoke(spec, input, Duration.ofMillis(timeoutMs)));
            boolean ok = false;
            long tokens = 0;
            try {
                Reply done = f.get(timeoutMs, TimeUnit.MILLISECONDS);
                output = done.output();
                tokens = done.tokens();
                ok = output != null;
                // the declared cost per call was charged up front as the estimate; per-token cost comes on top
                double extra = Math.max(0, done.cost() - spec.costPerCall());
                if (extra > 0) {
                    run.sharedBudget().charge(extra);
                    cost += extra;
                }
            } catch (TimeoutException e) {
                f.cancel(true);
                run.recordOutcome(spec, false);
                throw new NodeFailure(spec.key() + " timed out after " + timeoutMs + " ms");
            } catch (InterruptedException e) {
                f.cancel(true);
                throw e;
            } catch (java.util.concurrent.ExecutionException e) {
                run.recordOutcome(spec, false);
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new NodeFailure(spec.key() + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
            } finally {
                if (slot >= 0) {
                    run.slots().release(slot, tokens, ok);
                }
            }
            if (output == null) {
                run.recordOutcome(spec, false);
                throw new NodeFailure(spec.key() + " returned nothing");
            }
        }
        Float score = gate(output);
        run.recordOutcome(spec, true);
        return new Outcome(output, spec.key(), cost, score);
    }

    /** Waits for a model slot of an Instrument (bounded by the call's timeout); a budget refusal fails the attempt. */
    private int slot(CapabilitySpec spec, long timeoutMs) throws NodeFailure, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            ModelSlots.Grant grant = run.slots().tryAcquire(spec, run.budgetLeft(), run.context.capabilities());
            int slot = grant.slot();
            if (slot >= 0) {
                return awaitWarm(grant, spec, deadline, timeoutMs);
            }
            if (!ModelSlots.isWait(slot)) {
                throw new NodeFailure("the pool manager refused a model slot: " + run.slots().refusal());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new NodeFailure("no model slot for " + spec.key() + " within " + timeoutMs + " ms: " + run.slots().refusal());
            }
            Thread.sleep(5);
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
            while (!run.slots().isReady(slot, grant.task(), spec)) {
                if (System.currentTimeMillis() > deadline) {
                    run.slots().release(slot, false);
                    throw new NodeFailure("the model of " + spec.key() + " did not load within " + timeoutMs + " ms");
                }
                Thread.sleep(5);
            }
            return slot;
        } catch (InterruptedException e) {
            run.slots().release(slot, false);
            throw e;
        }
    }

    /** The quality gate: schema validity, then the score against minScore. Returns the score, if any. */
    private Float gate(JsonNode output) throws NodeFailure {
        JsonNode g = node.field("gate");
        if (g.isMissingNode()) {
            return null;
        }
        if (g.has("schema")) {
            List<Problem> problems = MelodySchema.problems(MelodySchema.compile(g.get("schema")), output, "$");
            if (!problems.isEmpty()) {
                throw new NodeFailure("quality gate: output does not match the gate's schema: " + problems);
            }
        }
        if (!g.has("score")) {
            return null;
        }
        JsonNode v = Expr.parse(g.get("score").asText()).eval(root -> root.equals("output") ? output : scope.apply(root));
        if (!v.isNumber()) {
            throw new NodeFailure("quality gate: score is not a number: " + v);
        }
        float score = (float) Math.max(0, Math.min(1, v.doubleValue()));
        double min = g.path("minScore").asDouble(0);
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
